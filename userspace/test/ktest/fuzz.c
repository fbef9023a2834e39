/*
 * The system call fuzzer: KF_SEATS fuzz tasks (kchild/fuzz.c) make random
 * and mutated system calls at once, on each other as much as on
 * themselves, while we (the root, at a higher priority) watch them every
 * millisecond: a seat that died, was killed by a peer or faulted is
 * started again (a new generation with a new quota), one a peer stopped is
 * started, one stuck in a blocking call nobody answers is stopped and
 * started (which fails the call), one starved by a priority a peer gave
 * it gets its priority back. When the seats have made the calls asked
 * for, we end them all, delete everything, and check that the kernel gave
 * every byte of quota and every frame back and kept no task.
 *
 * The kernel command line sets the run: fuzz_n=CALLS (default a short
 * run for the ordinary suite) and fuzz_seed=N (default: from the TSC).
 * The seed is printed first: it fixes each seat's calls, while the
 * interleaving of the seats follows the timer, so a replay is close but
 * not exact. `make fuzz-kernel SEED=... N=...` boots just this test.
 */
#include "fuzz.h"
#include <stdlib.h>

#define DEFAULT_CALLS 30000
#define STALL_MS 10000          /* no seat made a call for this long: the kernel hangs */

static uint64_t cmdline_number(const char *key, uint64_t dflt)
{
	const char *c = ktest_cmdline;
	size_t klen = strlen(key);
	for (const char *p = c; (p = strstr(p, key)); p += klen)
		if (p == c || p[-1] == ' ')
			return strtoul(p + klen, 0, 0);
	return dflt;
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* What the kernel has left to give: our quota and its free frames. */
struct kstate {
	uint64_t left, used, frames, tasks;
};

static void kstate(struct kstate *k)
{
	uint64_t out[6] = { 0 };
	tern_invoke(ROOT_MEMORY, MEM_INFO, 0, 0, 0, 0, out);
	k->left = out[0];
	k->used = out[1];
	tern_invoke(ROOT_MACHINE, MACHINE_INFO, 0, 0, 0, 0, out);
	k->frames = out[0];
	k->tasks = out[2];
}

static int same(const struct kstate *a, const struct kstate *b)
{
	return a->left == b->left && a->used == b->used && a->frames == b->frames && a->tasks == b->tasks;
}

static uint64_t total_calls(void)
{
	uint64_t n = 0;
	for (unsigned i = 0; i < KF_SEATS; i++)
		n += shared[KF_COUNT + i];
	return n;
}

static uint64_t rnd(struct fuzz *z)
{
	z->rng ^= z->rng << 13;
	z->rng ^= z->rng >> 7;
	z->rng ^= z->rng << 17;
	return z->rng;
}

/* A new generation for seat i; the old one is killed, or now and then
 * left to the fuzzers (an orphan) if it still runs. */
static int restart(struct fuzz *z, unsigned i, int may_orphan)
{
	if (may_orphan && rnd(z) % 4 == 0)
		fuzz_seat_orphan(z, i);
	else
		fuzz_seat_end(z, i);
	z->respawns++;
	return fuzz_seat_start(z, i);
}

/* Faults reported to us: that seat is done. */
static int take_faults(struct fuzz *z)
{
	struct tern_msg m;
	while (tern_nbrecv(fault_ep, &m) == TERN_OK) {
		uint64_t i = m.badge - FUZZ_BADGE;
		if (i < KF_SEATS && z->seat[i].task && restart(z, (unsigned)i, 0))
			return 1;
	}
	return 0;
}

/* One look at seat i; see the top of the file for what we do. */
static int watch(struct fuzz *z, unsigned i)
{
	struct seat *s = &z->seat[i];
	uint64_t info[6] = { 0 }, count = shared[KF_COUNT + i];
	tern_invoke(s->task, TASK_INFO, 0, 0, 0, 0, info);
	if (info[0] == TASK_DEAD || info[2] != s->faults)
		return restart(z, i, info[0] != TASK_DEAD);
	if (count != s->seen) {
		s->seen = count;
		s->idle = 0;
		return 0;
	}
	s->idle++;
	if (info[0] == TASK_STOPPED || info[0] == TASK_INACTIVE) {
		tern_task_start(s->task);
	} else if (info[0] == TASK_BLOCKED && s->idle >= 2) {
		tern_invoke(s->task, TASK_STOP, 0, 0, 0, 0, 0);
		tern_task_start(s->task);
	} else if (info[0] == TASK_RUNNABLE && s->idle >= 3) {
		tern_invoke(s->task, TASK_SET_PRIO, FUZZ_PRIO, 0, 0, 0, 0);
	}
	return 0;
}

static int shared_objects(struct fuzz *z)
{
	z->ep = make(CAP_ENDPOINT, 0);
	z->note = make(CAP_NOTE, 0);
	z->page = make(CAP_PAGE, 2);
	z->ep_badged = slot();
	z->note_badged = slot();
	if (!z->ep || !z->note || !z->page)
		return 1;
	KCHECK_EQ(tern_cap_mint(z->ep, 0, z->ep_badged, RIGHT_WRITE | RIGHT_GRANT, 0xB1, 0), TERN_OK);
	KCHECK_EQ(tern_cap_mint(z->note, 0, z->note_badged, RIGHTS_ALL, 0x10, 0), TERN_OK);
	z->orphan_fault = slot();
	KCHECK_EQ(tern_cap_mint(fault_ep, 0, z->orphan_fault, RIGHT_WRITE, FUZZ_ORPHAN, 0), TERN_OK);
	for (unsigned i = 0; i < KF_SEATS; i++) {
		z->seat[i].fault = slot();
		KCHECK_EQ(tern_cap_mint(fault_ep, 0, z->seat[i].fault, RIGHT_WRITE, FUZZ_BADGE + i, 0), TERN_OK);
	}
	return 0;
}

static void delete_shared(struct fuzz *z)
{
	uint64_t caps[] = { z->ep, z->ep_badged, z->note, z->note_badged, z->page, z->orphan_fault };
	for (unsigned k = 0; k < sizeof(caps) / sizeof(caps[0]); k++)
		tern_cap_delete(caps[k], 0);
	for (unsigned i = 0; i < KF_SEATS; i++)
		tern_cap_delete(z->seat[i].fault, 0);
}

static void delete_all(struct fuzz *z)
{
	for (unsigned i = 0; i < KF_SEATS; i++)
		fuzz_seat_end(z, i);
	fuzz_orphans_end(z);
	delete_shared(z);
	/* Fault messages we took leave us holding a reply to a dead task. */
	struct tern_msg m;
	while (tern_nbrecv(fault_ep, &m) == TERN_OK)
		;
	m.info = 0;
	tern_reply(&m);
}

/* After the run: everything must come back, allowing the kernel a moment
 * (it frees a dead task's stack at its next switch). */
static int check_returned(const struct kstate *before)
{
	struct kstate after;
	for (int t = 0; t < 200; t++) {
		kstate(&after);
		if (same(before, &after))
			return 0;
		tern_sleep_ms(5);
	}
	printf("fuzz: after the run: quota left %lu (was %lu), used %lu (was %lu), "
	       "free frames %lu (was %lu), tasks %lu (were %lu)\n",
	       after.left, before->left, after.used, before->used, after.frames, before->frames,
	       after.tasks, before->tasks);
	for (uint64_t i = 0; i < after.tasks && i < 16; i++) {
		uint64_t out[6] = { 0 };
		if (tern_invoke(ROOT_MACHINE, MACHINE_TASKS, i, 0, 0, 0, out) == TERN_OK)
			printf("fuzz:   task %lu state %lu prio %lu %.24s\n", out[0], out[1], out[2],
			       (const char *)&out[3]);
	}
	KCHECK_EQ(after.used, before->used);
	KCHECK_EQ(after.left, before->left);
	KCHECK_EQ(after.tasks, before->tasks);
	KCHECK_EQ(after.frames, before->frames);
	return 0;
}

static int run(struct fuzz *z, uint64_t calls)
{
	uint64_t t0 = tern_uptime_ns(), last = 0, last_change = t0, reports = 0;
	for (unsigned i = 0; i < KF_SEATS; i++)
		if (fuzz_seat_start(z, i))
			return 1;
	for (;;) {
		tern_sleep_ms(1);
		if (take_faults(z))
			return 1;
		for (unsigned i = 0; i < KF_SEATS; i++)
			if (watch(z, i))
				return 1;
		/* Now and then we end a healthy seat ourselves. */
		if (rnd(z) % 50 == 0 && restart(z, (unsigned)(rnd(z) % KF_SEATS), 1))
			return 1;
		uint64_t n = total_calls(), now = tern_uptime_ns();
		if (n != last)
			last = n, last_change = now;
		else if (now - last_change > STALL_MS * 1000000ull)
			return kfail("no fuzz task made a system call for %u ms (%lu made)", STALL_MS, n);
		/* Ten progress lines, one per tenth (fuzz.run times each). */
		for (; reports < 10 && n >= (reports + 1) * (calls / 10); reports++) {
			uint64_t ms = (now - t0) / 1000000 + 1;
			printf("fuzz: %lu calls in %lu ms (%lu/s), %lu restarts\n", n, ms, n * 1000 / ms,
			       z->respawns);
		}
		if (n >= calls)
			break;
	}
	uint64_t st[4] = { 0 };
	for (unsigned i = 0; i < KF_SEATS; i++)
		for (unsigned k = 0; k < 4; k++)
			st[k] += shared[KF_STATS + 4 * i + k];
	printf("fuzz: %lu blocking calls answered, %lu messages with caps, %lu objects made, "
	       "%lu out of memory, %u orphans\n", st[KS_BLOCKED_OK], st[KS_CAPS_IN], st[KS_CREATED],
	       st[KS_NO_MEMORY], z->norphans);
	return 0;
}

KTEST(fuzz_syscalls)
{
	static struct fuzz z;
	memset(&z, 0, sizeof(z));
	uint64_t calls = cmdline_number("fuzz_n=", 0);
	if (!calls)
		calls = DEFAULT_CALLS;
	z.seed = cmdline_number("fuzz_seed=", 0);
	if (!z.seed)
		z.seed = rdtsc() & 0xFFFFFFFFFFFFull;
	z.rng = z.seed | 1;
	printf("fuzz: seed %lu, %lu calls, %u tasks (replay: make fuzz-kernel SEED=%lu N=%lu)\n",
	       z.seed, calls, KF_SEATS, z.seed, calls);
	fuzz_slots_init();
	/* A seat started and ended first: loading builds page tables for the
	 * loader's scratch window in our own address space, which stay. */
	if (shared_objects(&z) || fuzz_seat_start(&z, 0))
		return 1;
	fuzz_seat_end(&z, 0);
	z.seat[0].gen = 0;
	delete_shared(&z);
	struct kstate before;
	kstate(&before);
	int bad = shared_objects(&z) || run(&z, calls);
	delete_all(&z);
	return bad ? 1 : check_returned(&before);
}
