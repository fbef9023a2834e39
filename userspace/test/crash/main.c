/*
 * A program that faults in the middle of a pipeline (test): it copies a
 * few bytes of its stdin to its stdout, then writes to address 0. The
 * shell must report the fault, end the rest of the pipeline and carry on
 * (ci/scenarios/shell-pipes.run).
 */
#include <stdio.h>

/* The null write is the point: in the sanitized build (docs/hosted.md)
 * UBSan would report it before the CPU could fault. */
__attribute__((no_sanitize("undefined")))
int main(void)
{
	char buf[16];
	long n = stdin_read(buf, sizeof(buf));
	if (n > 0)
		stdout_write(buf, (size_t)n);
	*(volatile int *)0 = 1;
	return 0;
}
