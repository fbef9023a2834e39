/* Notes: signal never blocks, bits accumulate by badge, wait/poll take
 * them, and a note bound to a task ends its receive on an endpoint. */
#include "ktest.h"

KTEST(note_signal_poll_and_badges)
{
	uint64_t n = make(CAP_NOTE, 0), a = slot(), b = slot();
	KCHECK(n);
	KCHECK_EQ(tern_cap_mint(n, 0, a, RIGHT_WRITE, 0x1, 0), TERN_OK);
	KCHECK_EQ(tern_cap_mint(n, 0, b, RIGHT_WRITE, 0x4, 0), TERN_OK);
	uint64_t bits = 99;
	KCHECK_EQ(tern_poll(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 0);
	KCHECK_EQ(tern_signal(a), TERN_OK);
	KCHECK_EQ(tern_signal(b), TERN_OK);
	KCHECK_EQ(tern_signal(b), TERN_OK);
	KCHECK_EQ(tern_poll(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 0x5);
	KCHECK_EQ(tern_poll(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 0);
	KCHECK_EQ(tern_wait(a, &bits), E_NO_RIGHTS);   /* a may only signal */
	return 0;
}

KTEST(note_wait_blocks_until_signal)
{
	uint64_t n = make(CAP_NOTE, 0);
	struct child c;
	KCHECK(n);
	KCHECK_EQ(child_spawn(&c, ROLE_SIGNAL, 3, 50), 0);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	uint64_t bits = 0;
	KCHECK_EQ(tern_wait(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 1);
	return 0;
}

KTEST(note_bound_wakes_endpoint_receive)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0), task = slot();
	struct child c;
	KCHECK(ep && n);
	KCHECK_EQ(tern_cap_copy(ROOT_TASK, 0, task, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_invoke(task, TASK_BIND_NOTE, n, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_spawn(&c, ROLE_SIGNAL, 1, 50), 0);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	struct tern_msg m;
	int err = tern_recv(ep, &m);
	tern_invoke(task, TASK_BIND_NOTE, 0, 0, 0, 0, 0);
	KCHECK_EQ(err, TERN_OK);
	KCHECK(m.info & MSG_FROM_NOTE);
	KCHECK_EQ(m.badge, 1);
	return 0;
}

KTEST(note_deleted_under_waiter)
{
	uint64_t n = make(CAP_NOTE, 0), ep = make(CAP_ENDPOINT, 0);
	struct child c;
	KCHECK(n && ep);
	/* The caller role blocks in call on ep, which nobody serves: good enough
	 * to show a blocked child is released when we kill it. */
	if (child_caller(&c, 1, 50, ep, n))
		return 1;
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(5);
	KCHECK_EQ(child_state(&c), TASK_BLOCKED);
	KCHECK_EQ(tern_invoke(c.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_state(&c), TASK_DEAD);
	return 0;
}
