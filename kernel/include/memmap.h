/*
 * Turning the loader's memory map into the list of frames the kernel may
 * use. Pure code (no kernel state), unit-tested on the host.
 */
#pragma once
#include <stdint.h>

#define MEMMAP_MAX 64

/* The least usable memory tern boots with (the kernel's heap, the root
 * task and its programs), checked by both boots: kernel/main.c and
 * PLATFORM=linux's platform/linux/kernel/main.c. */
#define MIN_RAM_KIB (24 * 1024)

struct mem_range {
	uint64_t base, len;
};

struct memmap {
	struct mem_range r[MEMMAP_MAX];
	int n;
};

/*
 * out = (union of avail, each shrunk to whole pages) minus every reserved
 * range, sorted and merged. Returns 0, or -1 if the result had more than
 * MEMMAP_MAX ranges (the extra ones are dropped, the rest is valid).
 */
int memmap_build(struct memmap *out, const struct mem_range *avail, int navail,
		 const struct mem_range *reserved, int nreserved);
uint64_t memmap_total(const struct memmap *m);
uint64_t memmap_end(const struct memmap *m);
/* Whether any of the n ranges has a byte in [first, last] (device memory
 * must not: kernel/object/mmio.c). */
int memmap_overlaps(const struct mem_range *r, int n, uint64_t first, uint64_t last);
