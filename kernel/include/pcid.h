/*
 * Process-context identifiers: which PCID an address space runs under and
 * whether its TLB entries under that PCID can be trusted (pure logic, unit
 * tested in ci/unit/test_pcid.c; paging.c does the CR3 writes).
 *
 * The table is direct-mapped: an address space, named by its root (the
 * PML4's physical address), always gets PCID 1 + (root / 4096) % PCID_SLOTS,
 * so nothing has to be stored per task and a root's PCID is found from the
 * root alone (what paging_map/paging_unmap are given). slot[pcid] says
 * which root last ran under it; two roots that share a PCID take it from
 * each other, and each takeover flushes it. PCID 0 stays the kernel's.
 *
 * An entry may be kept (CR3 bit 63, "no flush") only when the TLB can hold
 * nothing under that PCID but translations of this root's current tables:
 *   - the PCID last ran this root (else its entries are another root's);
 *   - nothing in the root's tables changed while another root was loaded
 *     (invlpg reaches only the loaded PCID), pcid_changed marks that;
 *   - the root was not freed and its frame reused as a new root since
 *     (pcid_forget at free, so a reused frame is a stranger).
 */
#pragma once
#include <stdint.h>

#define PCID_SLOTS    4095              /* PCIDs 1..4095 */
#define PCID_NOFLUSH  (1ull << 63)      /* CR3 bit 63: keep this PCID's entries */

struct pcid_table {
	/* The root that last ran under PCID i + 1 (0: none), its bit 0 set
	 * when its tables changed while it was not loaded. */
	uint64_t slot[PCID_SLOTS];
};

/* The CR3 value that loads root: root | pcid, with PCID_NOFLUSH only if
 * the PCID's entries are this root's and current. Records the load. */
uint64_t pcid_cr3(struct pcid_table *t, uint64_t root);
/* root's tables changed while it was not loaded: its PCID must be flushed
 * at its next load. */
void pcid_changed(struct pcid_table *t, uint64_t root);
/* root is freed: whatever frame becomes a root next is a new address space. */
void pcid_forget(struct pcid_table *t, uint64_t root);
/* The PCID root runs under (1..PCID_SLOTS). */
unsigned pcid_of(uint64_t root);
