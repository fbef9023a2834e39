/*
 * Kernel bugs the system call fuzzer (fuzz.c) found that do not bring the
 * kernel down, as directed tests (the ones that do are in attack_fuzz.c).
 */
#include "ktest.h"

/*
 * Stopping a task fails the system call it was blocked in (RAX = E_DEAD
 * when it runs again). A task that faulted was in no system call: its RAX
 * is its own, and must survive a stop and start. Before, the kernel wrote
 * E_DEAD (13) into it, so the task that faulted writing through RAX = 0
 * faulted again at address 0xd.
 */
KTEST(fuzz_found_stop_keeps_a_faulted_tasks_registers)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), fep = slot();
	struct child f;
	struct tern_msg m;
	KCHECK(ep);
	if (faulted_child(&f, ep, fep))
		return 1;
	KCHECK_EQ(tern_nbrecv(ep, &m), TERN_OK);
	KCHECK_EQ(m.mr[FAULT_MR_ADDR], 0);
	uint64_t rip = m.mr[FAULT_MR_RIP];
	KCHECK_EQ(tern_invoke(f.task, TASK_STOP, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_task_start(f.task), TERN_OK);
	tern_sleep_ms(5);
	KCHECK_EQ(tern_nbrecv(ep, &m), TERN_OK);        /* the same fault again */
	KCHECK_EQ(m.mr[FAULT_MR_RIP], rip);
	if (m.mr[FAULT_MR_ADDR] != 0)
		return kfail("after a stop and start the faulted task faulted at 0x%lx, not 0: "
			     "the stop changed its registers", m.mr[FAULT_MR_ADDR]);
	KCHECK_EQ(tern_invoke(f.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	m.info = 0;
	tern_reply(&m);
	return 0;
}

/*
 * The same stale match as attack_fuzz_stale_reply_after_stop, through
 * dropping the reply instead of using it: F faults, we keep its reply
 * right (saved in a slot), F is stopped and started and faults again, its
 * new fault message waits in the endpoint's queue. Deleting our old right
 * must not touch F: before, the kernel took it for F's current call and
 * set F STOPPED while it was still queued on the endpoint, so the next
 * TASK_START linked it into the run queue as well (the fuzzer's peers do
 * exactly that). We kill F right away, which unlinks it cleanly either way.
 */
KTEST(fuzz_found_dropped_reply_leaves_a_queued_fault_alone)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), fep = slot(), saved = slot();
	struct child f;
	struct tern_msg m;
	KCHECK(ep);
	if (faulted_child(&f, ep, fep))
		return 1;
	KCHECK_EQ(tern_nbrecv(ep, &m), TERN_OK);
	KCHECK_EQ(tern_save_reply(saved), TERN_OK);
	KCHECK_EQ(tern_invoke(f.task, TASK_STOP, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_task_start(f.task), TERN_OK);
	tern_sleep_ms(5);
	KCHECK_EQ(child_state(&f), TASK_BLOCKED);      /* its second fault, queued */
	KCHECK_EQ(tern_cap_delete(saved, 0), TERN_OK);
	uint64_t state = child_state(&f);
	tern_invoke(f.task, TASK_KILL, 0, 0, 0, 0, 0);
	if (state != TASK_BLOCKED)
		return kfail("dropping a reply right from before a stop changed the state of the "
			     "task's queued fault to %lu", state);
	return 0;
}
