/* Pages: mapping, sharing between address spaces, rights, bad requests. */
#include "ktest.h"

#define VA 0x40000000ull

KTEST(page_shared_between_tasks)
{
	uint64_t n = make(CAP_NOTE, 0);
	struct child c;
	KCHECK(n);
	/* The child's RESUME role writes to an address we map for it first. */
	uint64_t p = make(CAP_PAGE, 1);
	KCHECK(p);
	KCHECK_EQ(tern_page_map(p, 0, VA, RIGHT_READ | RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_spawn(&c, ROLE_RESUME, VA + 8, 50), 0);
	KCHECK_EQ(tern_page_map(p, c.task, VA, RIGHT_READ | RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	KCHECK(wait_note(n, 1000));
	KCHECK_EQ(((volatile uint64_t *)VA)[1], 42);   /* written by the child, read by us */
	KCHECK_EQ(shared[3], 0xBEEF);
	KCHECK_EQ(tern_page_unmap(p, 0, VA), TERN_OK);
	return 0;
}

KTEST(page_map_checks)
{
	uint64_t p = make(CAP_PAGE, 2), ro = slot();
	KCHECK(p);
	KCHECK_EQ(tern_page_map(p, 0, VA + 1, RIGHT_READ), E_BAD_ARG);
	KCHECK_EQ(tern_page_map(p, 0, 0, RIGHT_READ), E_BAD_ARG);
	KCHECK_EQ(tern_page_map(p, 0, 0xFFFF800000000000ull, RIGHT_READ), E_BAD_ARG);
	KCHECK_EQ(tern_page_map(p, 0, 0x7FFFFFFFF000ull, RIGHT_READ), E_BAD_ARG);  /* runs past the top */
	KCHECK_EQ(tern_page_map(p, 0, VA, RIGHT_WRITE), E_NO_RIGHTS);               /* no READ */
	KCHECK_EQ(tern_cap_copy(p, 0, ro, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_page_map(ro, 0, VA, RIGHT_READ | RIGHT_WRITE), E_NO_RIGHTS);
	KCHECK_EQ(tern_page_map(ro, 0, VA, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_page_map(p, 0, VA + 4096, RIGHT_READ), E_MAPPED);
	KCHECK_EQ(tern_page_unmap(p, 0, VA + 4096), E_NOT_MAPPED);
	KCHECK_EQ(tern_page_unmap(ro, 0, VA), TERN_OK);
	KCHECK_EQ(tern_page_unmap(ro, 0, VA), E_NOT_MAPPED);
	uint64_t out[6];
	KCHECK_EQ(tern_invoke(p, PAGE_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[0], 2);
	return 0;
}

KTEST(page_mapping_outlives_cap)
{
	uint64_t p = make(CAP_PAGE, 1), keep = slot();
	KCHECK(p);
	KCHECK_EQ(tern_page_map(p, 0, VA, RIGHT_READ | RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(tern_cap_copy(p, 0, keep, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_cap_delete(p, 0), TERN_OK);
	volatile uint64_t *v = (volatile uint64_t *)VA;
	v[0] = 123;
	KCHECK_EQ(v[0], 123);
	/* Another page's cap can neither map over it nor take it away: only a
	 * cap to the mapped page can. It stays until that or the task's death. */
	uint64_t q = make(CAP_PAGE, 1);
	KCHECK(q);
	KCHECK_EQ(tern_page_map(q, 0, VA, RIGHT_READ), E_MAPPED);
	KCHECK_EQ(tern_page_unmap(q, 0, VA), E_NOT_MAPPED);
	KCHECK_EQ(v[0], 123);
	/* A copy of its cap can (the test's quota must come back). */
	KCHECK_EQ(tern_page_unmap(keep, 0, VA), TERN_OK);
	return 0;
}

/*
 * Page tables are not charged to any quota, so a task can make the kernel
 * allocate them until physical memory runs out: one page mapped at a new
 * 2 MiB region each time. That must end in E_NO_MEMORY, not a panic, and
 * the memory must come back when the task dies.
 */
KTEST(page_tables_running_out_is_an_error)
{
	struct child c;
	uint64_t p = make(CAP_PAGE, 1);
	KCHECK(p);
	KCHECK_EQ(child_spawn(&c, ROLE_EXIT, 0, 50), 0);
	int err = 0;
	uint64_t n = 0;
	for (; n < 1000000 && !err; n++)
		err = tern_page_map(p, c.task, 0x100000000ull + n * 0x200000, RIGHT_READ);
	KCHECK_EQ(err, E_NO_MEMORY);
	uint64_t out[6];
	tern_invoke(ROOT_MACHINE, MACHINE_INFO, 0, 0, 0, 0, out);
	uint64_t free_when_full = out[0];
	KCHECK_EQ(tern_invoke(c.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	tern_invoke(ROOT_MACHINE, MACHINE_INFO, 0, 0, 0, 0, out);
	KCHECK(out[0] > free_when_full + n / 2);        /* the tables came back */
	KCHECK(make(CAP_ENDPOINT, 0));                   /* and the kernel still works */
	return 0;
}
