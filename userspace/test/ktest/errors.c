/* Bad system call arguments return error codes; nothing crashes. */
#include "ktest.h"

KTEST(error_unknown_syscall)
{
	KCHECK_EQ(tern_sys(SYS_COUNT, 0, 0, 0, 0, 0, 0).err, E_BAD_SYSCALL);
	KCHECK_EQ(tern_sys(~0ull, 0, 0, 0, 0, 0, 0).err, E_BAD_SYSCALL);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, 9999, 0, 0, 0, 0, 0), E_BAD_SYSCALL);
	return 0;
}

KTEST(error_bad_user_pointers)
{
	KCHECK_EQ(tern_debug_write((void *)0x1000, 10), E_BAD_ADDRESS);
	KCHECK_EQ(tern_debug_write((void *)0xFFFFFFFF80100000ull, 10), E_BAD_ADDRESS);
	KCHECK_EQ(tern_debug_write((void *)0x7FFFFFFFFFF0ull, 0x100), E_BAD_ADDRESS);
	KCHECK_EQ(tern_debug_write((void *)~0ull, 2), E_BAD_ADDRESS);
	KCHECK_EQ(tern_debug_write("", 1u << 30), E_BAD_ARG);
	uint64_t t = slot();
	KCHECK_EQ(tern_cap_copy(ROOT_TASK, 0, t, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_invoke(t, TASK_SET_NAME, 0x1234, 8, 0, 0, 0), E_BAD_ADDRESS);
	return 0;
}

KTEST(error_wrong_types_and_rights)
{
	uint64_t n = make(CAP_NOTE, 0), ep = make(CAP_ENDPOINT, 0), ro = slot();
	KCHECK(n && ep);
	struct tern_msg m = { .info = MSG_INFO(0, 1, 0) };
	KCHECK_EQ(tern_call(n, &m), E_WRONG_TYPE);
	KCHECK_EQ(tern_recv(n, &m), E_WRONG_TYPE);
	KCHECK_EQ(tern_signal(ep), E_WRONG_TYPE);
	KCHECK_EQ(tern_invoke(ep, TASK_START, 0, 0, 0, 0, 0), E_BAD_SYSCALL);
	KCHECK_EQ(tern_cap_copy(ep, 0, ro, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_nbsend(ro, &m), E_NO_RIGHTS);
	KCHECK_EQ(tern_page_map(ROOT_MEMORY, 0, 0x40000000, RIGHT_READ), E_BAD_SYSCALL);
	KCHECK_EQ(tern_invoke(ep, PAGE_MAP, 0, 0x40000000, RIGHT_READ, 0, 0), E_BAD_SYSCALL);
	return 0;
}

KTEST(error_task_misuse)
{
	struct child c;
	KCHECK_EQ(child_spawn(&c, ROLE_EXIT, 0, 50), 0);
	KCHECK_EQ(tern_task_set_regs(c.task, 0xFFFF800000000000ull, 0, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(c.task, TASK_SET_IPCBUF, ROOT_MEMORY, 0, 0, 0, 0), E_WRONG_TYPE);
	KCHECK_EQ(tern_invoke(c.task, TASK_SET_FAULT, ROOT_MEMORY, 0, 0, 0, 0), E_WRONG_TYPE);
	KCHECK_EQ(tern_invoke(c.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_task_start(c.task), E_DEAD);
	uint64_t p = make(CAP_PAGE, 1);
	KCHECK(p);
	KCHECK_EQ(tern_page_map(p, c.task, 0x40000000, RIGHT_READ), E_DEAD);
	return 0;
}

KTEST(error_random_syscalls_do_not_hurt_the_kernel)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0), done = make(CAP_NOTE, 0);
	uint64_t page = make(CAP_PAGE, 2);
	struct child c;
	KCHECK(ep && n && done && page);
	KCHECK_EQ(child_spawn(&c, ROLE_FUZZ, 20000, 50), 0);
	KCHECK_EQ(child_give(&c, ep, KC_EP, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_give(&c, done, KC_NOTE2, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&c, page, KC_RECV, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	uint64_t bits = wait_note(done, 20000);
	struct tern_msg m;
	if (!bits && tern_nbrecv(fault_ep, &m) == TERN_OK)
		return kfail("the fuzzing task faulted at RIP %lx (vector %lu)", m.mr[FAULT_MR_RIP],
			     m.mr[FAULT_MR_VECTOR]);
	KCHECK(bits != 0);
	/* And everything still works. */
	KCHECK_EQ(tern_signal(n), TERN_OK);
	return 0;
}
