/*
 * The sanitized heap: libtern's malloc (malloc.c, unchanged) under red
 * zones and a free quarantine. The program's calls reach these through
 * the linker's --wrap (userspace/userspace.mk); malloc.c's own calls to
 * itself stay its own. Layout and quarantine rules: sanshadow.c.
 *
 * A block's left red zone holds its header: the size asked for, the
 * whole block's size, and a magic word that tells a live block from a
 * freed one (double free) and from no block at all (a bad free).
 */
#include <stddef.h>
#include <string.h>
#include "san.h"

void *__real_malloc(size_t n);
void __real_free(void *p);

#define LIVE  0x73616e6c69766521ull     /* "san live!" */
#define FREED 0x73616e6672656564ull

struct header {
	uint64_t n, total, magic;
};

static struct san_quarantine quarantine;

static void release(void *block)
{
	struct header *h = block;
	san_unpoison(san_shadow((uint64_t)block), h->total);
	h->magic = 0;
	__real_free(block);
}

void *__wrap_malloc(size_t n)
{
	size_t total = san_block_size(n);
	if (!n || n > (1u << 28) || !total)
		return 0;
	char *b = __real_malloc(total);
	for (void *old; !b && (old = san_quarantine_take(&quarantine));) {
		release(old);
		b = __real_malloc(total);
	}
	if (!b)
		return 0;
	struct header *h = (struct header *)b;
	h->n = n;
	h->total = total;
	h->magic = LIVE;
	uint64_t user = (uint64_t)b + SAN_LEFT, clean = (user + n + 7) & ~7ull;
	san_poison(san_shadow((uint64_t)b), SAN_LEFT, SAN_HEAP_LEFT);
	san_unpoison(san_shadow(user), n);
	san_poison(san_shadow(clean), (uint64_t)b + total - clean, SAN_HEAP_RIGHT);
	return (void *)user;
}

static struct header *header_of(void *p, const char *what, void *pc)
{
	struct header *h = (struct header *)((char *)p - SAN_LEFT);
	if (((uint64_t)p & 15) || (uint64_t)p < SAN_LEFT || (uint64_t)p >= SAN_USER_END ||
	    (h->magic != LIVE && h->magic != FREED)) {
		san_reporting = 1;
		san_say("asan: bad-free: %s of 0x%lx, which malloc did not return, pc 0x%lx", what,
			(uint64_t)p, (uint64_t)pc);
		san_die();
	}
	if (h->magic == FREED) {
		san_reporting = 1;
		san_say("asan: double-free: %s of 0x%lx, a %lu-byte block already freed, pc 0x%lx", what,
			(uint64_t)p, h->n, (uint64_t)pc);
		san_die();
	}
	return h;
}

void __wrap_free(void *p)
{
	if (!p)
		return;
	struct header *h = header_of(p, "free", __builtin_return_address(0));
	h->magic = FREED;
	san_poison(san_shadow((uint64_t)p), (h->n + 7) & ~7ull, SAN_HEAP_FREED);
	for (void *old; (old = san_quarantine_make_room(&quarantine, h->total));)
		release(old);
	san_quarantine_put(&quarantine, h, h->total);
}

void *__wrap_calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return 0;
	void *p = __wrap_malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

/* Always a new block (unless n is 0, where malloc.c keeps the old one):
 * a pointer kept from before a realloc then reads freed memory. */
void *__wrap_realloc(void *p, size_t n)
{
	if (!p)
		return __wrap_malloc(n);
	struct header *h = header_of(p, "realloc", __builtin_return_address(0));
	if (!n)
		return p;
	void *q = __wrap_malloc(n);
	if (q) {
		memcpy(q, p, h->n < n ? h->n : n);
		__wrap_free(p);
	}
	return q;
}

/* For a report: the block whose red zone or freed bytes hold addr. Its
 * left red zone is found by walking the shadow back (the whole of a
 * block up to SAN_BLOCK_WALK bytes), then its header is checked. */
#define SAN_BLOCK_WALK (1u << 20)
int san_heap_block(uint64_t addr, uint64_t *user, uint64_t *n, int *freed)
{
	uint64_t g = addr & ~7ull, stop = g > SAN_BLOCK_WALK ? g - SAN_BLOCK_WALK : 0;
	while (*san_shadow(g) != SAN_HEAP_LEFT) {
		if (g < stop + 8)
			return 0;
		g -= 8;
	}
	while (g >= stop + 8 && *san_shadow(g - 8) == SAN_HEAP_LEFT)
		g -= 8;
	const struct header *h = (const struct header *)g;
	if (h->magic != LIVE && h->magic != FREED)
		return 0;
	*user = g + SAN_LEFT;
	*n = h->n;
	*freed = h->magic == FREED;
	return 1;
}
