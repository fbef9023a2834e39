/*
 * The kernel log ring on the host: the same layout (abi/klog.h) and the
 * same store order as kernel/klog.c, but in frames of "physical" memory
 * (the PC's ring is in the kernel image, which is not in the memory file
 * here), set aside by main.c, so the root task can map it like on the PC.
 */
#include <abi/klog.h>
#include <arch/layout.h>
#include <klog.h>
#include <object/page.h>

uint64_t hosted_klog_pa;

void klog_putc(char c)
{
	if (!hosted_klog_pa)
		return;
	struct klog_ring *ring = phys_to_virt(hosted_klog_pa);
	if (!ring->magic) {
		ring->size = KLOG_SIZE;
		ring->magic = KLOG_MAGIC;
	}
	uint64_t t = ring->total;
	ring->data[t % KLOG_SIZE] = (uint8_t)c;
	__atomic_store_n(&ring->total, t + 1, __ATOMIC_RELEASE);
}

struct page *klog_page(void)
{
	return page_wrap(hosted_klog_pa, KLOG_PAGES);
}
