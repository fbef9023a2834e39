/* 4-level page tables. The kernel owns every table; userspace only asks. */
#pragma once
#include <arch/cpu.h>
#include <pagetable.h>
#include <stdint.h>

/* Use PCIDs if the CPU has them and !forbidden (pcid=off); says how it
 * went, for the boot log ("on", "off (why)"). */
const char *paging_pcid_init(int forbidden);
/* Load root's tables (a no-op if loaded): under its own PCID, keeping its
 * TLB entries when they are known current, or with a flush. Inline: it is
 * on the IPC fastpath's way. */
extern uint64_t paging_loaded_root;
extern int paging_pcid_on;
uint64_t paging_pcid_cr3(uint64_t root);
static inline void paging_switch(uint64_t root)
{
	if (root == paging_loaded_root)
		return;
	paging_loaded_root = root;
	write_cr3(paging_pcid_on ? paging_pcid_cr3(root) : root);
}
