/*
 * Kernel page tables. Layout (see arch/layout.h):
 *   PML4[256]      physmap: all of physical memory (at least 4 GiB, for
 *                  the loader's data and firmware tables), 2 MiB pages
 *   PML4[511]      the kernel image at -2 GiB, 4 KiB pages, W^X
 *   PML4[0..255]   user space, one set per task
 * The kernel half uses only slots 256 and 511, both made here and never
 * replaced, so a task's PML4 copies the upper 256 entries once at creation
 * and stays in sync. Nothing in the kernel half changes after
 * paging_init (its entries are global), so no switch or PCID has to
 * invalidate kernel translations; a future change there would need a
 * flush of global entries too.
 *
 * Address-space switches (paging_switch) use PCIDs when the CPU has them
 * (CPUID.1:ECX.PCID) and pcid=off does not forbid it: each root runs under
 * its own PCID (pcid.h), so switching between two tasks keeps both
 * tasks' TLB entries. What that costs in care: invlpg reaches only the
 * loaded PCID, so a change to the tables of a root that is not loaded
 * marks its PCID stale (flushed at its next load), and a freed root's
 * PCID is forgotten, so a new task on the same frame starts clean.
 * Without PCIDs every CR3 write flushes the user half, as before.
 */
#include <arch/cpu.h>
#include <arch/layout.h>
#include <arch/paging.h>
#include <panic.h>
#include <pcid.h>
#include <pmm.h>
#include <string.h>

extern char _text_start[], _text_end[], _rodata_start[], _rodata_end[];
extern char _data_start[], _kernel_end[];

static uint64_t kernel_root;
uint64_t paging_loaded_root;            /* the root in CR3 */
int paging_pcid_on;
static struct pcid_table pcids;
#define loaded_root paging_loaded_root
#define pcid_on paging_pcid_on
static uint64_t nx;
static uint64_t wc_flags = PTE_PCD | PTE_PWT;   /* until the PAT has a WC entry */

#define MSR_PAT 0x277
#define PAT_WC  0x01ull

/*
 * Write-combining for device memory (framebuffers). PAT entry 4 (PTE bits
 * PAT=1, PCD=0, PWT=0) becomes WC; entries 0-3 keep their power-on values
 * (WB, WT, UC-, UC), so every PTE without the PAT bit, which is every one
 * the kernel made before, means what it did. Nothing uses entry 4 yet, so
 * there is no mapping whose type changes under it. Without a PAT (CPUID.1
 * EDX bit 16) WC mappings are made uncached.
 */
static void pat_init(void)
{
	uint32_t r[4];
	cpuid(1, 0, r);
	if (!(r[3] & (1u << 16)))
		return;
	uint64_t pat = rdmsr(MSR_PAT);
	pat = (pat & ~(0xFFull << 32)) | (PAT_WC << 32);
	wrmsr(MSR_PAT, pat);
	wc_flags = PTE_PAT;
}

uint64_t paging_cache_flags(int wc) { return wc ? wc_flags : PTE_PCD | PTE_PWT; }
int paging_wc_enabled(void) { return wc_flags == PTE_PAT; }

/* va's translation in root changed: drop what the TLB may hold of it. */
static void invalidate(uint64_t root, uint64_t va)
{
	if (root == loaded_root)
		invlpg(va);
	else if (pcid_on)
		pcid_changed(&pcids, root);
	/* else: the CR3 write that unloaded root flushed its entries */
}

static uint64_t *table(uint64_t pa) { return phys_to_virt(pa & PTE_ADDR); }

static uint64_t alloc_table(void)
{
	uint64_t pa = pmm_alloc();
	if (!pa)
		panic("out of memory for kernel page tables");
	return pa;
}

/* Walk to the PTE slot for va. With budget set, missing tables are made
 * (with flags tf), at most *budget of them, each counted off it. */
static uint64_t *walk(uint64_t root, uint64_t va, uint64_t *budget, uint64_t tf)
{
	uint64_t *t = table(root);
	for (int level = 3; level > 0; level--) {
		uint64_t *e = &t[(va >> (12 + 9 * level)) & 511];
		if (!(*e & PTE_P)) {
			if (!budget || !*budget)
				return 0;
			uint64_t pa = pmm_alloc();
			if (!pa)
				return 0;
			--*budget;
			*e = pa | tf;
		} else if (*e & PTE_PS) {
			return 0;       /* large page: not ours to split */
		}
		t = table(*e);
	}
	return &t[(va >> 12) & 511];
}

