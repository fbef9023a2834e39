/*
 * Page tables on the host: the same 4-level tables and PTE bits as on the
 * PC, kept in frames of "physical" memory, so vspace.c (user_read,
 * user_write, mapping records, quotas) runs unchanged. No MMU reads them;
 * instead every change is also logged as an operation on the owning
 * task's process (map this range of the memory file at this address, or
 * unmap it), which user.c sends before the task next runs. So the task
 * process's Linux mappings always equal its tables when it runs.
 *
 * Per address space host state (struct hspace, user.c) hangs off the
 * root table's last entry: the kernel half of a PML4 is unused here.
 */
#include <arch/layout.h>
#include <arch/paging.h>
#include <hosted/hosted.h>
#include <hosted/hostterm.h>
#include <pmm.h>
#include <string.h>

#define ENTRIES 512
#define HSPACE_SLOT 511

static uint64_t *table(uint64_t pa) { return phys_to_virt(pa); }
static unsigned idx(uint64_t va, int level) { return (va >> (12 + 9 * level)) & 511; }

struct hspace *hosted_space(uint64_t root)
{
	return root ? (struct hspace *)(uintptr_t)table(root)[HSPACE_SLOT] : 0;
}

uint64_t paging_new_root(void)
{
	uint64_t root = pmm_alloc();
	if (!root)
		return 0;
	struct hspace *s = hosted_space_new();
	if (!s) {
		pmm_free(root);
		return 0;
	}
	table(root)[HSPACE_SLOT] = (uint64_t)(uintptr_t)s;
	return root;
}

/* The PTE slot for va, making tables down to it if make (each costs one
 * of *budget); 0 if absent or over budget. */
static uint64_t *walk(uint64_t root, uint64_t va, int make, uint64_t *budget)
{
	uint64_t pa = root;
	for (int level = 3; level > 0; level--) {
		uint64_t *e = &table(pa)[idx(va, level)];
		if (!(*e & PTE_P)) {
			if (!make || !*budget)
				return 0;
			uint64_t t = pmm_alloc();
			if (!t)
				return 0;
			--*budget;
			*e = t | PTE_P | PTE_W | PTE_U;
		}
		pa = *e & PTE_ADDR;
	}
	return &table(pa)[idx(va, 0)];
}

static unsigned prot_of(uint64_t flags)
{
	return WIRE_R | (flags & PTE_W ? WIRE_W : 0) | (flags & PTE_NX ? 0 : WIRE_X);
}

/* The host terminal's page is mapped at va: the process gets the memory
 * file's page for it (its arming word, hostterm.h) and the terminal. */
static void term_on(struct hspace *s, uint64_t va, uint64_t flags)
{
	hosted_space_op(s, va, HOSTED_TERM_PAGE_PA, prot_of(flags) & ~WIRE_X);
	hosted_space_op(s, va, 0, WIRE_TERM_ON);
}

int paging_map(uint64_t root, uint64_t va, uint64_t pa, uint64_t flags, uint64_t *budget)
{
	if (va >= 0x800000000000ull)
		return -1;
	uint64_t *pte = walk(root, va, 1, budget);
	if (!pte)
		return -1;
	*pte = pa | flags | PTE_P;
	/* Device memory (PTE_DEV) has no frames in the memory file: it is
	 * recorded but never mapped into the process; but the host
	 * terminal's page is the terminal itself, backed by the kernel's
	 * page for it (term_on). */
	if (!(flags & PTE_DEV))
		hosted_space_op(hosted_space(root), va, pa, prot_of(flags));
	else if (pa == HOSTTERM_PA)
		term_on(hosted_space(root), va, flags);
	return 0;
}

uint64_t paging_unmap(uint64_t root, uint64_t va)
{
	uint64_t zero = 0;
	uint64_t *pte = walk(root, va, 0, &zero);
	if (!pte || !(*pte & PTE_P))
		return 0;
	uint64_t old = *pte;
	*pte = 0;
	if (!(old & PTE_DEV))
		hosted_space_op(hosted_space(root), va, 0, 0);
	else if ((old & PTE_ADDR) == HOSTTERM_PA) {
		hosted_space_op(hosted_space(root), va, 0, 0);
		hosted_space_op(hosted_space(root), va, 0, WIRE_TERM_OFF);
	}
	return old;
}

uint64_t paging_lookup(uint64_t root, uint64_t va)
{
	uint64_t zero = 0;
	if (va >= 0x800000000000ull)
		return 0;
	uint64_t *pte = walk(root, va, 0, &zero);
	return pte ? *pte : 0;
}

/* Log every mapping of a table of this level again (a new process). */
static void replay_level(struct hspace *s, uint64_t pa, int level, uint64_t va)
{
	uint64_t *t = table(pa);
	for (unsigned i = 0; i < (level == 3 ? ENTRIES / 2 : ENTRIES); i++) {
		if (!(t[i] & PTE_P))
			continue;
		uint64_t v = va | ((uint64_t)i << (12 + 9 * level));
		if (level > 0)
			replay_level(s, t[i] & PTE_ADDR, level - 1, v);
		else if (!(t[i] & PTE_DEV))
			hosted_space_op(s, v, t[i] & PTE_ADDR, prot_of(t[i]));
		else if ((t[i] & PTE_ADDR) == HOSTTERM_PA)
			term_on(s, v, t[i]);
	}
}

void hosted_replay(uint64_t root)
{
	replay_level(hosted_space(root), root, 3, 0);
}

/* Free the tables below a table of this level (3 = the PML4, 0 = a page
 * table, whose entries are the task's frames: not ours to free). */
static void free_level(uint64_t pa, int level)
{
	uint64_t *t = table(pa);
	if (level > 0)
		for (unsigned i = 0; i < (level == 3 ? ENTRIES / 2 : ENTRIES); i++)
			if (t[i] & PTE_P)
				free_level(t[i] & PTE_ADDR, level - 1);
	if (level < 3)
		pmm_free(pa);
}

/* The task is gone: its process ends with its tables. */
void paging_free_root(uint64_t root)
{
	hosted_space_free(hosted_space(root));
	table(root)[HSPACE_SLOT] = 0;
	free_level(root, 3);
	pmm_free(root);
}

uint64_t paging_kernel_root(void) { return 0; }
uint64_t paging_cache_flags(int wc) { (void)wc; return PTE_PCD | PTE_PWT; }
int paging_wc_enabled(void) { return 0; }
int paging_nx_enabled(void) { return 1; }
uint64_t paging_physmap_end(void) { return hosted_phys_size; }
