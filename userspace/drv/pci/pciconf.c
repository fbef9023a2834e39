/* PCI configuration addresses and the bus scan (pciconf.h). */
#include "pciconf.h"

bool pciconf_address(uint64_t bus, uint64_t dev, uint64_t fn, uint64_t off, uint32_t *cf8)
{
	if (bus > 255 || dev > 31 || fn > 7 || off > 252 || off % 4)
		return false;
	*cf8 = PCI_CF8_ENABLE | (uint32_t)(bus << 16 | dev << 11 | fn << 8 | off);
	return true;
}

static uint32_t conf(pciconf_reader rd, void *ctx, unsigned bus, unsigned dev, unsigned fn, unsigned off)
{
	uint32_t a = 0;
	pciconf_address(bus, dev, fn, off, &a);
	return rd(ctx, a);
}

void pciconf_scan_bus(pciconf_reader rd, void *ctx, unsigned bus, uint64_t map[4])
{
	for (int i = 0; i < 4; i++)
		map[i] = 0;
	if (bus > 255)
		return;
	for (unsigned dev = 0; dev < 32; dev++) {
		if ((conf(rd, ctx, bus, dev, 0, 0) & 0xFFFF) == 0xFFFF)
			continue;
		unsigned fns = (conf(rd, ctx, bus, dev, 0, 0x0C) >> 16) & 0x80 ? 8 : 1;
		for (unsigned fn = 0; fn < fns; fn++) {
			if (fn && (conf(rd, ctx, bus, dev, fn, 0) & 0xFFFF) == 0xFFFF)
				continue;
			unsigned bit = dev * 8 + fn;
			map[bit / 64] |= 1ull << (bit % 64);
		}
	}
}
