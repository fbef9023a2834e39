/*
 * Benchmarks (not tests): run instead of the tests when the kernel command
 * line has "mode=bench". Timings are TSC cycles, medians over many rounds,
 * printed as "bench NAME median=... p10=... p90=... n=...". Nothing here
 * is asserted; ci/bench.sh turns the lines into a table.
 */
#include "ktest.h"

#define ROUNDS 100000
#define NOTE_ROUNDS 10000
#define SAMPLES_VA 0x60000000ull

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static void sift(uint64_t *a, size_t i, size_t n)
{
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			return;
		if (c + 1 < n && a[c + 1] > a[c])
			c++;
		if (a[i] >= a[c])
			return;
		uint64_t t = a[i];
		a[i] = a[c];
		a[c] = t;
		i = c;
	}
}

static void heapsort(uint64_t *a, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift(a, i, n);
	for (size_t k = n; k-- > 1;) {
		uint64_t t = a[0];
		a[0] = a[k];
		a[k] = t;
		sift(a, 0, k);
	}
}

static void report(const char *name, uint64_t *s, size_t n)
{
	heapsort(s, n);
	printf("bench %s median=%lu p10=%lu p90=%lu min=%lu n=%lu\n", name, s[n / 2], s[n / 10],
	       s[n * 9 / 10], s[0], (unsigned long)n);
}

static void bench_ipc(uint64_t *s)
{
	uint64_t ep = make(CAP_ENDPOINT, 0);
	struct child c;
	if (!ep || child_spawn(&c, ROLE_BENCH_ECHO, 0, 100) || child_give(&c, ep, KC_EP, RIGHT_READ) ||
	    child_start(&c)) {
		printf("bench ipc_call_reply: cannot start the echo task\n");
		return;
	}
	struct tern_msg m;
	for (int i = 0; i < 1000; i++) {         /* warm up caches and TLB */
		m.info = MSG_INFO(0, 1, 0);
		tern_call(ep, &m);
	}
	for (size_t i = 0; i < ROUNDS; i++) {
		m.info = MSG_INFO(0, 1, 0);
		m.mr[0] = i;
		uint64_t t0 = rdtsc();
		tern_call(ep, &m);
		s[i] = rdtsc() - t0;
		if (m.mr[0] != i + 1) {
			printf("bench ipc_call_reply: wrong answer at round %lu\n", (unsigned long)i);
			return;
		}
	}
	report("ipc_call_reply_cycles", s, ROUNDS);
}

static void bench_note(uint64_t *s)
{
	uint64_t n = make(CAP_NOTE, 0), back = make(CAP_NOTE, 0);
	struct child c;
	/* The waiter has the higher priority, so a signal switches to it at
	 * once (as the peer's SCHED_FIFO waiter): it gets ours, 255, and we
	 * step down to 254 (nobody can raise a task above itself, so this is
	 * the last benchmark). At equal priority the signal would return
	 * first and the switch would come with our wait. */
	if (!n || !back || child_spawn(&c, ROLE_NOTE_WAITER, 0, 255) ||
	    child_give(&c, n, KC_NOTE, RIGHT_READ) || child_give(&c, back, KC_NOTE2, RIGHT_WRITE) ||
	    child_start(&c) || tern_invoke(ROOT_TASK, TASK_SET_PRIO, 254, 0, 0, 0, 0)) {
		printf("bench note_signal_wake: cannot start the waiter\n");
		return;
	}
	tern_sleep_ms(5);
	for (size_t i = 0; i < NOTE_ROUNDS; i++) {
		uint64_t t0 = rdtsc();
		tern_signal(n);
		tern_wait(back, 0);
		s[i] = shared[4] - t0;
	}
	report("note_signal_wake_cycles", s, NOTE_ROUNDS);
}

void ktest_bench(void)
{
	uint64_t pages = (ROUNDS * 8 + 4095) / 4096, buf = make(CAP_PAGE, pages);
	if (!buf || tern_page_map(buf, 0, SAMPLES_VA, RIGHT_READ | RIGHT_WRITE)) {
		printf("bench: no memory for samples\n");
		return;
	}
	uint64_t out[6] = { 0 };
	tern_sleep_ms(150);     /* the kernel measures the TSC rate over its first 100 ticks */
	tern_invoke(ROOT_MACHINE, MACHINE_INFO, 0, 0, 0, 0, out);
	printf("bench tsc_hz value=%lu\n", out[3]);
	bench_ipc((uint64_t *)SAMPLES_VA);
	bench_note((uint64_t *)SAMPLES_VA);
	printf("bench done\n");
}
