/*
 * ktest=heap: the kernel heap gives back every frame it took. Objects of
 * seven sizes are allocated, written and freed; the free frame count
 * must be what it was. Only the heap and the frame allocator are used,
 * so PLATFORM=linux runs it too (platform/linux/kernel/selftest.c).
 */
#include <boot.h>
#include <heap.h>
#include <kprintf.h>
#include <panic.h>
#include <pmm.h>
#include <string.h>

void selftest_heap(void)
{
	uint64_t before = pmm_free_frames();
	void *p[64];
	for (int i = 0; i < 64; i++) {
		size_t n = (size_t)(i % 7 + 1) * 40;
		p[i] = kzalloc(n);
		if (!p[i])
			panic("heap: allocation %d failed", i);
		memset(p[i], 0xAB, n);
	}
	for (int i = 0; i < 64; i++)
		kfree(p[i]);
	kprintf("ktest heap: %s (free frames before %lu, after %lu)\n",
		pmm_free_frames() == before ? "ok" : "LEAK", before, pmm_free_frames());
}
