/* Device memory: the ranges an mmio cap may cover (kernel/object/mmio.c). */
#pragma once
#include <stdint.h>

/* Whether [first, last] may be device memory: page aligned (first on a
 * page, last the end of one), inside the physical address space, and no
 * byte of it RAM as the loader reported it (so never a frame the frame
 * allocator hands out, nor the kernel, its modules or the loader's data). */
int mmio_range_ok(uint64_t first, uint64_t last);
