/*
 * The note signal fastpath (fastpath_signal in kernel/fastpath.c): a
 * signal to a waiter that then runs at once leaves through the waiter's
 * trap frame. Each condition that must send a signal down the general
 * path is made to fail on its own, and the result must be the general
 * path's; MACHINE_INFO (a2 = 1) counts the signals that switched
 * directly, so each test also checks which path was taken. Under
 * fastpath=off (ci/scenarios/ktest-slowpath.run) the count stays at 0 and
 * every result is the same.
 *
 * ktest runs at 255, above every child, so the signaller is a child too:
 * a waiter at 60 and a signaller at 50 (ROLE_SF_*, counts in shared[SF_*]).
 * Two conditions cannot be made to fail from user space, and are not
 * tested here: a task queued at or above the waiter's priority (at a
 * system call's entry no queued task is above the caller, which is below
 * the waiter), and a waiter whose frame is not a system call's (only WAIT
 * blocks on a note).
 */
#include "ktest.h"

#define SF_BADGE 0x30

static uint64_t sf_count(void)
{
	uint64_t out[6] = { 0 };
	tern_invoke(ROOT_MACHINE, MACHINE_INFO, 1, 0, 0, 0, out);
	return out[0];
}

static int sf_on(void)
{
	return !strstr(ktest_cmdline, "fastpath=off");
}

/* The count moved by fast signals, plus one for each signaller's "done"
 * to us (waiting at 255: that one goes fast too), if the fastpath is on;
 * not at all if it is off. */
#define SF_EXPECT(c0, fast, signallers) \
	KCHECK_EQ(sf_count() - (c0), sf_on() ? (uint64_t)(fast) + (signallers) : 0)

/* A waiter at prio on note n, started and given the time to block. */
static int sf_waiter(struct child *w, uint64_t n, unsigned prio)
{
	if (child_spawn(w, ROLE_SF_WAITER, 0, prio) || child_give(w, n, KC_NOTE, RIGHT_READ) || child_start(w))
		return kfail("cannot start the waiter");
	tern_sleep_ms(10);
	if (shared[SF_WAKES] || child_state(w) != TASK_BLOCKED)
		return kfail("the waiter does not wait");
	return 0;
}

/*
 * A signaller at prio: cap (if any) at its KC_NOTE with rights, rounds
 * and the slot it signals in arg; run it to the end (it signals done).
 * We block in WAIT meanwhile rather than poll in 1 ms sleeps, so that we
 * (255) are never made runnable while it runs: hosted, where the tick is
 * not a trap of the running task, a woken ktest could be queued when the
 * signaller enters the kernel, and the fastpath rightly declines then. A
 * watchdog at 40, below both children, ends the wait after 5 s.
 */
static int sf_signaller(uint64_t cap, unsigned rights, uint64_t arg, unsigned prio)
{
	struct child s, dog;
	uint64_t done = make(CAP_NOTE, 0), late = slot(), bits = 0;
	if (!done || tern_cap_mint(done, 0, late, RIGHT_WRITE, 2, 0) || child_spawn(&dog, ROLE_SF_WATCHDOG, 5000, 40) ||
	    child_give(&dog, late, KC_NOTE, RIGHT_WRITE) || child_start(&dog))
		return kfail("cannot start the watchdog");
	if (child_spawn(&s, ROLE_SF_SIGNALLER, arg, prio) || (cap && child_give(&s, cap, KC_NOTE, rights)) ||
	    child_give(&s, done, KC_NOTE2, RIGHT_WRITE) || child_start(&s))
		return kfail("cannot start the signaller");
	int err = tern_wait(done, &bits);
	tern_invoke(dog.task, TASK_KILL, 0, 0, 0, 0, 0);
	if (err || !(bits & 1))
		return kfail("the signaller did not finish (%lu rounds done)", shared[SF_DONE]);
	return 0;
}

