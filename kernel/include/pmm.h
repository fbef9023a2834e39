/* Physical frame allocator: one bit per 4 KiB frame. */
#pragma once
#include <memmap.h>
#include <stdint.h>

/* Returns 0, or -1 if no usable range can hold the bitmap itself. */
int pmm_init(const struct memmap *usable);
/* A zeroed frame's physical address, or 0 when memory is exhausted. */
uint64_t pmm_alloc(void);
/* n physically contiguous zeroed frames, or 0. */
uint64_t pmm_alloc_contig(unsigned n);
void pmm_free(uint64_t pa);
uint64_t pmm_free_frames(void);
uint64_t pmm_total_frames(void);
