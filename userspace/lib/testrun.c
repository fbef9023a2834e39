/* The test programs' runner (tern/testrun.h). */
#include <proto/init.h>
#include <stdarg.h>
#include <stdio.h>
#include <tern/program.h>
#include <tern/testrun.h>

static char reason[200];

int test_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	return 1;
}

int test_run(const struct test_case *cases, unsigned n)
{
	int passed = 0, failed = 0;
	for (unsigned i = 0; i < n; i++) {
		reason[0] = '\0';
		if (cases[i].fn()) {
			printf("FAIL %s: %s\n", cases[i].name, reason);
			failed++;
		} else {
			printf("PASS %s\n", cases[i].name);
			passed++;
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	struct tern_msg m = { .info = MSG_INFO(INIT_POWEROFF, 0, 0) };
	tern_call(PROG_INIT, &m);
	return failed != 0;
}
