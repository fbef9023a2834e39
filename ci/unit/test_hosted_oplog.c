/* Unit tests for platform/linux/kernel/oplog.c: the page table changes a
 * hosted task's process is told before it runs (docs/hosted.md). */
#include "unit.h"
#include <hosted/oplog.h>

#define P 4096ull

TEST(oplog_adjacent_pages_of_adjacent_frames_are_one_op)
{
	struct oplog l = { 0 };
	for (unsigned i = 0; i < 10; i++)
		CHECK_EQ(oplog_add(&l, 0x400000 + i * P, 0x200000 + i * P, WIRE_R | WIRE_X), 0);
	CHECK_EQ(l.n, 1);
	CHECK_EQ(l.ops[0].va, 0x400000);
	CHECK_EQ(l.ops[0].pa, 0x200000);
	CHECK_EQ(l.ops[0].npages, 10);
	oplog_free(&l);
}

TEST(oplog_splits_on_rights_address_or_frame)
{
	struct oplog l = { 0 };
	CHECK_EQ(oplog_add(&l, 0x400000, 0x200000, WIRE_R), 0);
	CHECK_EQ(oplog_add(&l, 0x401000, 0x201000, WIRE_R | WIRE_W), 0);  /* other rights */
	CHECK_EQ(oplog_add(&l, 0x403000, 0x202000, WIRE_R | WIRE_W), 0);  /* a hole in va */
	CHECK_EQ(oplog_add(&l, 0x404000, 0x900000, WIRE_R | WIRE_W), 0);  /* frames not in a row */
	CHECK_EQ(l.n, 4);
	oplog_free(&l);
}

TEST(oplog_unmaps_merge_whatever_the_frames)
{
	struct oplog l = { 0 };
	CHECK_EQ(oplog_add(&l, 0x400000, 0, 0), 0);
	CHECK_EQ(oplog_add(&l, 0x401000, 0, 0), 0);
	CHECK_EQ(oplog_add(&l, 0x402000, 0x123000, 0), 0);
	CHECK_EQ(l.n, 1);
	CHECK_EQ(l.ops[0].npages, 3);
	CHECK_EQ(l.ops[0].pa, 0);
	oplog_free(&l);
}

TEST(oplog_keeps_order_and_grows)
{
	struct oplog l = { 0 };
	/* Every other page: nothing merges, the log must grow past its first block. */
	for (unsigned i = 0; i < 1000; i++)
		CHECK_EQ(oplog_add(&l, 0x400000 + 2 * i * P, 0x200000 + i * P, WIRE_R), 0);
	CHECK_EQ(l.n, 1000);
	CHECK_EQ(l.ops[999].va, 0x400000 + 2 * 999 * P);
	/* A map then an unmap of the same page stay two ops, in order. */
	oplog_clear(&l);
	CHECK_EQ(oplog_add(&l, 0x400000, 0x200000, WIRE_R), 0);
	CHECK_EQ(oplog_add(&l, 0x400000, 0, 0), 0);
	CHECK_EQ(l.n, 2);
	CHECK_EQ(l.ops[1].prot, 0);
	oplog_free(&l);
}

