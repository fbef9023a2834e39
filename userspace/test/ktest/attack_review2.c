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
	if (child_caller(&c, 1, 60, ep, done))
		return 1;
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

/*
 * The tag of a program's console lines is printed at the start of each
 * of its lines, and "the start" is debug_write.c's own at_line_start: set
 * by every SYS_DEBUG_WRITE, but never by the kernel's kprintf (console.c
 * writes straight to the port). A program writes a few bytes without a
 * newline (at_line_start = 0), makes the kernel print a line (here: a
 * task faults, and fault_user prints "fault: task ..."; a program can
 * make such a task from its own quota), and its next write starts a fresh
 * console line with no tag at all: any line it likes, passed off as the
 * kernel's. (The kernel's fault report is glued onto the program's tagged
 * line too.) The run file rejects the forged line: "^r2: forged".
 */
KTEST(attack_r2_kernel_line_resets_no_tag)
{
	static const char part[] = "r2: half a line ";
	static const char forged[] = "r2: forged, untagged\n";
	uint64_t tagged = slot(), ep = make(CAP_ENDPOINT, 0), fep = slot();
	struct child f;
	KCHECK(ep);
	KCHECK_EQ(tern_cap_mint(ROOT_DEBUG, 0, tagged, RIGHT_WRITE, 1, 0), TERN_OK);
	KCHECK_EQ(tern_sys(SYS_DEBUG_WRITE, tagged, (uint64_t)part, sizeof(part) - 1, 0, 0, 0).err, TERN_OK);
	if (faulted_child(&f, ep, fep))         /* the kernel prints "fault: task ..." */
		return 1;
	KCHECK_EQ(tern_sys(SYS_DEBUG_WRITE, tagged, (uint64_t)forged, sizeof(forged) - 1, 0, 0, 0).err, TERN_OK);
	return 0;
}

/*
 * Revocation frees what a quota made, but a dead task lives on while
 * anything refers to it (a server's reply right, a saved reply, a cap
 * kept elsewhere), and a live object holds a reference on the quota it
 * was charged to (memory_charge, memory.c), and a quota object holds its
 * whole split (memory_invoke MEM_SPLIT charges the parent n + 256 bytes,
 * given back only by memory_refund when it dies). So a task's ~20 KiB
 * struct and stack pin every byte of its quota in the parent: here 8 MiB,
 * revoked and with every cap to it dropped, stays charged to the root as
 * long as a server holds the dead task's call. (init loses a killed
 * program's whole quota this way: attack-r2-init.run.)
 */
KTEST(attack_r2_dead_task_pins_its_quota)
{
	const uint64_t bytes = 8ull << 20;
	uint64_t ep = make(CAP_ENDPOINT, 0), done = make(CAP_NOTE, 0), mem = slot();
	struct child s, c;
	KCHECK(ep && done);
	uint64_t before = quota_used_of(ROOT_MEMORY);
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, bytes, mem, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_spawn(&s, ROLE_RECV_HOLD, 0, 50), 0);
	KCHECK_EQ(child_give(&s, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(&s), TERN_OK);
	KCHECK_EQ(child_spawn_in(&c, mem, ROLE_CALLER, 1, 50), 0);
	KCHECK_EQ(child_give(&c, ep, KC_EP, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&c, done, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(20);              /* s holds c's call */
	KCHECK_EQ(child_state(&c), TASK_BLOCKED);
	KCHECK_EQ(tern_invoke(mem, MEM_REVOKE, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(mem, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(c.task, 0), TERN_OK);
	tern_sleep_ms(10);
	uint64_t kept = quota_used_of(ROOT_MEMORY) - before;
	if (kept >= bytes)
		return kfail("a revoked quota whose caps are all gone still holds %lu KiB of the root's "
			     "quota: its dead task, held by a server's reply right, keeps it alive", kept / 1024);
	return 0;
}

/*
 * The same promise, one server further: a call timeout ends helping only
 * for servers whose reply_to is the caller itself (task_end_helpers,
 * task.c). A server that passed the call on (called a second server while
 * running at the caller's priority) is brought down, but the second
 * server keeps the lent priority: here a priority 5 server runs at its
 * priority 60 caller's priority long after that caller timed out, and a
 * priority 30 task never runs. (task_kill of the caller does the same.)
 */
KTEST(attack_r2_timeout_leaves_the_next_server_helping)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), ep2 = make(CAP_ENDPOINT, 0), done = make(CAP_NOTE, 0);
	struct child s1, s2, c, x;
	KCHECK(ep && ep2 && done);
	KCHECK_EQ(child_spawn(&s2, ROLE_RECV_SPIN, 0, 5), 0);
	KCHECK_EQ(child_give(&s2, ep2, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(&s2), TERN_OK);
	KCHECK_EQ(child_spawn(&s1, ROLE_R2_FORWARD, 0, 10), 0);
	KCHECK_EQ(child_give(&s1, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_give(&s1, ep2, KC_RECV, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&s1), TERN_OK);
	if (child_caller(&c, 1, 60, ep, done))
		return 1;
	KCHECK_EQ(tern_invoke(c.task, TASK_SET_TIMEOUT, 30, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	KCHECK(wait_note(done, 1000));  /* the call timed out */
	KCHECK_EQ(shared[2], 0xE0);
	KCHECK(shared[24]);             /* s2 took s1's call and spins */
	KCHECK_EQ(child_spawn(&x, ROLE_SPIN, 203, 30), 0);
	KCHECK_EQ(child_start(&x), TERN_OK);
	tern_sleep_ms(50);
	if (!shared[203])
		return kfail("a priority 5 server called by the server of a timed-out priority 60 call "
			     "spun %lu times while a priority 30 task never ran", shared[24]);
	return 0;
}
