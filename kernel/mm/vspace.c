/*
 * Address spaces. The kernel owns the page tables; a task can only ask to
 * map page objects it holds caps to. Each mapping is recorded (and holds a
 * reference on its page object) so unmapping and task death release
 * exactly what was mapped. User memory is reached by walking the task's
 * tables and going through the physmap, never by dereferencing user
 * pointers, so a bad pointer is an error code, not a kernel fault.
 */
#include <abi/cap.h>
#include <abi/error.h>
#include <arch/layout.h>
#include <arch/paging.h>
#include <heap.h>
#include <list.h>
#include <object/memory.h>
#include <object/page.h>
#include <object/task.h>
#include <string.h>
#include <vspace.h>

struct mapping {
	struct list link;
	uint64_t va;
	struct page *page;      /* 0: device memory (mmio), pa and npages below */
	uint64_t pa;
	uint64_t npages;
};

/* What a mapping record costs its task's quota (a heap block of its class). */
#define MAPPING_BYTES 64
_Static_assert(sizeof(struct mapping) <= MAPPING_BYTES, "MAPPING_BYTES");

static struct memory *quota_of(struct task *t) { return t->hdr.charged; }

static void charge_tables(struct task *t, uint64_t n)
{
	memory_take(quota_of(t), n * PAGE_SIZE);        /* fits: n came out of the budget */
	t->table_bytes += n * PAGE_SIZE;
}

/*
 * Map npages at va, frame i being page_frame(p, i) for a page object, or
 * pa + i pages for device memory (p = 0). The mapping record and the page
 * tables made are charged to the task's quota; on success the record is
 * on the task's list with p, pa and npages filled in.
 */
static int map_frames(struct task *t, uint64_t va, uint64_t npages, struct page *p, uint64_t pa,
		      uint64_t flags)
{
	if ((va & (PAGE_SIZE - 1)) || va == 0 || va >= USER_MAP_TOP || npages > (USER_MAP_TOP - va) / PAGE_SIZE)
		return E_BAD_ARG;
	for (uint64_t i = 0; i < npages; i++)
		if (paging_lookup(t->root, va + i * PAGE_SIZE) & PTE_P)
			return E_MAPPED;
	struct memory *q = quota_of(t);
	if (memory_take(q, MAPPING_BYTES))
		return E_NO_MEMORY;
	struct mapping *m = kzalloc(sizeof(*m));
	if (!m) {
		memory_give(q, MAPPING_BYTES);
		return E_NO_MEMORY;
	}
	/* New page tables: as many as the quota has whole frames left for,
	 * charged after by what was actually made. */
	uint64_t budget = q ? q->left / PAGE_SIZE : ~0ull, before = budget;
	for (uint64_t i = 0; i < npages; i++) {
		uint64_t frame = p ? page_frame(p, i) : pa + i * PAGE_SIZE;
		if (paging_map(t->root, va + i * PAGE_SIZE, frame, flags, &budget)) {
			while (i--)
				paging_unmap(t->root, va + i * PAGE_SIZE);
			kfree(m);
			memory_give(q, MAPPING_BYTES);
			charge_tables(t, before - budget);      /* made, kept until the task dies */
			return E_NO_MEMORY;
		}
	}
	charge_tables(t, before - budget);
	m->va = va;
	if (p) {
		m->page = p;
		kobj_get(&p->hdr);
		p->maps++;
	} else {
		m->pa = pa;
		m->npages = npages;
	}
	list_add_tail(&t->mappings, &m->link);
	return TERN_OK;
}

int vspace_map(struct task *t, struct page *p, uint64_t va, unsigned rights)
{
	uint64_t flags = PTE_U;
	if (rights & RIGHT_WRITE)
		flags |= PTE_W;
	if (!(rights & RIGHT_EXEC))
		flags |= PTE_NX;
	return map_frames(t, va, p->nframes, p, 0, flags);
}

