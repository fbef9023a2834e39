/* Faults: a misbehaving task is stopped and reported to its fault endpoint
 * with vector, address and RIP; the kernel and everything else carry on. */
#include "ktest.h"

static int fault_case(uint64_t kind, uint64_t vector, int check_addr, uint64_t addr)
{
	struct child c;
	KCHECK_EQ(child_spawn(&c, ROLE_FAULT, kind, 50), 0);
	KCHECK_EQ(child_start(&c), TERN_OK);
	struct tern_msg m;
	KCHECK_EQ(wait_fault(&m, 1000), 0);
	KCHECK_EQ(MSG_LABEL(m.info), MSG_LABEL_FAULT);
	KCHECK_EQ(m.badge, 1);
	KCHECK_EQ(m.mr[FAULT_MR_VECTOR], vector);
	KCHECK_EQ(m.mr[FAULT_MR_RIP], shared[0]);
	KCHECK(shared[0] != 0);
	KCHECK_EQ(tern_ipcbuf->mr[FAULT_MR_KIND], FAULT_CPU);
	if (check_addr)
		KCHECK_EQ(m.mr[FAULT_MR_ADDR], addr);
	KCHECK_EQ(child_state(&c), TASK_BLOCKED);      /* stopped, waiting for a verdict */
	uint64_t out[6];
	KCHECK_EQ(tern_invoke(c.task, TASK_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[2], 1);                            /* one fault counted */
	return 0;
}

KTEST(fault_null_write) { return fault_case(KFAULT_NULL_WRITE, 14, 1, 0); }
KTEST(fault_invalid_opcode) { return fault_case(KFAULT_UD, 6, 0, 0); }
KTEST(fault_divide_by_zero) { return fault_case(KFAULT_DIVIDE, 0, 0, 0); }
KTEST(fault_privileged_instruction) { return fault_case(KFAULT_PRIVILEGED, 13, 0, 0); }
KTEST(fault_kernel_memory_read) { return fault_case(KFAULT_KERNEL_READ, 14, 1, 0xFFFFFFFF80100000ull); }

/* PLATFORM=linux: tern-task's channel with the kernel (hosted/wire.h) is
 * in the program's address space, outside anything tern maps. The
 * kernel's half is read-only there: a store is a page fault, as on the
 * PC, where nothing is mapped at that address. */
KTEST(fault_chan_down_write) { return fault_case(KFAULT_CHAN_DOWN_WRITE, 14, 1, KC_CHAN_VA + 4096); }

/* A store into the task's half (a made-up entry, and the entry count
 * bumped) hurts only the task: tern-linux takes a malformed entry as the
 * end of its process, a #GP its supervisor hears of (vector 13). On the
 * PC the store itself faults (#PF). */
KTEST(fault_chan_forge)
{
	int hosted = strstr(ktest_cmdline, "platform=linux") != 0;
	struct child c;
	KCHECK_EQ(child_spawn(&c, ROLE_FAULT, KFAULT_CHAN_FORGE, 50), 0);
	KCHECK_EQ(child_start(&c), TERN_OK);
	struct tern_msg m;
	KCHECK_EQ(wait_fault(&m, 1000), 0);
	KCHECK_EQ(MSG_LABEL(m.info), MSG_LABEL_FAULT);
	KCHECK_EQ(m.mr[FAULT_MR_VECTOR], hosted ? 13 : 14);
	if (!hosted)
		KCHECK_EQ(m.mr[FAULT_MR_RIP], shared[0]);
	KCHECK_EQ(child_state(&c), TASK_BLOCKED);
	return 0;
}

KTEST(fault_without_handler_kills_task)
{
	struct child c;
	KCHECK_EQ(child_spawn(&c, ROLE_FAULT, KFAULT_UD, 50), 0);
	KCHECK_EQ(tern_invoke(c.task, TASK_SET_FAULT, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(10);
	KCHECK_EQ(child_state(&c), TASK_DEAD);
	return 0;
}

KTEST(fault_handler_fixes_and_resumes)
{
	uint64_t n = make(CAP_NOTE, 0), p = make(CAP_PAGE, 1);
	struct child c;
	KCHECK(n && p);
	KCHECK_EQ(child_spawn(&c, ROLE_RESUME, 0x50000000, 50), 0);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	struct tern_msg m;
	KCHECK_EQ(wait_fault(&m, 1000), 0);
	KCHECK_EQ(m.mr[FAULT_MR_VECTOR], 14);
	KCHECK_EQ(m.mr[FAULT_MR_ADDR], 0x50000000);
	/* Map the missing page, then answer: the child retries the write. */
	KCHECK_EQ(tern_page_map(p, c.task, 0x50000000, RIGHT_READ | RIGHT_WRITE), TERN_OK);
	m.info = MSG_INFO(0, 0, 0);
	KCHECK_EQ(tern_reply(&m), TERN_OK);
	KCHECK(wait_note(n, 1000));
	KCHECK_EQ(shared[3], 0xBEEF);
	return 0;
}

KTEST(exit_is_reported_to_supervisor)
{
	struct child c;
	KCHECK_EQ(child_spawn(&c, ROLE_EXIT, 42, 50), 0);
	KCHECK_EQ(child_start(&c), TERN_OK);
	struct tern_msg m;
	KCHECK_EQ(wait_fault(&m, 1000), 0);
	KCHECK_EQ(tern_ipcbuf->mr[FAULT_MR_KIND], FAULT_EXIT);
	KCHECK_EQ(m.mr[0], 42);
	return 0;
}
