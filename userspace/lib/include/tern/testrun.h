/*
 * The runner of the table-driven test programs (test/fstest, pipetest,
 * hwprobe): each case returns 0, or test_fail's 1 with a reason. The
 * runner prints "PASS name" or "FAIL name: reason" a case, then "N passed,
 * N failed" for the run tool's `report`, and asks init to power off.
 */
#pragma once

struct test_case {
	const char *name;
	int (*fn)(void);
};

/* The current case fails for this reason (printf format): returns 1. */
int test_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Run the n cases in order: the program's exit status (0: all passed). */
int test_run(const struct test_case *cases, unsigned n);
