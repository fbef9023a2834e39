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

/*
 * Destroying an object gives its charge back to what the quota has left,
 * not only to what it reports used: after making and deleting one object
 * of each kind, the quota can pay for as much as before. (A refund that
 * lowered `used` but forgot `left` passed every test before this one.)
 */
KTEST(memory_destroy_gives_back_left)
{
	enum { QUOTA = 64 * 1024 };
	uint64_t q = slot(), out[6];
	uint64_t s[5] = { slot(), slot(), slot(), slot(), slot() };
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	uint64_t root_left = out[0];
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, QUOTA, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_ENDPOINT, s[0], 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_NOTE, s[1], 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_PAGE, s[2], 2), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_CSPACE, s[3], 2), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_TASK, s[4], 1), TERN_OK);
	KCHECK_EQ(tern_invoke(q, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK(out[0] < QUOTA);
	KCHECK_EQ(out[0] + out[1], QUOTA);
	for (int i = 0; i < 5; i++)
		KCHECK_EQ(tern_cap_delete(s[i], 0), TERN_OK);
	KCHECK_EQ(tern_invoke(q, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[1], 0);
	KCHECK_EQ(out[0], QUOTA);
	/* And it pays for the biggest page that fits again. */
	KCHECK_EQ(tern_mem_create(q, CAP_PAGE, s[0], QUOTA / 4096 - 1), TERN_OK);
	KCHECK_EQ(tern_cap_delete(s[0], 0), TERN_OK);
	/* Our own quota too, once the split one is gone. */
	KCHECK_EQ(tern_cap_delete(q, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[0], root_left);
	return 0;
}
