/*
 * The 1 kHz tick on the host, counted from CLOCK_MONOTONIC (vDSO: no
 * system call). A tick is due every 1/SCHED_HZ s from the start; the
 * kernel takes the due ones only where it waits (user.c), like ticks taken
 * with interrupts on, and waits at most until the next one is due (a
 * futex wait for the running task's entry, a poll in idle), so no timer
 * descriptor is needed. A stopped tern-linux (gdb) finds many ticks due at
 * once, as a timerfd would have counted them.
 *
 * The TSC rate (MACHINE_INFO, ktest's bench in ns) is measured as on the
 * PC, over the first 100 ticks.
 */
#include <stdint.h>
#include <time.h>

#include <hosted/hosted.h>
#include "../../../kernel/include/sched.h"      /* the kernel's, not libc's */

#define TICK_NS (1000000000ull / SCHED_HZ)

extern uint64_t tsc_hz;
static uint64_t start_ns, taken;
static uint64_t tsc0, tsc0_ns;

uint64_t hosted_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

void hosted_clock_start(void)
{
	start_ns = hosted_now_ns();
	tsc0 = rdtsc();
	tsc0_ns = start_ns;
}

uint64_t hosted_next_tick_ns(void) { return start_ns + (taken + 1) * TICK_NS; }

uint64_t hosted_timer_ticks(void)
{
	uint64_t now = hosted_now_ns();
	if (now < hosted_next_tick_ns())
		return 0;
	uint64_t due = (now - start_ns) / TICK_NS, n = due - taken;
	taken = due;
	if (!tsc_hz && taken >= 100)
		tsc_hz = (rdtsc() - tsc0) * 1000000000ull / (now - tsc0_ns);
	return n;
}
