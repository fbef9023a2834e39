/*
 * Frame allocator. A bitmap (1 = free) over [0, end of usable memory) is
 * carved from the first usable range big enough for it. Allocation scans
 * from a moving hint, so the common case is O(1); frames are zeroed on
 * allocation so no data leaks between tasks through recycled memory.
 */
#include <arch/layout.h>
#include <heap.h>
#include <pmm.h>
#include <string.h>

static uint64_t *bitmap;
static uint64_t nframes, nfree, ntotal, hint;

static void set_free(uint64_t f) { bitmap[f / 64] |= 1ull << (f % 64); }
static void set_used(uint64_t f) { bitmap[f / 64] &= ~(1ull << (f % 64)); }
static int is_free(uint64_t f) { return (bitmap[f / 64] >> (f % 64)) & 1; }

int pmm_init(const struct memmap *usable)
{
	nframes = memmap_end(usable) / PAGE_SIZE;
	uint64_t bytes = (nframes + 63) / 64 * 8;
	uint64_t bm_pa = 0;
	for (int i = 0; i < usable->n; i++) {
		if (usable->r[i].len >= bytes + PAGE_SIZE) {
			bm_pa = usable->r[i].base;
			break;
		}
	}
	if (!bm_pa)
		return -1;
	bitmap = phys_to_virt(bm_pa);
	memset(bitmap, 0, bytes);
	for (int i = 0; i < usable->n; i++) {
		uint64_t f = usable->r[i].base / PAGE_SIZE;
		uint64_t e = f + usable->r[i].len / PAGE_SIZE;
		for (; f < e; f++)
			set_free(f);
	}
	uint64_t bm_end = (bm_pa + bytes + PAGE_SIZE - 1) / PAGE_SIZE;
	for (uint64_t f = bm_pa / PAGE_SIZE; f < bm_end; f++)
		set_used(f);
	nfree = 0;
	for (uint64_t f = 0; f < nframes; f++)
		nfree += is_free(f);
	ntotal = nfree;
	hint = 0;
	return 0;
}

uint64_t pmm_alloc(void)
{
	if (!nfree)
		return 0;
	for (uint64_t n = 0; n < nframes; n += 64) {
		uint64_t w = (hint / 64 + n / 64) % ((nframes + 63) / 64);
		if (!bitmap[w])
			continue;
		uint64_t f = w * 64 + (uint64_t)__builtin_ctzll(bitmap[w]);
		if (f >= nframes)
			continue;
		set_used(f);
		nfree--;
		hint = f;
		memset(phys_to_virt(f * PAGE_SIZE), 0, PAGE_SIZE);
		return f * PAGE_SIZE;
	}
	return 0;
}

uint64_t pmm_alloc_contig(unsigned n)
{
	uint64_t run = 0;
	for (uint64_t f = 0; f < nframes; f++) {
		/* Skip 64 used frames at a time: tasks and cspaces come from
		 * here, and a scan a bit at a time over a large, full memory
		 * would keep interrupts off for milliseconds per creation. */
		if (f % 64 == 0 && !bitmap[f / 64]) {
			run = 0;
			f += 63;
			continue;
		}
		run = is_free(f) ? run + 1 : 0;
		if (run < n)
			continue;
		uint64_t first = f + 1 - n;
		for (uint64_t g = first; g <= f; g++)
			set_used(g);
		nfree -= n;
		memset(phys_to_virt(first * PAGE_SIZE), 0, (uint64_t)n * PAGE_SIZE);
		return first * PAGE_SIZE;
	}
	return 0;
}

void pmm_free(uint64_t pa)
{
	uint64_t f = pa / PAGE_SIZE;
	if (!pa || f >= nframes || is_free(f))
		return;         /* double free or junk: ignore rather than corrupt the count */
	memset(phys_to_virt(pa & ~(uint64_t)(PAGE_SIZE - 1)), HEAP_POISON, PAGE_SIZE);   /* see kfree */
	set_free(f);
	nfree++;
}

uint64_t pmm_free_frames(void) { return nfree; }
uint64_t pmm_total_frames(void) { return ntotal; }
