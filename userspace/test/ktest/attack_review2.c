/*
 * Attacks found by the third review. Each test here fails on the commit
 * it was written against; the names start with attack_r2_
 * (only=attack_r2_ runs just these).
 */
#include "ktest.h"

/*
 * A call timeout (or the caller's death) is meant to end helping: the
 * server stops running at the caller's priority (ipc_call_timeout calls
 * task_end_helpers, endpoint.c). But the server keeps the stale reply_to
 * pointer, and TASK_SET_PRIO (task_ops.c) recomputes the effective
 * priority as max(prio, reply_to->eff_prio) without asking whether that
 * call is still live (reply_seq == call_seq, caller BLOCK_REPLY). A
 * hostile server at priority 20 holding its own task cap (as every
 * program holds PROG_SELF) sets its priority to 20 after its priority 60
 * caller gave up and runs at 60 again, for good: here a priority 30 task
 * never runs.
 */
KTEST(attack_r2_stale_reply_to_regains_lent_priority)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), go = make(CAP_NOTE, 0), done = make(CAP_NOTE, 0);
	struct child s, c, x;
	KCHECK(ep && go && done);
	KCHECK_EQ(child_spawn(&s, ROLE_R2_STALE_PRIO, 20, 20), 0);
	KCHECK_EQ(child_give(&s, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_give(&s, go, KC_NOTE, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_give(&s, s.task, KC_RECV, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_start(&s), TERN_OK);
	KCHECK_EQ(child_spawn(&c, ROLE_CALLER, 1, 60), 0);
	KCHECK_EQ(child_give(&c, ep, KC_EP, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&c, done, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(tern_invoke(c.task, TASK_SET_TIMEOUT, 30, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	KCHECK(wait_note(done, 1000));  /* the call timed out */
	KCHECK_EQ(shared[2], 0xE0);
	KCHECK_EQ(tern_signal(go), TERN_OK);
	tern_sleep_ms(10);              /* s sets its own priority to 20 */
	KCHECK_EQ(shared[201], TERN_OK + 1);
	KCHECK_EQ(child_spawn(&x, ROLE_SPIN, 202, 30), 0);
	KCHECK_EQ(child_start(&x), TERN_OK);
	tern_sleep_ms(50);
	if (!shared[202])
		return kfail("a server set to priority 20 after its priority 60 caller timed out "
			     "spun %lu times while a priority 30 task never ran", shared[200]);
	return 0;
}
