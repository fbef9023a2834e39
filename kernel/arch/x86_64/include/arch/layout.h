/* Virtual memory layout of the kernel. Used by C and by assembly. */
#pragma once

/* The kernel image is linked at -2 GiB (+ its physical load address). */
#define KERNEL_VMA      0xFFFFFFFF80000000
/* All physical memory is mapped here, so the kernel can reach any frame. */
#define PHYSMAP_BASE    0xFFFF800000000000
/* Physical load address of the image (1 MiB, above the BIOS area). */
#define KERNEL_LOAD     0x100000
/* Page size and how many bytes the physmap covers at most (512 GiB, one PML4 slot). */
#define PAGE_SIZE       4096
#define PHYSMAP_LIMIT   0x8000000000

#ifndef __ASSEMBLER__
#include <stdint.h>
static inline void *phys_to_virt(uint64_t pa) { return (void *)(pa + PHYSMAP_BASE); }
static inline uint64_t virt_to_phys(const void *va)
{
	uint64_t v = (uint64_t)va;
	return v >= KERNEL_VMA ? v - KERNEL_VMA : v - PHYSMAP_BASE;
}
#endif