/* A cap to n that signals badge. */
static uint64_t sf_badged(uint64_t n, uint64_t badge)
{
	uint64_t b = slot();
	return tern_cap_mint(n, 0, b, RIGHT_WRITE, badge, 0) ? 0 : b;
}

KTEST(fastpath_signal_wakes_a_higher_waiter_at_once)
{
	struct child w;
	uint64_t n = make(CAP_NOTE, 0), b = sf_badged(n, SF_BADGE);
	KCHECK(n && b);
	if (sf_waiter(&w, n, 60))
		return 1;
	uint64_t c0 = sf_count();
	if (sf_signaller(b, RIGHT_WRITE, 20, 50))
		return 1;
	SF_EXPECT(c0, 20, 1);
	KCHECK_EQ(shared[SF_DONE], 20);
	KCHECK_EQ(shared[SF_WAKES], 20);
	KCHECK_EQ(shared[SF_BITS], 20 * SF_BADGE);      /* each wake-up got the badge */
	KCHECK_EQ(shared[SF_LATE], 0);                  /* and came before the signal returned */
	KCHECK_EQ(shared[SF_SIGNAL_ERR], 0);
	KCHECK_EQ(shared[SF_WAIT_ERR], 0);
	KCHECK_EQ(child_state(&w), TASK_BLOCKED);       /* waiting again */
	return 0;
}

KTEST(fastpath_signal_without_a_badge_gives_1)
{
	struct child w;
	uint64_t n = make(CAP_NOTE, 0);
	KCHECK(n);
	if (sf_waiter(&w, n, 60))
		return 1;
	uint64_t c0 = sf_count();
	if (sf_signaller(n, RIGHT_WRITE, 5, 50))
		return 1;
	SF_EXPECT(c0, 5, 1);
	KCHECK_EQ(shared[SF_WAKES], 5);
	KCHECK_EQ(shared[SF_BITS], 5);
	KCHECK_EQ(shared[SF_LATE], 0);
	return 0;
}

/*
 * The general path puts the signaller at the tail of its priority's
 * queue (schedule()), so when the waiter blocks again a task of the
 * signaller's priority that was queued first runs before the signaller
 * does: every round, the spinner moves while the signal is under way.
 */
