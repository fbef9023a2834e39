/*
 * The kernel log ring: every byte the kernel console prints (kprintf, the
 * debug-write capability, output held before console_setup) is also kept
 * here, the newest KLOG_SIZE bytes of it, so /bin/dmesg can show the boot
 * log long after it scrolled off the serial line or the screen.
 *
 * The ring is page-aligned memory of the kernel image, handed to the root
 * task as a page object over those frames with READ only (a mint cannot
 * add rights, and PAGE_MAP refuses rights the cap lacks), so userspace
 * reads it in place and nobody but the kernel writes it. The header
 * (abi/klog.h) counts the bytes ever written; each byte is stored before
 * the count moves past it, which is what lets a reader detect a wrap or a
 * write that raced its copy.
 */
#include <abi/klog.h>
#include <arch/layout.h>
#include <klog.h>
#include <object/page.h>

_Static_assert(sizeof(struct klog_ring) == KLOG_PAGES * PAGE_SIZE, "klog ring is whole pages");

static struct klog_ring ring __attribute__((aligned(PAGE_SIZE)));

void klog_putc(char c)
{
	if (!ring.magic) {              /* in .bss: set up on the first byte */
		ring.size = KLOG_SIZE;
		ring.magic = KLOG_MAGIC;
	}
	uint64_t t = ring.total;
	ring.data[t % KLOG_SIZE] = (uint8_t)c;
	/* The byte before the count: a reader that sees the count sees it. */
	__atomic_store_n(&ring.total, t + 1, __ATOMIC_RELEASE);
}

struct page *klog_page(void)
{
	return page_wrap(virt_to_phys(&ring), KLOG_PAGES);
}
