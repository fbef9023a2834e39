/* Unit tests for kernel/lib/pcid.c: when a CR3 load may keep a PCID's TLB entries. */
#include "unit.h"
#include <pcid.h>
#include <string.h>

static struct pcid_table t;

#define A 0x123000ull
#define B (A + PCID_SLOTS * 4096ull)   /* same PCID as A */
#define C 0x456000ull

static int kept(uint64_t cr3) { return (cr3 & PCID_NOFLUSH) != 0; }

TEST(pcid_first_load_flushes_then_keeps)
{
	memset(&t, 0, sizeof(t));
	uint64_t cr3 = pcid_cr3(&t, A);
	CHECK_EQ(cr3 & 0xFFF, pcid_of(A));
	CHECK_EQ(cr3 & ~PCID_NOFLUSH & ~0xFFFull, A);
	CHECK(!kept(cr3));
	CHECK(kept(pcid_cr3(&t, A)));
	CHECK(!kept(pcid_cr3(&t, C)));
	CHECK(kept(pcid_cr3(&t, A)));   /* C did not take A's PCID */
	CHECK(kept(pcid_cr3(&t, C)));
}

TEST(pcid_never_zero_and_in_range)
{
	CHECK_EQ(pcid_of(0), 1);
	CHECK_EQ(pcid_of((PCID_SLOTS - 1) * 4096ull), PCID_SLOTS);
	CHECK_EQ(pcid_of(PCID_SLOTS * 4096ull), 1);
	for (uint64_t r = 0; r < 0x10000000ull; r += 0x1F000)
		CHECK(pcid_of(r) >= 1 && pcid_of(r) <= 4095);
}

TEST(pcid_shared_slot_is_taken_over_with_a_flush)
{
	memset(&t, 0, sizeof(t));
	CHECK_EQ(pcid_of(A), pcid_of(B));
	pcid_cr3(&t, A);
	CHECK(!kept(pcid_cr3(&t, B)));  /* A's entries are under that PCID */
	CHECK(!kept(pcid_cr3(&t, A)));  /* and now B's */
	CHECK(kept(pcid_cr3(&t, A)));
}

TEST(pcid_change_while_not_loaded_flushes_once)
{
	memset(&t, 0, sizeof(t));
	pcid_cr3(&t, A);
	pcid_cr3(&t, C);
	pcid_changed(&t, A);
	pcid_changed(&t, A);            /* twice is once */
	CHECK(!kept(pcid_cr3(&t, A)));
	CHECK(kept(pcid_cr3(&t, A)));
	/* A change to a root that does not own its PCID needs nothing: its
	 * next load flushes anyway, and must not disturb the owner. */
	pcid_cr3(&t, B);
	pcid_changed(&t, A);
	CHECK(kept(pcid_cr3(&t, B)));
	CHECK(!kept(pcid_cr3(&t, A)));
}

TEST(pcid_freed_root_is_a_stranger_when_reused)
{
	memset(&t, 0, sizeof(t));
	pcid_cr3(&t, A);
	pcid_forget(&t, A);
	CHECK(!kept(pcid_cr3(&t, A)));  /* the same frame as a new task's root */
	pcid_changed(&t, A);
	pcid_forget(&t, A);             /* stale and then freed */
	CHECK(!kept(pcid_cr3(&t, A)));
	pcid_cr3(&t, B);
	pcid_forget(&t, A);             /* not A's any more: B keeps it */
	CHECK(kept(pcid_cr3(&t, B)));
}
