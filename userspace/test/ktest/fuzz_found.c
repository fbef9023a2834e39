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
	KCHECK_EQ(tern_cap_mint(ep, 0, fep, RIGHT_WRITE, 7, 0), TERN_OK);
	KCHECK_EQ(child_spawn(&f, ROLE_FAULT, KFAULT_NULL_WRITE, 50), 0);
	KCHECK_EQ(tern_invoke(f.task, TASK_SET_FAULT, fep, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_start(&f), TERN_OK);
	tern_sleep_ms(5);
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
