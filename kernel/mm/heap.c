/*
 * Kernel heap. Objects are small (tasks, endpoints, cspace slots), so a
 * slab per power-of-two class from 32 to 2048 bytes is enough: each slab is
 * one frame, reached through the physmap, with a header at its start that
 * names its class, so kfree() needs no size. Empty slabs go back to the
 * frame allocator, so freed tasks really return memory.
 */
#include <arch/layout.h>
#include <heap.h>
#include <pmm.h>
#include <string.h>
#include <stdint.h>

#define NCLASS 7                        /* 32, 64, ..., 2048 */
#define SLAB_MAGIC 0x534C4142u

struct free_obj {
	struct free_obj *next;
};

struct slab {
	uint32_t magic;
	uint16_t cls, used;
	struct slab *next;                  /* slabs of this class with free objects */
	struct free_obj *free;
	uint64_t pad;                       /* header is 32 bytes, keeping objects aligned */
};

static struct slab *partial[NCLASS];
static size_t used_bytes;

static int class_of(size_t size)
{
	int c = 0;
	size_t s = 32;
	while (s < size) {
		s <<= 1;
		c++;
	}
	return c;
}

static size_t class_size(int c) { return (size_t)32 << c; }

static struct slab *slab_new(int c)
{
	uint64_t pa = pmm_alloc();
	if (!pa)
		return 0;
	struct slab *s = phys_to_virt(pa);
	s->magic = SLAB_MAGIC;
	s->cls = (uint16_t)c;
	size_t sz = class_size(c);
	uintptr_t first = ((uintptr_t)s + sizeof(*s) + sz - 1) / sz * sz;
	if (sz >= 2048)
		first = (uintptr_t)s + sz;      /* big class: header costs one slot */
	for (uintptr_t p = (uintptr_t)s + PAGE_SIZE - sz; p >= first; p -= sz) {
		struct free_obj *o = (struct free_obj *)p;
		o->next = s->free;
		s->free = o;
	}
	return s;
}

void *kzalloc(size_t size)
{
	if (!size || size > HEAP_MAX_ALLOC)
		return 0;
	int c = class_of(size);
	struct slab *s = partial[c];
	if (!s) {
		s = slab_new(c);
		if (!s)
			return 0;
		s->next = 0;
		partial[c] = s;
	}
	struct free_obj *o = s->free;
	s->free = o->next;
	s->used++;
	if (!s->free)
		partial[c] = s->next;
	used_bytes += class_size(c);
	memset(o, 0, class_size(c));
	return o;
}

void kfree(void *p)
{
	if (!p)
		return;
	struct slab *s = (struct slab *)((uintptr_t)p & ~(uintptr_t)(PAGE_SIZE - 1));
	if (s->magic != SLAB_MAGIC)
		return;
	int c = s->cls;
	struct free_obj *o = p;
	int was_full = !s->free;
	/* Poison: a pointer read from a freed object is non-canonical, so a
	 * use after free faults at once instead of working by luck. */
	memset(o, HEAP_POISON, class_size(c));
	o->next = s->free;
	s->free = o;
	s->used--;
	used_bytes -= class_size(c);
	if (was_full) {
		s->next = partial[c];
		partial[c] = s;
	}
	if (!s->used) {
		struct slab **pp = &partial[c];
		while (*pp && *pp != s)
			pp = &(*pp)->next;
		if (*pp)
			*pp = s->next;
		s->magic = 0;
		pmm_free(virt_to_phys(s));
	}
}

size_t heap_used_bytes(void) { return used_bytes; }
