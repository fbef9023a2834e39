/* Unit tests for userspace/drv/pci/pciconf.c: addresses and the bus scan. */
#include "unit.h"
#include "pciconf.h"

TEST(pciconf_address_encodes_and_checks)
{
	uint32_t a = 0;
	CHECK(pciconf_address(0, 0, 0, 0, &a));
	CHECK_EQ(a, 0x80000000u);
	CHECK(pciconf_address(255, 31, 7, 252, &a));
	CHECK_EQ(a, 0x80FFFFFCu);
	CHECK(pciconf_address(1, 2, 3, 8, &a));
	CHECK_EQ(a, 0x80011308u);
	a = 42;
	CHECK(!pciconf_address(256, 0, 0, 0, &a));
	CHECK(!pciconf_address(0, 32, 0, 0, &a));
	CHECK(!pciconf_address(0, 0, 8, 0, &a));
	CHECK(!pciconf_address(0, 0, 0, 256, &a));
	CHECK(!pciconf_address(0, 0, 0, 2, &a));                /* not aligned */
	CHECK(!pciconf_address(0, 0, 0, 1ull << 32, &a));       /* no truncation to 0 */
	CHECK(!pciconf_address(1ull << 40, 0, 0, 0, &a));
	CHECK_EQ(a, 42);                                        /* untouched on failure */
}

/* A made-up bus 0: device 0 (single-function, but answers every function
 * number, as some do), device 1 multi-function with functions 0, 1 and 3,
 * device 31 present; bus 2: device 5. */
static uint32_t fake(void *ctx, uint32_t cf8)
{
	(*(int *)ctx)++;
	unsigned bus = cf8 >> 16 & 0xFF, dev = cf8 >> 11 & 0x1F, fn = cf8 >> 8 & 7, off = cf8 & 0xFC;
	bool present = (bus == 0 && (dev == 0 || dev == 31 || (dev == 1 && (fn == 0 || fn == 1 || fn == 3)))) ||
		       (bus == 2 && dev == 5 && fn == 0);
	if (!(cf8 & PCI_CF8_ENABLE) || !present)
		return 0xFFFFFFFFu;
	if (off == 0)
		return 0x12378086u;
	if (off == 0x0C)
		return bus == 0 && dev == 1 ? 0x00800000u : 0;
	return 0;
}

TEST(pciconf_scan_finds_functions)
{
	uint64_t map[4];
	int reads = 0;
	pciconf_scan_bus(fake, &reads, 0, map);
	CHECK_EQ(map[0], (1ull << 0) | (1ull << 8) | (1ull << 9) | (1ull << 11));
	CHECK_EQ(map[1], 0);
	CHECK_EQ(map[2], 0);
	CHECK_EQ(map[3], 1ull << 56);                           /* device 31, function 0 */
	CHECK(reads < 32 + 3 * 2 + 7);
	pciconf_scan_bus(fake, &reads, 2, map);
	CHECK_EQ(map[0], 1ull << 40);
	pciconf_scan_bus(fake, &reads, 1, map);
	CHECK_EQ(map[0] | map[1] | map[2] | map[3], 0);
	reads = 0;
	pciconf_scan_bus(fake, &reads, 300, map);
	CHECK_EQ(reads, 0);
}
