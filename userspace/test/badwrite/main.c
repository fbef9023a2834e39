/*
 * A driver that writes to address 0, memory it was never given (test): a
 * page fault on every platform, PLATFORM=linux included. init reports it,
 * restarts it once and then gives up, while the rest of the system keeps
 * working (ci/scenarios/supervisor.run, init-nodevice.run). test/badport
 * is the same with a stray I/O port, which needs a PC (init-hw.run).
 */
#include <stdio.h>

/* The null write is the point: in the sanitized build (docs/hosted.md)
 * UBSan would report it before the CPU could fault. */
__attribute__((no_sanitize("undefined")))
int main(void)
{
	printf("badwrite: writing to address 0, which is not mine\n");
	*(volatile int *)0 = 1;
	return 0;
}