int paging_map(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags, uint64_t *budget)
{
	uint64_t tf = PTE_P | PTE_W | (flags & PTE_U);
	uint64_t *e = walk(root, va, budget, tf);
	if (!e)
		return -1;
	if (!nx)
		flags &= ~PTE_NX;
	*e = (pa & PTE_ADDR) | flags | PTE_P;
	invalidate(root, va);
	return 0;
}

uint64_t paging_unmap(uint64_t root, uint64_t va)
{
	uint64_t *e = walk(root, va, 0, 0);
	if (!e)
		return 0;
	uint64_t old = *e;
	*e = 0;
	invalidate(root, va);
	return old;
}

uint64_t paging_lookup(uint64_t root, uint64_t va)
{
	uint64_t *e = walk(root, va, 0, 0);
	return e ? *e : 0;
}

static void map_range(uint64_t va, uint64_t va_end, uint64_t flags)
{
	uint64_t unlimited = ~0ull;
	for (; va < va_end; va += PAGE_SIZE)
		if (paging_map(kernel_root, va, va - KERNEL_VMA, flags | PTE_G, &unlimited))
			panic("cannot map the kernel image");
}

static uint64_t physmap_end;

void paging_init(uint64_t phys_end)
{
	nx = (rdmsr(MSR_EFER) & EFER_NXE) ? PTE_NX : 0;
	pat_init();
	kernel_root = alloc_table();
	uint64_t *pml4 = table(kernel_root);

	/* Physmap with 2 MiB pages. */
	if (phys_end < 0x100000000ull)
		phys_end = 0x100000000ull;
	if (phys_end > PHYSMAP_LIMIT)
		phys_end = PHYSMAP_LIMIT;
	physmap_end = phys_end;
	uint64_t pdpt = alloc_table();
	pml4[256] = pdpt | PTE_P | PTE_W;
	for (uint64_t pa = 0; pa < phys_end; pa += 0x200000) {
		uint64_t *pe = &table(pdpt)[(pa >> 30) & 511];
		if (!(*pe & PTE_P))
			*pe = alloc_table() | PTE_P | PTE_W;
		table(*pe)[(pa >> 21) & 511] = pa | PTE_P | PTE_W | PTE_PS | PTE_G | nx;
	}

	/* Kernel image: text RX, rodata R, data+bss RW. Pre-make PML4[511]'s PDPT. */
	pml4[511] = alloc_table() | PTE_P | PTE_W;
	map_range((uint64_t)_text_start, (uint64_t)_text_end, 0);
	map_range((uint64_t)_rodata_start, (uint64_t)_data_start, PTE_NX);
	map_range((uint64_t)_data_start, (uint64_t)_kernel_end, PTE_W | PTE_NX);

	write_cr3(kernel_root);
	loaded_root = kernel_root;
}

#define CR4_PCIDE (1ull << 17)

const char *paging_pcid_init(int forbidden)
{
	uint32_t r[4];
	cpuid(1, 0, r);
	if (!(r[2] & (1u << 17)))
		return "off (the CPU has none)";
	if (forbidden)
		return "off (pcid=off)";
	/* CR4.PCIDE may be set only while CR3's PCID is 0: the kernel root
	 * was loaded without one. Setting it flushes the whole TLB. */
	write_cr4(read_cr4() | CR4_PCIDE);
	pcid_on = 1;
	return "on";
}

uint64_t paging_pcid_cr3(uint64_t root) { return pcid_cr3(&pcids, root); }

uint64_t paging_kernel_root(void) { return kernel_root; }
int paging_nx_enabled(void) { return nx != 0; }
uint64_t paging_physmap_end(void) { return physmap_end; }

uint64_t paging_new_root(void)
{
	uint64_t root = pmm_alloc();
	if (!root)
		return 0;
	memcpy(table(root) + 256, table(kernel_root) + 256, 256 * sizeof(uint64_t));
	return root;
}

static void free_level(uint64_t pa, int level)
{
	uint64_t *t = table(pa);
	if (level > 1)
		for (int i = 0; i < 512; i++)
			if ((t[i] & PTE_P) && !(t[i] & PTE_PS))
				free_level(t[i], level - 1);
	pmm_free(pa & PTE_ADDR);
}

void paging_free_root(uint64_t root)
{
	if (root == loaded_root)
		paging_switch(kernel_root);     /* never run on freed tables */
	if (pcid_on)
		pcid_forget(&pcids, root);
	uint64_t *t = table(root);
	for (int i = 0; i < 256; i++)
		if (t[i] & PTE_P)
			free_level(t[i], 3);
	pmm_free(root);
}
