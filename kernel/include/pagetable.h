/*
 * The 4-level page tables as the kernel objects see them: the entry bits
 * and the operations vspace.c and the objects use. Both platforms keep
 * the same x86-64 tables (on PLATFORM=linux in "physical" memory,
 * mirrored into each task's process), so this is one interface; each
 * platform's <arch/paging.h> includes it and adds how a root is loaded
 * (paging_switch) and what only that platform has (PCIDs on the PC).
 */
#pragma once
#include <stdint.h>

#define PTE_P    (1ull << 0)
#define PTE_W    (1ull << 1)
#define PTE_U    (1ull << 2)
#define PTE_PWT  (1ull << 3)
#define PTE_PCD  (1ull << 4)
#define PTE_PS   (1ull << 7)
#define PTE_PAT  (1ull << 7)            /* in a 4 KiB PTE: the PAT index's high bit */
#define PTE_G    (1ull << 8)
#define PTE_DEV  (1ull << 9)            /* software bit: device memory, not in the frame allocator */
#define PTE_NX   (1ull << 63)
#define PTE_ADDR 0x000FFFFFFFFFF000ull

/* Builds the kernel's own tables (physmap + image with W^X) and switches to them. */
void paging_init(uint64_t phys_end);
/* PTE bits for device memory: uncached (PCD|PWT), or write-combining if
 * wc and the CPU has a PAT (paging_init makes PAT entry 4 WC); else uncached. */
uint64_t paging_cache_flags(int wc);
int paging_wc_enabled(void);
/* The kernel's PML4 (physical). New address spaces copy its upper half. */
uint64_t paging_kernel_root(void);
/* A new PML4 sharing the kernel half; 0 if out of memory. */
uint64_t paging_new_root(void);
/* Map one 4 KiB page, making at most *budget new tables (counted off it).
 * 0 on success, -1 if a table was needed beyond the budget or memory. */
int paging_map(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags, uint64_t *budget);
/* Remove a mapping; returns the old PTE (0 if none). */
uint64_t paging_unmap(uint64_t root, uint64_t va);
/* The PTE for va, or 0. */
uint64_t paging_lookup(uint64_t root, uint64_t va);
/* Free the user half's tables (not the frames they map) and the root
 * (on the PC, a root that is loaded is first replaced by the kernel's). */
void paging_free_root(uint64_t root);
int paging_nx_enabled(void);
/* Physical addresses below this are in the physmap (0 before paging_init). */
uint64_t paging_physmap_end(void);
