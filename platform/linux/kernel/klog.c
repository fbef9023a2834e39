/*
 * The hosted kernel's log ring memory: frames of the memory file ("physical"
 * memory) that main.c sets aside, since the kernel image is not in the
 * memory file here and the root task must map the ring like on the PC.
 * kernel/klog.c keeps the ring itself.
 */
#include <abi/klog.h>
#include <arch/layout.h>
#include <klog.h>

uint64_t hosted_klog_pa;

struct klog_ring *klog_ring(void)
{
	return hosted_klog_pa ? phys_to_virt(hosted_klog_pa) : 0;
}
