/* Scheduling: round robin within a priority, strict priorities across,
 * and a call lending the caller's priority to the server (helping). */
#include "ktest.h"

KTEST(sched_round_robin_same_priority)
{
	struct child a, b;
	KCHECK_EQ(child_spawn(&a, ROLE_SPIN, 10, 50), 0);
	KCHECK_EQ(child_spawn(&b, ROLE_SPIN, 11, 50), 0);
	KCHECK_EQ(child_start(&a), TERN_OK);
	KCHECK_EQ(child_start(&b), TERN_OK);
	tern_sleep_ms(100);
	uint64_t x = shared[10], y = shared[11];
	KCHECK(x > 0);
	KCHECK(y > 0);                  /* neither spinner starved the other */
	return 0;
}

KTEST(sched_higher_priority_runs_first)
{
	struct child hi, lo;
	KCHECK_EQ(child_spawn(&hi, ROLE_SPIN, 12, 60), 0);
	KCHECK_EQ(child_spawn(&lo, ROLE_SPIN, 13, 50), 0);
	KCHECK_EQ(child_start(&lo), TERN_OK);
	KCHECK_EQ(child_start(&hi), TERN_OK);
	shared[13] = 0;
	tern_sleep_ms(60);
	uint64_t h = shared[12], l = shared[13];
	KCHECK(h > 0);
	KCHECK_EQ(l, 0);                /* the lower one never ran while the higher spun */
	KCHECK_EQ(tern_invoke(hi.task, TASK_STOP, 0, 0, 0, 0, 0), TERN_OK);
	tern_sleep_ms(30);
	KCHECK(shared[13] > 0);         /* now it does */
	return 0;
}

KTEST(sched_preempts_a_spinning_task)
{
	/* We (priority above the spinner) get the CPU back when our sleep ends. */
	struct child s;
	KCHECK_EQ(child_spawn(&s, ROLE_SPIN, 14, 50), 0);
	KCHECK_EQ(child_start(&s), TERN_OK);
	uint64_t t0 = tern_uptime_ns();
	tern_sleep_ms(20);
	uint64_t dt = tern_uptime_ns() - t0;
	KCHECK(dt >= 20000000ull);
	KCHECK(shared[14] > 0);
	return 0;
}

KTEST(sched_priority_caps_at_callers)
{
	struct child c;
	KCHECK_EQ(child_spawn(&c, ROLE_EXIT, 0, 50), 0);
	KCHECK_EQ(tern_invoke(c.task, TASK_SET_PRIO, 256, 0, 0, 0, 0), E_NO_RIGHTS);
	KCHECK_EQ(tern_invoke(c.task, TASK_SET_PRIO, 80, 0, 0, 0, 0), TERN_OK);
	return 0;
}

/*
 * Priority inversion: a low priority server, a medium priority spinner and
 * a high priority client. Without helping, the server never runs while the
 * spinner spins, so the client's call never returns. With helping the
 * server runs at the client's priority and answers.
 */
KTEST(sched_call_lends_priority_to_server)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0);
	struct child server, spinner, client;
	KCHECK(ep && n);
	KCHECK_EQ(child_spawn(&server, ROLE_ECHO, 0, 20), 0);
	KCHECK_EQ(child_give(&server, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(&server), TERN_OK);
	tern_sleep_ms(5);               /* the server now waits in recv */
	KCHECK_EQ(child_spawn(&spinner, ROLE_SPIN, 15, 50), 0);
	KCHECK_EQ(child_start(&spinner), TERN_OK);
	tern_sleep_ms(5);               /* the spinner now owns the CPU below us */
	KCHECK(shared[15] > 0);
	KCHECK_EQ(child_spawn(&client, ROLE_CALLER, 9, 80), 0);
	uint64_t badged = slot();
	KCHECK_EQ(tern_cap_mint(ep, 0, badged, RIGHT_WRITE, 0x77, 0), TERN_OK);
	KCHECK_EQ(child_give(&client, badged, KC_EP, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&client, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&client), TERN_OK);
	uint64_t bits = wait_note(n, 300);
	if (!bits)
		return kfail("client at 80 never got its reply from the server at 20 "
			     "while a task at 50 spun (no priority lending)");
	KCHECK_EQ(shared[2], 0x77);     /* the echo server's answer (our badge) */
	/* The server got its own priority back after replying: the spinner runs again. */
	uint64_t before = shared[15];
	tern_sleep_ms(20);
	KCHECK(shared[15] > before);
	return 0;
}

KTEST(sched_yield_lets_an_equal_task_run)
{
	struct child s;
	/* A spinner at our own priority: it runs only when we yield or our slice ends. */
	KCHECK_EQ(child_spawn(&s, ROLE_SPIN, 16, 255), 0);
	KCHECK_EQ(child_start(&s), TERN_OK);
	uint64_t before = shared[16];
	tern_yield();
	KCHECK(shared[16] > before);
	KCHECK_EQ(tern_invoke(s.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	return 0;
}

/*
 * The lent priority ends with the reply. A server at 20 answers a client
 * at 80 and then keeps running (it spins); a task at 50 started after the
 * reply must preempt it. A server that kept the client's 80 would starve
 * the task at 50. (The lending test above could not tell: its server goes
 * back to waiting after the reply, so anything runs.)
 */
KTEST(sched_reply_ends_lent_priority)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0);
	struct child server, client, middle;
	KCHECK(ep && n);
	KCHECK_EQ(child_spawn(&server, ROLE_LEND_SPIN, 30, 20), 0);
	KCHECK_EQ(child_give(&server, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(&server), TERN_OK);
	tern_sleep_ms(5);               /* the server now waits in recv */
	if (child_caller(&client, 1, 80, ep, n))
		return 1;
	KCHECK_EQ(child_start(&client), TERN_OK);
	if (!wait_note(n, 300))
		return kfail("the client's call was never answered");
	KCHECK_EQ(shared[2], 0x5EED);
	tern_sleep_ms(5);
	KCHECK(shared[30] > 0);         /* the server spins after its reply */
	KCHECK_EQ(child_spawn(&middle, ROLE_SPIN, 31, 50), 0);
	KCHECK_EQ(child_start(&middle), TERN_OK);
	tern_sleep_ms(20);
	if (shared[31] == 0)
		return kfail("a task at 50 never ran while a server at 20 spun after "
			     "answering a client at 80: the lent priority outlived the reply");
	uint64_t s = shared[30];
	tern_sleep_ms(20);
	KCHECK_EQ(shared[30], s);       /* and the server at 20 no longer runs */
	return 0;
}
