/*
 * The heap of the VALGRIND=1 programs (userspace.mk, USER_VG=1): libtern's
 * malloc.c, unchanged, reached through `ld --wrap`, with each block told
 * to valgrind's memcheck (client requests, hosted/vgreq.h), so that a
 * read or write past a block, before it, or into a freed one is reported
 * with the stack of the access, of the malloc and of the free.
 *
 * Layout of a block: our 16-byte head (the size asked for, a mark), the
 * caller's bytes, a 16-byte red zone. Memcheck sees the head and the red
 * zone as not addressable (MALLOCLIKE_BLOCK's red zone), and a freed
 * block as not addressable until it leaves a quarantine of the last
 * QUARANTINE frees, so that a use soon after the free is caught rather
 * than landing in a new block. malloc.c's own reads and writes of its
 * headers and free list lie in those bytes: they run with memcheck's
 * reports off (ERR_DISABLEMENT), as does our reading of the head.
 * Outside valgrind every request is a no-op and this is malloc.c with
 * 32 bytes more per block.
 */
#include <hosted/vgreq.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *__real_malloc(size_t n);
void __real_free(void *p);

#define HEAD 16
#define RED 16
#define QUARANTINE 64
#define MARK_LIVE 0x6c697665u           /* "live" */
#define MARK_FREED 0x66726565u          /* "free" */

struct head {
	uint64_t size;
	uint64_t mark;
};

static void *quarantine[QUARANTINE];
static unsigned q_next, q_count;

static void quiet(int on)
{
	vg_request(0, VG_ERR_DISABLEMENT, on ? 1 : (uint64_t)-1, 0, 0, 0, 0);
}

/* Give the oldest quarantined block back to malloc.c. */
static int release_one(void)
{
	if (!q_count)
		return 0;
	unsigned i = (q_next + QUARANTINE - q_count) % QUARANTINE;
	q_count--;
	quiet(1);
	__real_free(quarantine[i]);
	quiet(0);
	return 1;
}

void *__wrap_malloc(size_t n);
void *__wrap_malloc(size_t n)
{
	if (!n || n > (1u << 28))
		return 0;
	struct head *h;
	for (;;) {
		quiet(1);
		h = __real_malloc(HEAD + n + RED);
		if (h) {
			h->size = n;
			h->mark = MARK_LIVE;
		}
		quiet(0);
		if (h || !release_one())
			break;
	}
	if (!h)
		return 0;
	char *p = (char *)h + HEAD;
	/* Zeroed, as far as memcheck knows: tern-linux runs it without
	 * definedness checks (the kernel writes memory behind its back). */
	vg_request(0, VG_MALLOCLIKE_BLOCK, (uint64_t)p, n, RED, 1, 0);
	return p;
}

/* The head of a block we handed out, or 0 (memcheck reports the free). */
static struct head *head_of(void *p, uint32_t want)
{
	struct head *h = (struct head *)((char *)p - HEAD);
	quiet(1);
	int ok = ((uintptr_t)p & 15) == 0 && h->mark == want;
	quiet(0);
	return ok ? h : 0;
}

void __wrap_free(void *p);
void __wrap_free(void *p)
{
	if (!p)
		return;
	struct head *h = head_of(p, MARK_LIVE);
	/* Memcheck reports a double free or a pointer that is no block's
	 * (and names where it was freed or what it points into). */
	vg_request(0, VG_FREELIKE_BLOCK, (uint64_t)p, RED, 0, 0, 0);
	if (!h)
		return;
	quiet(1);
	h->mark = MARK_FREED;
	quiet(0);
	if (q_count == QUARANTINE)
		release_one();
	quarantine[q_next] = h;
	q_next = (q_next + 1) % QUARANTINE;
	q_count++;
}

void *__wrap_calloc(size_t n, size_t size);
void *__wrap_calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return 0;
	void *p = __wrap_malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *__wrap_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n)
{
	if (!p)
		return __wrap_malloc(n);
	struct head *h = head_of(p, MARK_LIVE);
	if (!h) {
		__wrap_free(p);         /* the report */
		return 0;
	}
	quiet(1);
	size_t old = h->size;
	quiet(0);
	void *q = __wrap_malloc(n);
	if (q) {
		memcpy(q, p, old < n ? old : n);
		__wrap_free(p);
	}
	return q;
}
