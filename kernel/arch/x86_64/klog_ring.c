/*
 * The PC's kernel log ring memory: page-aligned, in the kernel image's
 * .bss, so it is there from the first byte printed, before any frame
 * allocator (kernel/klog.c keeps the ring).
 */
#include <abi/klog.h>
#include <arch/layout.h>
#include <klog.h>

static struct klog_ring ring __attribute__((aligned(PAGE_SIZE)));

struct klog_ring *klog_ring(void)
{
	return &ring;
}
