/* Memory objects: quotas, splitting, exhaustion. */
#include "ktest.h"

KTEST(memory_split_quota_is_enforced)
{
	uint64_t small = slot(), p = slot();
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 5 * 4096, small, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(small, CAP_PAGE, p, 8), E_NO_MEMORY);
	KCHECK_EQ(tern_mem_create(small, CAP_PAGE, p, 2), TERN_OK);
	uint64_t out[6];
	KCHECK_EQ(tern_invoke(small, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK(out[0] < 3 * 4096);
	KCHECK_EQ(tern_cap_delete(p, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(small, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[1], 0);
	return 0;
}

KTEST(memory_bad_create_arguments)
{
	uint64_t s = slot();
	KCHECK_EQ(tern_mem_create(ROOT_MEMORY, CAP_PAGE, s, 0), E_BAD_ARG);
	KCHECK_EQ(tern_mem_create(ROOT_MEMORY, CAP_PAGE, s, 100000), E_BAD_ARG);
	KCHECK_EQ(tern_mem_create(ROOT_MEMORY, CAP_TASK, s, 13), E_BAD_ARG);
	KCHECK_EQ(tern_mem_create(ROOT_MEMORY, CAP_MACHINE, s, 0), E_BAD_ARG);
	KCHECK_EQ(tern_mem_create(ROOT_MEMORY, 999, s, 0), E_BAD_ARG);
	KCHECK_EQ(tern_mem_create(ROOT_MEMORY, CAP_NOTE, ROOT_MEMORY, 0), E_SLOT_IN_USE);
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, 12345, 0, 0, 0, 0, 0), E_BAD_SYSCALL);
	return 0;
}
