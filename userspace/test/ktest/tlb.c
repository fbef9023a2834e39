/*
 * TLB invalidation across address spaces. With PCIDs (the boot line "paging: ..., PCID on") a
 * task's TLB entries survive switches to other tasks, so a mapping the
 * kernel changes or removes while the task is not running must still be
 * invalidated before the task runs again, and a dead task's PCID must
 * not hand its entries to the next task on the same page-table frame.
 * A ROLE_PEEK child reads VA through its own TLB when called; we change
 * its mappings between calls, while it is blocked and we run.
 *
 * What can catch a missing invalidation: a CPU (or KVM guest) that keeps
 * TLB entries per PCID. QEMU 7.2's TCG has no PCID and Bochs 2.7 flushes
 * on every CR3 write, so there these pass either way (see
 * docs/performance.md, "PCID").
 */
#include "ktest.h"

#define VA 0x48000000ull

struct peeker {
	struct child c;
	uint64_t ep;
};

static int peeker_start(struct peeker *p)
{
	p->ep = make(CAP_ENDPOINT, 0);
	if (!p->ep || child_spawn(&p->c, ROLE_PEEK, 0, 50))
		return kfail("cannot start the peek child");
	if (child_give(&p->c, p->ep, KC_EP, RIGHT_READ) || child_start(&p->c))
		return kfail("cannot give the peek child its endpoint");
	return 0;
}

/* The word the child reads at va (it must not fault). */
static uint64_t peek(struct peeker *p, uint64_t va)
{
	struct tern_msg m = { .info = MSG_INFO(0, 1, 0), .mr = { va } };
	if (tern_call(p->ep, &m) != TERN_OK)
		return 0xDEAD;
	return m.mr[0];
}

/* A one-frame page holding word v in its first 8 bytes (written through
 * our own mapping at tmp, removed again). */
static uint64_t page_with(uint64_t v, uint64_t tmp)
{
	uint64_t pg = make(CAP_PAGE, 1);
	if (!pg || tern_page_map(pg, 0, tmp, RIGHT_READ | RIGHT_WRITE) != TERN_OK)
		return 0;
	*(volatile uint64_t *)tmp = v;
	if (tern_page_unmap(pg, 0, tmp) != TERN_OK)
		return 0;
	return pg;
}

KTEST(tlb_remap_while_away_is_seen)
{
	struct peeker p;
	uint64_t a = page_with(0xAAAA, VA), b = page_with(0xBBBB, VA);
	KCHECK(a && b);
	if (peeker_start(&p))
		return 1;
	KCHECK_EQ(tern_page_map(a, p.c.task, VA, RIGHT_READ), TERN_OK);
	/* Each round: the child caches VA -> a, we (another address space)
	 * move VA to b and back, the child must see each change. */
	for (int i = 0; i < 20; i++) {
		KCHECK_EQ(peek(&p, VA), 0xAAAA);
		KCHECK_EQ(peek(&p, VA), 0xAAAA);
		KCHECK_EQ(tern_page_unmap(a, p.c.task, VA), TERN_OK);
		KCHECK_EQ(tern_page_map(b, p.c.task, VA, RIGHT_READ), TERN_OK);
		KCHECK_EQ(peek(&p, VA), 0xBBBB);
		KCHECK_EQ(tern_page_unmap(b, p.c.task, VA), TERN_OK);
		KCHECK_EQ(tern_page_map(a, p.c.task, VA, RIGHT_READ), TERN_OK);
	}
	return 0;
}

KTEST(tlb_unmap_while_away_faults)
{
	struct peeker p;
	uint64_t a = page_with(0xAAAA, VA);
	KCHECK(a);
	if (peeker_start(&p))
		return 1;
	KCHECK_EQ(tern_page_map(a, p.c.task, VA, RIGHT_READ), TERN_OK);
	KCHECK_EQ(peek(&p, VA), 0xAAAA);
	KCHECK_EQ(tern_page_unmap(a, p.c.task, VA), TERN_OK);
	/* A send, not a call: the child's fault goes to fault_ep, which we
	 * can then receive on. */
	struct tern_msg m = { .info = MSG_INFO(0, 1, 0), .mr = { VA } };
	KCHECK_EQ(tern_send(p.ep, &m), TERN_OK);
	KCHECK_EQ(wait_fault(&m, 1000), 0);
	KCHECK_EQ(m.mr[FAULT_MR_VECTOR], 14);
	KCHECK_EQ(m.mr[FAULT_MR_ADDR], VA);
	return 0;
}

/* Tasks die and new ones get page-table frames (and so PCIDs) that dead
 * ones ran under: each new task must see only its own mapping. */
KTEST(tlb_dead_task_leaves_nothing_to_the_next)
{
	uint64_t a = page_with(0xAAAA, VA), b = page_with(0xBBBB, VA);
	KCHECK(a && b);
	for (int i = 0; i < 12; i++) {
		struct peeker p;
		if (peeker_start(&p))
			return 1;
		uint64_t mine = i & 1 ? b : a;
		KCHECK_EQ(tern_page_map(mine, p.c.task, VA, RIGHT_READ), TERN_OK);
		KCHECK_EQ(peek(&p, VA), i & 1 ? 0xBBBB : 0xAAAA);
		KCHECK_EQ(tern_invoke(p.c.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
		KCHECK_EQ(tern_cap_delete(p.c.task, 0), TERN_OK);
	}
	return 0;
}
