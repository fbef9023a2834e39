/*
 * The runner behind unit.h: runs every registered test in order.
 *
 * Output is line buffered and flushed after each test: under ASan a
 * failing test ends the process with _exit, which does not flush stdio,
 * so with a fully buffered stdout (a pipe or log file, as in check.sh)
 * every PASS/FAIL line before the sanitizer report would be lost.
 */
#define _GNU_SOURCE
#include "unit.h"
#include <stdlib.h>
#include <string.h>

#define MAX_TESTS 512

static struct {
	const char *name;
	unit_fn fn;
} tests[MAX_TESTS];
static int ntests;
static const char *current;
int unit_failed_now;

void unit_register(const char *name, unit_fn fn)
{
	if (ntests == MAX_TESTS) {
		fprintf(stderr, "unit: too many tests\n");
		exit(2);
	}
	tests[ntests].name = name;
	tests[ntests].fn = fn;
	ntests++;
}

void unit_fail(const char *file, int line, const char *what)
{
	printf("FAIL %s: %s:%d: %s\n", current, file, line, what);
	unit_failed_now = 1;
}

uint8_t *unit_tar_from_shell(const char *cmd, size_t *len)
{
	char dir[] = "/tmp/tern-unit-XXXXXX", sh[4096], path[64];
	if (!mkdtemp(dir))
		return 0;
	snprintf(sh, sizeof(sh), "cd %s && (%s) >/dev/null 2>&1", dir, cmd);
	uint8_t *buf = 0;
	if (system(sh) == 0) {
		snprintf(path, sizeof(path), "%s/x.tar", dir);
		FILE *f = fopen(path, "rb");
		if (f) {
			buf = malloc(1 << 20);
			*len = fread(buf, 1, 1 << 20, f);
			fclose(f);
		}
	}
	snprintf(sh, sizeof(sh), "rm -rf %s", dir);
	if (system(sh) != 0)
		printf("note: could not remove %s\n", dir);
	return buf;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	setvbuf(stdout, 0, _IOLBF, 0);
	for (int i = 0; i < ntests; i++) {
		if (argc > 1 && !strstr(tests[i].name, argv[1]))
			continue;
		current = tests[i].name;
		unit_failed_now = 0;
		tests[i].fn();
		if (unit_failed_now) {
			failed++;
		} else {
			passed++;
			printf("PASS %s\n", tests[i].name);
		}
		fflush(stdout);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
