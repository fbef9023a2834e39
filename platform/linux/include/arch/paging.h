/* 4-level page tables (host version: the same tables, kept in "physical"
 * memory and mirrored into the task process, platform/linux/kernel/paging.c). */
#pragma once
#include <arch/cpu.h>
#include <pagetable.h>
#include <stdint.h>

/* Load root's tables (a no-op if loaded). No PCIDs here: the task
 * processes' own address spaces are Linux's to switch. */
static inline void paging_switch(uint64_t root)
{
	if (root != read_cr3())
		write_cr3(root);
}
