/*
 * The Linux peer of tern's IPC benchmarks (make bench; ci/bench.sh puts
 * this program, built static, into the peer's initramfs, whose /init runs
 * it when the kernel command line has bench=ipc).
 *
 *   pipe_roundtrip_cycles: a parent and a forked child, two pipes; the
 *     parent writes 1 byte, the child reads it and writes 1 byte back, the
 *     parent reads it. One round trip between two address spaces, timed
 *     one by one with rdtsc like tern's call + reply
 *     (userspace/test/ktest/bench.c: ipc_call_reply_cycles).
 *   eventfd_wake_cycles: the analogue of tern's note_signal_wake_cycles.
 *     The parent takes the TSC and writes an eventfd; the child, blocked in
 *     read() on it at a real-time priority (as tern's waiter runs at a
 *     higher priority, so the signal switches to it at once), takes the TSC
 *     when it wakes and stores it in shared memory, then wakes the parent
 *     through a second eventfd.
 *
 * `pingpong tsc` only prints "tsc N", the TSC now: /init runs it just
 * before the shell when the command line has bench=prompt, for the time
 * to the prompt under -icount (ci/bench/peer-prompt-icount.run).
 *
 * Output lines have the format of tern's bench lines:
 *   bench NAME median=... p10=... p90=... min=... n=...
 *   bench tsc_hz value=...
 * Cycles are TSC ticks (lfence; rdtsc). Nothing is asserted.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 100000
#define WAKE_ROUNDS 10000
#define WARMUP 1000

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *name, uint64_t *s, size_t n)
{
	qsort(s, n, sizeof(*s), cmp);
	printf("bench %s median=%lu p10=%lu p90=%lu min=%lu n=%lu\n", name, (unsigned long)s[n / 2],
	       (unsigned long)s[n / 10], (unsigned long)s[n * 9 / 10], (unsigned long)s[0],
	       (unsigned long)n);
	fflush(stdout);
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* TSC ticks per second, against CLOCK_MONOTONIC over 200 ms. */
static void tsc_hz(void)
{
	double t0 = seconds();
	uint64_t c0 = rdtsc();
	while (seconds() - t0 < 0.2)
		;
	double t1 = seconds();
	uint64_t c1 = rdtsc();
	printf("bench tsc_hz value=%.0f\n", (double)(c1 - c0) / (t1 - t0));
	fflush(stdout);
}

static int xread(int fd, void *b, size_t n)
{
	return read(fd, b, n) == (ssize_t)n ? 0 : -1;
}

static int xwrite(int fd, const void *b, size_t n)
{
	return write(fd, b, n) == (ssize_t)n ? 0 : -1;
}

static void bench_pipe(uint64_t *s)
{
	int to[2], from[2];
	if (pipe(to) || pipe(from)) {
		perror("pingpong: pipe");
		return;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("pingpong: fork");
		return;
	}
	if (pid == 0) {
		char c;
		close(to[1]);
		close(from[0]);
		while (!xread(to[0], &c, 1)) {
			c++;
			if (xwrite(from[1], &c, 1))
				break;
		}
		_exit(0);
	}
	close(to[0]);
	close(from[1]);
	char c = 0, back;
	for (int i = 0; i < WARMUP; i++)
		if (xwrite(to[1], &c, 1) || xread(from[0], &back, 1))
			goto broken;
	for (size_t i = 0; i < ROUNDS; i++) {
		c = (char)i;
		uint64_t t0 = rdtsc();
		if (xwrite(to[1], &c, 1) || xread(from[0], &back, 1))
			goto broken;
		s[i] = rdtsc() - t0;
		if (back != (char)(c + 1))
			goto broken;
	}
	close(to[1]);
	close(from[0]);
	waitpid(pid, 0, 0);
	report("pipe_roundtrip_cycles", s, ROUNDS);
	return;
broken:
	printf("pingpong: the pipe round trip broke\n");
	close(to[1]);
	close(from[0]);
	waitpid(pid, 0, 0);
}

static void bench_eventfd(uint64_t *s)
{
	volatile uint64_t *woke = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int go = eventfd(0, 0), back = eventfd(0, 0);
	if (woke == MAP_FAILED || go < 0 || back < 0) {
		perror("pingpong: eventfd");
		return;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("pingpong: fork");
		return;
	}
	if (pid == 0) {
		struct sched_param sp = { .sched_priority = 10 };
		if (sched_setscheduler(0, SCHED_FIFO, &sp))
			perror("pingpong: SCHED_FIFO (the waiter runs at normal priority)");
		uint64_t v, one = 1;
		for (int i = 0; i < WAKE_ROUNDS + WARMUP; i++) {
			if (xread(go, &v, 8))
				break;
			*woke = rdtsc();
			if (xwrite(back, &one, 8))
				break;
		}
		_exit(0);
	}
	usleep(5000);
	uint64_t one = 1, v;
	for (int i = 0; i < WAKE_ROUNDS + WARMUP; i++) {
		uint64_t t0 = rdtsc();
		if (xwrite(go, &one, 8) || xread(back, &v, 8)) {
			printf("pingpong: the eventfd wake-up broke\n");
			break;
		}
		if (i >= WARMUP)
			s[i - WARMUP] = *woke - t0;
	}
	waitpid(pid, 0, 0);
	report("eventfd_wake_cycles", s, WAKE_ROUNDS);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "tsc")) {
		printf("tsc %llu\n", (unsigned long long)rdtsc());
		return 0;
	}
	uint64_t *s = malloc(ROUNDS * sizeof(*s));
	if (!s)
		return 1;
	memset(s, 0, ROUNDS * sizeof(*s));      /* touch the pages before timing */
	tsc_hz();
	bench_pipe(s);
	bench_eventfd(s);
	printf("bench done\n");
	fflush(stdout);
	return 0;
}
