/* Unit tests for boot/uefi/efimap.c: the UEFI memory map as the kernel sees it. */
#include "unit.h"
#include <efimap.h>
#include <string.h>

struct desc {                   /* as UEFI lays it out, plus padding as firmware may add */
	uint32_t type, pad;
	uint64_t start, virt, pages, attr, extra;
};

static uint32_t convert(struct handoff_mem *out, uint32_t max, uint32_t *n,
			const struct desc *d, int nd)
{
	return efimap_convert(out, max, n, d, (uint64_t)nd * sizeof(*d), sizeof(*d));
}

TEST(efimap_types)
{
	CHECK_EQ(efimap_type(7), HANDOFF_MEM_USABLE);           /* conventional */
	CHECK_EQ(efimap_type(3), HANDOFF_MEM_USABLE);           /* boot services code */
	CHECK_EQ(efimap_type(4), HANDOFF_MEM_USABLE);           /* boot services data */
	CHECK_EQ(efimap_type(1), HANDOFF_MEM_USABLE);           /* loader code */
	CHECK_EQ(efimap_type(2), HANDOFF_MEM_USABLE);           /* loader data */
	CHECK_EQ(efimap_type(5), HANDOFF_MEM_RESERVED);         /* runtime services code */
	CHECK_EQ(efimap_type(6), HANDOFF_MEM_RESERVED);         /* runtime services data */
	CHECK_EQ(efimap_type(9), HANDOFF_MEM_ACPI);
	CHECK_EQ(efimap_type(10), HANDOFF_MEM_NVS);
	CHECK_EQ(efimap_type(11), HANDOFF_MEM_RESERVED);        /* MMIO */
	CHECK_EQ(efimap_type(8), HANDOFF_MEM_RESERVED);         /* unusable */
	CHECK_EQ(efimap_type(0x70000000), HANDOFF_MEM_RESERVED); /* OEM types */
}

TEST(efimap_sorts_and_merges_touching_ranges_of_one_type)
{
	struct desc d[] = {
		{ 7, 0, 0x200000, 0, 0x100, 0, 0 },     /* 2 MiB..3 MiB conventional */
		{ 4, 0, 0x100000, 0, 0x100, 0, 0 },     /* 1..2 MiB boot data: usable, touches */
		{ 6, 0, 0x300000, 0, 0x10, 0, 0 },      /* runtime data: reserved */
		{ 3, 0, 0x310000, 0, 0x10, 0, 0 },      /* usable again after it */
		{ 7, 0, 0x0, 0, 0xa0, 0, 0 },           /* low memory, not touching */
		{ 7, 0, 0x400000, 0, 0, 0, 0 },         /* empty: ignored */
	};
	struct handoff_mem out[8];
	uint32_t n;
	CHECK_EQ(convert(out, 8, &n, d, 6), 0);
	CHECK_EQ(n, 4);
	CHECK_EQ(out[0].base, 0);
	CHECK_EQ(out[0].len, 0xa0000);
	CHECK_EQ(out[1].base, 0x100000);
	CHECK_EQ(out[1].len, 0x200000);
	CHECK_EQ(out[1].type, HANDOFF_MEM_USABLE);
	CHECK_EQ(out[2].type, HANDOFF_MEM_RESERVED);
	CHECK_EQ(out[3].base, 0x310000);
}

TEST(efimap_bridges_a_gap_filled_later)
{
	struct desc d[] = {
		{ 7, 0, 0x0000, 0, 1, 0, 0 },
		{ 7, 0, 0x2000, 0, 1, 0, 0 },
		{ 2, 0, 0x1000, 0, 1, 0, 0 },           /* fills the hole: one range */
	};
	struct handoff_mem out[4];
	uint32_t n;
	CHECK_EQ(convert(out, 4, &n, d, 3), 0);
	CHECK_EQ(n, 1);
	CHECK_EQ(out[0].len, 0x3000);
}

TEST(efimap_counts_what_does_not_fit_and_skips_wrapping_ranges)
{
	struct desc d[] = {
		{ 7, 0, 0x0000, 0, 1, 0, 0 },
		{ 11, 0, 0x1000, 0, 1, 0, 0 },
		{ 7, 0, 0x2000, 0, 1, 0, 0 },
		{ 7, 0, 0xfffffffffffff000ull, 0, 2, 0, 0 },   /* wraps */
	};
	struct handoff_mem out[2];
	uint32_t n;
	CHECK_EQ(convert(out, 2, &n, d, 4), 1);
	CHECK_EQ(n, 2);
	/* A descriptor size below UEFI's own is not a map we can read. */
	CHECK_EQ(efimap_convert(out, 2, &n, d, sizeof(d), 16), 0);
	CHECK_EQ(n, 0);
}
