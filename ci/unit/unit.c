/* The runner behind unit.h: runs every registered test in order. */
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

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
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
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
