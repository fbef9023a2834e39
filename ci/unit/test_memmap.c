/* Unit tests for kernel/mm/memmap.c: turning loader maps into usable frames. */
#include "unit.h"
#include <memmap.h>
#include <string.h>

#define MiB (1024ull * 1024)

TEST(memmap_single_range_minus_reserved)
{
	struct mem_range avail[] = { { 0, 128 * MiB } };
	struct mem_range res[] = { { 0, 1 * MiB }, { 1 * MiB, 100 * 1024 } };
	struct memmap m;
	CHECK_EQ(memmap_build(&m, avail, 1, res, 2), 0);
	CHECK_EQ(m.n, 1);
	CHECK_EQ(m.r[0].base, 1 * MiB + 100 * 1024);
	CHECK_EQ(memmap_end(&m), 128 * MiB);
}

TEST(memmap_aligns_inward_and_reserved_outward)
{
	struct mem_range avail[] = { { 0x1001, 0x10000 } };     /* 0x1001..0x11001 */
	struct mem_range res[] = { { 0x5010, 0x10 } };           /* inside page 0x5000 */
	struct memmap m;
	CHECK_EQ(memmap_build(&m, avail, 1, res, 1), 0);
	CHECK_EQ(m.n, 2);
	CHECK_EQ(m.r[0].base, 0x2000);
	CHECK_EQ(m.r[0].len, 0x3000);
	CHECK_EQ(m.r[1].base, 0x6000);
	CHECK_EQ(m.r[1].base + m.r[1].len, 0x11000);
}

TEST(memmap_merges_overlaps_and_sorts)
{
	struct mem_range avail[] = { { 8 * MiB, 8 * MiB }, { 0, 4 * MiB }, { 2 * MiB, 8 * MiB } };
	struct memmap m;
	CHECK_EQ(memmap_build(&m, avail, 3, 0, 0), 0);
	CHECK_EQ(m.n, 1);
	CHECK_EQ(m.r[0].base, 0);
	CHECK_EQ(memmap_total(&m), 16 * MiB);
}

TEST(memmap_tiny_map_gives_nothing)
{
	struct mem_range avail[] = { { 0x100, 0x800 } };        /* less than a page */
	struct memmap m;
	CHECK_EQ(memmap_build(&m, avail, 1, 0, 0), 0);
	CHECK_EQ(m.n, 0);
	CHECK_EQ(memmap_total(&m), 0);
	CHECK_EQ(memmap_end(&m), 0);
}

TEST(memmap_reserved_covering_everything)
{
	struct mem_range avail[] = { { 1 * MiB, 15 * MiB } };
	struct mem_range res[] = { { 0, 64 * MiB } };
	struct memmap m;
	CHECK_EQ(memmap_build(&m, avail, 1, res, 1), 0);
	CHECK_EQ(m.n, 0);
}

TEST(memmap_wrapping_length_is_clamped)
{
	struct mem_range avail[] = { { 0xFFFFFFFFFFFFF000ull, 0x10000 } };
	struct memmap m;
	CHECK_EQ(memmap_build(&m, avail, 1, 0, 0), 0);
	CHECK(m.n <= 1);
	if (m.n)
		CHECK(m.r[0].base + m.r[0].len >= m.r[0].base);
}

TEST(memmap_too_many_ranges_reports)
{
	struct mem_range avail[MEMMAP_MAX + 8];
	for (int i = 0; i < MEMMAP_MAX + 8; i++)
		avail[i] = (struct mem_range){ (uint64_t)i * 2 * MiB, MiB };
	struct memmap m;
	CHECK_EQ(memmap_build(&m, avail, MEMMAP_MAX + 8, 0, 0), -1);
	CHECK_EQ(m.n, MEMMAP_MAX);
}

/* Device memory (mmio caps) is refused where it touches RAM: the check
 * must see a one-byte overlap at either end and not wrap at the top. */
TEST(memmap_overlaps_finds_ram_at_either_edge)
{
	struct mem_range ram[] = { { 0, 0x9FC00 }, { 0, 0 }, { 1 * MiB, 127 * MiB },
				   { 0xFFFFFFFFFFFFF000ull, 0x10000 } };
	CHECK(!memmap_overlaps(ram, 4, 0xA0000, 0xBFFFF));     /* the VGA window */
	CHECK(!memmap_overlaps(ram, 4, 0x9FC00, 0xFFFFF));
	CHECK(memmap_overlaps(ram, 4, 0x9F000, 0x9FFFF));      /* last RAM byte 0x9FBFF */
	CHECK(memmap_overlaps(ram, 4, 0xFF000, 0x100000));     /* first byte of the second range */
	CHECK(memmap_overlaps(ram, 4, 0, 0xFFF));
	CHECK(memmap_overlaps(ram, 4, 0x200000, 0x200FFF));
	CHECK(!memmap_overlaps(ram, 4, 128 * MiB, 0xFFFFFFFFFFFFEFFFull));
	CHECK(memmap_overlaps(ram, 4, 0xFFFFFFFFFFFFF000ull, 0xFFFFFFFFFFFFFFFFull));
	CHECK(!memmap_overlaps(ram, 0, 0, 0xFFFFFFFFFFFFFFFFull));
}