/*
 * Device memory (an mmio cap's range): like vspace_map, but the frames are
 * not RAM, belong to no page object and are never freed; the PTEs carry
 * PTE_DEV, so user_read/user_write refuse them (the physmap may not even
 * reach them) and the cache bits (paging_cache_flags).
 */
int vspace_map_device(struct task *t, uint64_t va, uint64_t pa, uint64_t npages, uint64_t flags)
{
	flags = PTE_U | PTE_DEV | PTE_NX | (flags & (PTE_W | PTE_PCD | PTE_PWT | PTE_PAT));
	return map_frames(t, va, npages, 0, pa, flags);
}

static void unmap_one(struct task *t, struct mapping *m)
{
	uint64_t n = m->page ? m->page->nframes : m->npages;
	for (uint64_t i = 0; i < n; i++)
		paging_unmap(t->root, m->va + i * PAGE_SIZE);
	list_del(&m->link);
	if (m->page) {
		m->page->maps--;
		kobj_put(&m->page->hdr);
	}
	kfree(m);
	memory_give(quota_of(t), MAPPING_BYTES);
}

int vspace_unmap(struct task *t, struct page *p, uint64_t va)
{
	for (struct list *l = t->mappings.next; l != &t->mappings; l = l->next) {
		struct mapping *m = list_entry(l, struct mapping, link);
		if (m->va == va && m->page == p) {
			unmap_one(t, m);
			return TERN_OK;
		}
	}
	return E_NOT_MAPPED;
}

int vspace_unmap_device(struct task *t, uint64_t va, uint64_t first, uint64_t last)
{
	for (struct list *l = t->mappings.next; l != &t->mappings; l = l->next) {
		struct mapping *m = list_entry(l, struct mapping, link);
		if (m->va == va && !m->page && m->pa >= first && m->pa + (m->npages * PAGE_SIZE - 1) <= last) {
			unmap_one(t, m);
			return TERN_OK;
		}
	}
	return E_NOT_MAPPED;
}

void vspace_destroy(struct task *t)
{
	while (!list_empty(&t->mappings))
		unmap_one(t, list_entry(t->mappings.next, struct mapping, link));
	if (t->root) {
		paging_free_root(t->root);
		t->root = 0;
	}
	memory_give(quota_of(t), t->table_bytes);
	t->table_bytes = 0;
}

/* Physical address behind uva if mapped for user (and writable if asked). */
static uint64_t user_pa(struct task *t, uint64_t uva, int write)
{
	if (uva >= USER_TOP || !t->root)
		return 0;
	uint64_t pte = paging_lookup(t->root, uva);
	if (!(pte & PTE_P) || !(pte & PTE_U) || (pte & PTE_DEV) || (write && !(pte & PTE_W)))
		return 0;       /* device memory is the task's to touch, not the kernel's */
	return (pte & PTE_ADDR) | (uva & (PAGE_SIZE - 1));
}

static int user_copy(struct task *t, uint64_t uva, void *kbuf, uint64_t n, int write)
{
	if (n > USER_TOP || uva > USER_TOP - n)
		return -1;
	uint8_t *k = kbuf;
	while (n) {
		uint64_t chunk = PAGE_SIZE - (uva & (PAGE_SIZE - 1));
		if (chunk > n)
			chunk = n;
		uint64_t pa = user_pa(t, uva, write);
		if (!pa)
			return -1;
		if (write)
			memcpy(phys_to_virt(pa), k, chunk);
		else
			memcpy(k, phys_to_virt(pa), chunk);
		uva += chunk;
		k += chunk;
		n -= chunk;
	}
	return 0;
}

int user_read(struct task *t, void *dst, uint64_t uva, uint64_t n)
{
	return user_copy(t, uva, dst, n, 0);
}

int user_write(struct task *t, uint64_t uva, const void *src, uint64_t n)
{
	return user_copy(t, uva, (void *)src, n, 1);
}