KTEST(fastpath_signal_queues_the_signaller_behind_its_equals)
{
	struct child w, spin;
	uint64_t n = make(CAP_NOTE, 0), b = sf_badged(n, SF_BADGE);
	KCHECK(n && b);
	if (sf_waiter(&w, n, 60))
		return 1;
	KCHECK_EQ(child_spawn(&spin, ROLE_SPIN, SF_SPIN, 50), 0);
	KCHECK_EQ(child_start(&spin), TERN_OK);
	uint64_t c0 = sf_count();
	int err = sf_signaller(b, RIGHT_WRITE, 5, 50);
	KCHECK_EQ(tern_invoke(spin.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	if (err)
		return 1;
	SF_EXPECT(c0, 5, 1);
	KCHECK_EQ(shared[SF_WAKES], 5);
	KCHECK_EQ(shared[SF_LATE], 0);
	KCHECK_EQ(shared[SF_PASSED], 5);
	return 0;
}

KTEST(fastpath_signal_declines_an_equal_waiter)
{
	/* At equal priority the signaller goes on: the waiter runs later,
	 * and signals that come meanwhile merge into its bits. */
	struct child w;
	uint64_t n = make(CAP_NOTE, 0), b = sf_badged(n, SF_BADGE);
	KCHECK(n && b);
	if (sf_waiter(&w, n, 50))
		return 1;
	uint64_t c0 = sf_count();
	if (sf_signaller(b, RIGHT_WRITE, 3, 50))
		return 1;
	tern_sleep_ms(10);
	SF_EXPECT(c0, 0, 1);
	KCHECK(shared[SF_LATE] >= 1);
	KCHECK(shared[SF_WAKES] >= 1 && shared[SF_WAKES] <= 3);
	KCHECK_EQ(shared[SF_BITS], shared[SF_WAKES] * SF_BADGE);
	return 0;
}

KTEST(fastpath_signal_declines_a_lower_waiter)
{
	/* We (255) signal a waiter at 60: we go on, it runs when we sleep. */
	struct child w;
	uint64_t n = make(CAP_NOTE, 0);
	KCHECK(n);
	if (sf_waiter(&w, n, 60))
		return 1;
	uint64_t c0 = sf_count();
	KCHECK_EQ(tern_signal(n), TERN_OK);
	KCHECK_EQ(shared[SF_WAKES], 0);
	KCHECK_EQ(sf_count() - c0, 0);
	tern_sleep_ms(10);
	KCHECK_EQ(shared[SF_WAKES], 1);
	KCHECK_EQ(shared[SF_BITS], 1);
	return 0;
}

KTEST(fastpath_signal_declines_without_a_waiter)
{
	uint64_t n = make(CAP_NOTE, 0), b = sf_badged(n, 0x4), bits = 0;
	KCHECK(n && b);
	uint64_t c0 = sf_count();
	if (sf_signaller(b, RIGHT_WRITE, 3, 50))
		return 1;
	SF_EXPECT(c0, 0, 1);
	KCHECK_EQ(shared[SF_SIGNAL_ERR], 0);
	KCHECK_EQ(tern_poll(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 0x4);
	return 0;
}

KTEST(fastpath_signal_errors_are_the_general_paths)
{
	/* A higher waiter on the note each time: a bad cap must not wake it. */
	struct child w;
	uint64_t n = make(CAP_NOTE, 0), ep = make(CAP_ENDPOINT, 0), bits = 0;
	KCHECK(n && ep);
	if (sf_waiter(&w, n, 60))
		return 1;
	struct {
		uint64_t cap;
		unsigned rights;
		uint64_t arg;
		uint64_t err;
	} cases[] = {
		{ n, RIGHT_READ, 2, E_NO_RIGHTS },
		{ ep, RIGHT_WRITE, 2, E_WRONG_TYPE },
		{ 0, 0, 2, E_EMPTY_SLOT },
		{ n, RIGHT_WRITE, 0xFFFFull << 16 | 2, E_BAD_SLOT },
	};
	uint64_t c0 = sf_count();
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		shared[SF_SIGNAL_ERR] = 0;
		if (sf_signaller(cases[i].cap, cases[i].rights, cases[i].arg, 50))
			return 1;
		KCHECK_EQ(shared[SF_SIGNAL_ERR], cases[i].err);
		KCHECK_EQ(shared[SF_DONE], 2);
		KCHECK_EQ(shared[SF_WAKES], 0);
	}
	SF_EXPECT(c0, 0, 4);
	KCHECK_EQ(tern_poll(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 0);
	/* It waited all along. */
	KCHECK_EQ(tern_signal(n), TERN_OK);
	tern_sleep_ms(10);
	KCHECK_EQ(shared[SF_WAKES], 1);
	return 0;
}

KTEST(fastpath_signal_to_a_killed_waiter_keeps_the_bits)
{
	struct child w;
	uint64_t n = make(CAP_NOTE, 0), b = sf_badged(n, 0x2), bits = 0;
	KCHECK(n && b);
	if (sf_waiter(&w, n, 60))
		return 1;
	KCHECK_EQ(tern_invoke(w.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	uint64_t c0 = sf_count();
	if (sf_signaller(b, RIGHT_WRITE, 2, 50))
		return 1;
	SF_EXPECT(c0, 0, 1);
	KCHECK_EQ(shared[SF_WAKES], 0);
	KCHECK_EQ(tern_poll(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 0x2);
	return 0;
}

KTEST(fastpath_signal_machine_info_checks_its_page)
{
	uint64_t out[6] = { 0 };
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_INFO, 2, 0, 0, 0, out), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_INFO, ~0ull, 0, 0, 0, out), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_INFO, 1, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[1], 0);
	return 0;
}
