/*
 * Device memory capabilities: a physical range [badge, extra] of MMIO or
 * framebuffer memory, with no object behind it (like ioport caps). The
 * kernel never lets a range contain RAM (mmio_range_ok, checked whenever a
 * range is made: at boot, by MACHINE_MMIO and by CAP_MINT narrowing), so
 * no frame of it is ever one the frame allocator hands out or frees.
 * MMIO_MAP maps a run of it into a task, uncached or write-combining; the
 * mapping record and page tables are charged to the task's quota like a
 * page mapping's. A mapping outlives the cap it was made from (as an
 * enabled port range does) until MMIO_UNMAP or the task's death.
 */
#include <abi/error.h>
#include <abi/object.h>
#include <arch/layout.h>
#include <arch/paging.h>
#include <boot.h>
#include <console.h>
#include <handoff.h>
#include <memmap.h>
#include <mmio.h>
#include <object/task.h>
#include <sched.h>
#include <syscall.h>
#include <vspace.h>

/* The UEFI loader's formats pass through boot_info.fb unchanged. */
_Static_assert(HANDOFF_FB_RGBX == MMIO_FB_RGBX && HANDOFF_FB_BGRX == MMIO_FB_BGRX &&
	       HANDOFF_FB_BITMASK == MMIO_FB_OTHER, "framebuffer formats");

int mmio_range_ok(uint64_t first, uint64_t last)
{
	if ((first & (PAGE_SIZE - 1)) || (last & (PAGE_SIZE - 1)) != PAGE_SIZE - 1 || first > last ||
	    last > (PTE_ADDR | (PAGE_SIZE - 1)))
		return 0;
	return !memmap_overlaps(boot_info.avail, boot_info.navail, first, last);
}

void mmio_invoke(struct cap *c, uint64_t op, struct trap_frame *f)
{
	uint64_t err = 0;
	struct task *t;
	switch (op) {
	case MMIO_MAP: {
		uint64_t pa = f->r8 & ~(uint64_t)(PAGE_SIZE - 1), mode = f->r8 & (PAGE_SIZE - 1), n = f->r9;
		unsigned rights = (unsigned)mode & (RIGHT_READ | RIGHT_WRITE);
		if (!(t = target_task(f->rdx, &err))) {
			f->rax = err;
			return;
		}
		if (mode & ~(uint64_t)(RIGHT_READ | RIGHT_WRITE | MMIO_WC) || !n || n > MMIO_MAP_MAX) {
			f->rax = E_BAD_ARG;
			return;
		}
		if ((rights & c->rights) != rights || !(rights & RIGHT_READ)) {
			f->rax = E_NO_RIGHTS;   /* can't map with rights the cap lacks */
			return;
		}
		if (pa < c->badge || pa > c->extra || n - 1 > (c->extra - pa) / PAGE_SIZE) {
			f->rax = E_OUT_OF_RANGE;
			return;
		}
		uint64_t flags = paging_cache_flags(!!(mode & MMIO_WC)) | (rights & RIGHT_WRITE ? PTE_W : 0);
		f->rax = (uint64_t)vspace_map_device(t, f->r10, pa, n, flags);
		if (!f->rax && (rights & RIGHT_WRITE))
			console_device_mapped(pa, pa + n * PAGE_SIZE - 1, t->name);     /* the screen may be lent */
		return;
	}
	case MMIO_UNMAP:
		if (!(t = target_task(f->rdx, &err))) {
			f->rax = err;
			return;
		}
		f->rax = (uint64_t)vspace_unmap_device(t, f->r10, c->badge, c->extra);
		return;
	default:
		f->rax = E_BAD_SYSCALL;
	}
}
