/*
 * Device memory (mmio caps): the root's device memory, narrowing, mapping
 * inside the range only, never over RAM, unmapping, and revocation that
 * leaves the device's frames out of the frame allocator. On BIOS machines
 * (QEMU and Bochs) the tests use VGA text memory at B8000; booted by the
 * UEFI loader, which gives no VGA window, the GOP framebuffer instead.
 */
#include "ktest.h"

/* Each test maps at its own addresses, so a failed one (which leaves its
 * mappings in the root's address space) does not fail the next. */
#define VA_BASE 0x50000000ull
#define CELL (80 * 25 * 2 - 2)          /* VGA: the last character cell of the text screen */

/* The root cap the tests use, its range, and the page they write to. */
static uint64_t dev_slot, dev_first, dev_last, dev_pg;

static int dev_pick(void)
{
	struct tern_capinfo ci;
	if (tern_cap_identify(ROOT_MMIO_VGA, &ci) == TERN_OK) {
		dev_slot = ROOT_MMIO_VGA;
		dev_pg = 0xB8000;
	} else if (tern_cap_identify(ROOT_MMIO_FB, &ci) == TERN_OK) {
		dev_slot = ROOT_MMIO_FB;
		dev_pg = ci.badge;
	} else {
		return kfail("the root task has no device memory (no VGA window, no framebuffer)");
	}
	dev_first = ci.badge;
	dev_last = ci.extra;
	return 0;
}

/* A cap for [dev_pg, dev_last] (VGA text memory), narrowed from the root's. */
static uint64_t text_cap(void)
{
	uint64_t s = slot();
	if (tern_cap_mint(dev_slot, 0, s, RIGHTS_ALL, dev_pg, dev_last) != TERN_OK)
		return kfail("cannot narrow the root's device memory"), 0;
	return s;
}

KTEST(mmio_root_has_the_loaders_device_memory)
{
	struct tern_capinfo ci;
	uint64_t fb[6] = { 1, 1, 1, 1, 1, 1 };
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_FB, 0, 0, 0, 0, fb), TERN_OK);
	if (tern_cap_identify(ROOT_MMIO_VGA, &ci) == TERN_OK) {
		KCHECK_EQ(ci.type, CAP_MMIO);
		KCHECK_EQ(ci.rights, RIGHT_READ | RIGHT_WRITE);
		KCHECK_EQ(ci.badge, 0xA0000);
		KCHECK_EQ(ci.extra, 0xBFFFF);
	}
	if (!fb[5]) {
		/* No framebuffer (SeaBIOS text mode): the slot is empty, and
		 * MACHINE_FB says nothing else. */
		KCHECK_EQ(fb[0] | fb[1] | fb[2] | fb[3] | fb[4], 0);
		KCHECK_EQ(tern_cap_identify(ROOT_MMIO_FB, &ci), E_EMPTY_SLOT);
		KCHECK_EQ(tern_cap_identify(ROOT_MMIO_VGA, &ci), TERN_OK);
		return 0;
	}
	/* A framebuffer (the UEFI GOP's): whole pages around it, sane geometry. */
	KCHECK(fb[5] <= MMIO_FB_OTHER);
	KCHECK(fb[2] && fb[3] && fb[4] >= fb[2] * 4 && fb[1] >= fb[4] * fb[3]);
	KCHECK_EQ(tern_cap_identify(ROOT_MMIO_FB, &ci), TERN_OK);
	KCHECK_EQ(ci.type, CAP_MMIO);
	KCHECK_EQ(ci.rights, RIGHT_READ | RIGHT_WRITE);
	KCHECK_EQ(ci.badge, fb[0] & ~0xFFFull);
	KCHECK(ci.extra >= fb[0] + fb[1] - 1 && ci.extra - (fb[0] + fb[1] - 1) < 4096);
	KCHECK_EQ(ci.extra & 0xFFF, 0xFFF);
	return 0;
}

KTEST(mmio_device_write_reads_back)
{
	const uint64_t VA = VA_BASE + 2 * 0x100000ull;
	if (dev_pick())
		return 1;
	uint64_t m = text_cap();
	KCHECK(m);
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_pg, 1, RIGHT_READ | RIGHT_WRITE), TERN_OK);
	/* The same frame write-combining at a second address. */
	KCHECK_EQ(tern_mmio_map(m, 0, VA + 0x1000, dev_pg, 1, RIGHT_READ | MMIO_WC), TERN_OK);
	volatile uint8_t *uc = (volatile uint8_t *)VA, *wc = (volatile uint8_t *)(VA + 0x1000);
	uint8_t ch = uc[CELL], attr = uc[CELL + 1];
	uc[CELL] = 'T';
	uc[CELL + 1] = 0x1F;
	KCHECK_EQ(uc[CELL], 'T');
	KCHECK_EQ(uc[CELL + 1], 0x1F);
	KCHECK_EQ(wc[CELL], 'T');
	uc[CELL] = 'u';
	KCHECK_EQ(wc[CELL], 'u');
	uc[CELL] = ch;
	uc[CELL + 1] = attr;
	/* Read-only is read-only: the WC alias has no WRITE, so the kernel
	 * will not hand it to a system call that writes either. */
	KCHECK_EQ(tern_mmio_unmap(m, 0, VA + 0x1000), TERN_OK);
	KCHECK_EQ(tern_mmio_unmap(m, 0, VA), TERN_OK);
	return 0;
}

KTEST(mmio_narrowing_only_narrows)
{
	const uint64_t VA = VA_BASE + 3 * 0x100000ull;
	if (dev_pick())
		return 1;
	uint64_t m = text_cap(), s = slot(), ro = slot();
	KCHECK(m);
	struct tern_capinfo ci;
	KCHECK_EQ(tern_cap_identify(m, &ci), TERN_OK);
	KCHECK_EQ(ci.badge, dev_pg);
	KCHECK_EQ(ci.extra, dev_last);
	/* Wider than the source, at either end. */
	KCHECK_EQ(tern_cap_mint(m, 0, s, RIGHTS_ALL, dev_pg - 0x1000, dev_last), E_BAD_ARG);
	KCHECK_EQ(tern_cap_mint(m, 0, s, RIGHTS_ALL, dev_pg, dev_last + 0x1000), E_BAD_ARG);
	KCHECK_EQ(tern_cap_mint(dev_slot, 0, s, RIGHTS_ALL, dev_first - 0x1000, dev_first + 0xFFF), E_BAD_ARG);
	/* Not whole pages, or backwards. */
	KCHECK_EQ(tern_cap_mint(m, 0, s, RIGHTS_ALL, dev_pg + 1, dev_last), E_BAD_ARG);
	KCHECK_EQ(tern_cap_mint(m, 0, s, RIGHTS_ALL, dev_pg, dev_last - 1), E_BAD_ARG);
	KCHECK_EQ(tern_cap_mint(m, 0, s, RIGHTS_ALL, dev_pg + 0x1000, dev_pg + 0xFFF), E_BAD_ARG);
	/* One page of it, then only that page. */
	KCHECK_EQ(tern_cap_mint(m, 0, s, RIGHTS_ALL, dev_pg, dev_pg + 0xFFF), TERN_OK);
	KCHECK_EQ(tern_cap_identify(s, &ci), TERN_OK);
	KCHECK_EQ(ci.badge, dev_pg);
	KCHECK_EQ(ci.extra, dev_pg + 0xFFF);
	KCHECK_EQ(tern_mmio_map(s, 0, VA, dev_pg + 0x1000, 1, RIGHT_READ), E_OUT_OF_RANGE);
	KCHECK_EQ(tern_mmio_map(s, 0, VA, dev_pg, 2, RIGHT_READ), E_OUT_OF_RANGE);
	/* Rights narrow too: a read-only cap maps read-only. */
	KCHECK_EQ(tern_cap_copy(s, 0, ro, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_mmio_map(ro, 0, VA, dev_pg, 1, RIGHT_READ | RIGHT_WRITE), E_NO_RIGHTS);
	KCHECK_EQ(tern_mmio_map(ro, 0, VA, dev_pg, 1, RIGHT_READ), TERN_OK);
	volatile uint8_t sink = ((volatile uint8_t *)VA)[CELL];         /* readable */
	(void)sink;
	KCHECK_EQ(tern_mmio_unmap(ro, 0, VA), TERN_OK);
	return 0;
}

KTEST(mmio_map_outside_the_range_is_refused)
{
	const uint64_t VA = VA_BASE + 4 * 0x100000ull;
	if (dev_pick())
		return 1;
	uint64_t m = text_cap();
	KCHECK(m);
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_pg - 0x1000, 1, RIGHT_READ), E_OUT_OF_RANGE);   /* below */
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_last + 1, 1, RIGHT_READ), E_OUT_OF_RANGE);     /* above */
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_last + 1 - 0x1000, 2, RIGHT_READ), E_OUT_OF_RANGE);     /* runs past */
	KCHECK_EQ(tern_mmio_map(m, 0, VA, 0x100000, 1, RIGHT_READ), E_OUT_OF_RANGE);    /* RAM */
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_pg, 0x10000000000001ull, RIGHT_READ), E_BAD_ARG);
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_pg, 0, RIGHT_READ), E_BAD_ARG);
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_pg, MMIO_MAP_MAX + 1, RIGHT_READ), E_BAD_ARG);
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_pg, 1, RIGHT_READ | RIGHT_EXEC), E_BAD_ARG);
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_pg, 1, RIGHT_WRITE), E_NO_RIGHTS);         /* no READ */
	KCHECK_EQ(tern_mmio_map(m, 0, VA + 1, dev_pg, 1, RIGHT_READ), E_BAD_ARG);
	KCHECK_EQ(tern_mmio_map(m, 0, 0, dev_pg, 1, RIGHT_READ), E_BAD_ARG);
	KCHECK_EQ(tern_mmio_map(m, 0, 0x7FFFFFFFF000ull, dev_pg, 1, RIGHT_READ), E_BAD_ARG);
	KCHECK_EQ(tern_mmio_map(m, 0, 0x7FFFFFFFE000ull, dev_pg, 2, RIGHT_READ), E_BAD_ARG);
	/* Other operations and other caps' operations. */
	KCHECK_EQ(tern_invoke(m, PAGE_MAP, 0, VA, RIGHT_READ, 0, 0), E_BAD_SYSCALL);
	KCHECK_EQ(tern_invoke(m, IOPORT_ENABLE, 0, 0, 0, 0, 0), E_BAD_SYSCALL);
	return 0;
}

/* The kernel makes device memory only where the loader reported no RAM:
 * a frame it could hand out must never be mapped uncached by a driver
 * (or, worse, freed back to the allocator as if it were a device's). */
KTEST(mmio_range_over_ram_is_refused)
{
	uint64_t s = slot(), s2 = slot(), out[6] = { 0 };
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_INFO, 0, 0, 0, 0, out), TERN_OK);
	uint64_t ram_top = out[1] * 4096;       /* at least this much RAM above 1 MiB */
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0x100000, 0x100FFF, s, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0x1000000, 0x1000FFF, s, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0, 0xFFF, s, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0x90000, 0xA0FFF, s, 0, 0), E_BAD_ARG);  /* low RAM, then VGA */
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0xA0000, ram_top, s, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0xB8001, 0xB8FFF, s, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0xB8000, 0xB8FFE, s, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0xB9000, 0xB8FFF, s, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0x10000000000000ull, 0x10000000000FFFull, s, 0, 0),
		  E_BAD_ARG);           /* beyond 52-bit physical addresses */
	struct tern_capinfo ci;
	KCHECK_EQ(tern_cap_identify(s, &ci), E_EMPTY_SLOT);
	/* Device memory is fine, once; the cap can map it. */
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0xB8000ull, 0xB8FFF, s, 0, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_MMIO, 0xB8000ull, 0xB8FFF, s, 0, 0), E_SLOT_IN_USE);
	KCHECK_EQ(tern_cap_identify(s, &ci), TERN_OK);
	KCHECK_EQ(ci.type, CAP_MMIO);
	KCHECK_EQ(ci.badge, 0xB8000ull);
	KCHECK_EQ(ci.extra, 0xB8FFF);
	/* Narrowing checks RAM as well as the source range. */
	KCHECK_EQ(tern_cap_mint(s, 0, s2, RIGHTS_ALL, 0xB8000ull, 0xB8000ull + 0xFFF), TERN_OK);
	/* Making device memory is the machine cap's, and needs WRITE. */
	uint64_t mro = slot(), s3 = slot();
	KCHECK_EQ(tern_cap_copy(ROOT_MACHINE, 0, mro, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_invoke(mro, MACHINE_MMIO, 0xB8000ull, 0xB8FFF, s3, 0, 0), E_NO_RIGHTS);
	return 0;
}

KTEST(mmio_unmap_only_what_the_range_mapped)
{
	const uint64_t VA = VA_BASE + 6 * 0x100000ull;
	if (dev_pick())
		return 1;
	uint64_t m = text_cap(), a = slot(), p = make(CAP_PAGE, 1);
	KCHECK(m && p);
	KCHECK_EQ(tern_cap_mint(dev_slot, 0, a, RIGHTS_ALL, dev_first, dev_first + 0xFFF), TERN_OK);
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_pg, 8, RIGHT_READ | RIGHT_WRITE), TERN_OK);
	/* Nothing else maps over it or takes it away. */
	KCHECK_EQ(tern_mmio_map(m, 0, VA + 0x7000, dev_pg, 1, RIGHT_READ), E_MAPPED);
	KCHECK_EQ(tern_page_map(p, 0, VA + 0x3000, RIGHT_READ), E_MAPPED);
	KCHECK_EQ(tern_page_unmap(p, 0, VA), E_NOT_MAPPED);
	KCHECK_EQ(tern_mmio_unmap(a, 0, VA), E_NOT_MAPPED);     /* another range's cap */
	KCHECK_EQ(tern_mmio_unmap(m, 0, VA + 0x1000), E_NOT_MAPPED);   /* not where it begins */
	/* And no mmio cap takes away a page mapping. */
	KCHECK_EQ(tern_page_map(p, 0, VA + 0x10000, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_mmio_unmap(m, 0, VA + 0x10000), E_NOT_MAPPED);
	KCHECK_EQ(tern_page_unmap(p, 0, VA + 0x10000), TERN_OK);
	/* The kernel never reads or writes device memory for a system call:
	 * it is the task's, the kernel's physmap may not reach it, and a
	 * read can have side effects on a device. */
	KCHECK_EQ(tern_debug_write((const void *)VA, 1), E_BAD_ADDRESS);
	KCHECK_EQ(tern_invoke(ROOT_TASK, TASK_SET_NAME, VA, 4, 0, 0, 0), E_BAD_ADDRESS);
	/* The mapping outlives its cap, as an enabled port range does; a copy
	 * (or any cap whose range holds it) takes it away. */
	uint64_t keep = slot();
	KCHECK_EQ(tern_cap_copy(m, 0, keep, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_cap_delete(m, 0), TERN_OK);
	volatile uint8_t *v = (volatile uint8_t *)VA;
	uint8_t old = v[CELL];
	v[CELL] = 'k';
	KCHECK_EQ(v[CELL], 'k');
	v[CELL] = old;
	KCHECK_EQ(tern_mmio_unmap(keep, 0, VA), TERN_OK);
	KCHECK_EQ(tern_mmio_unmap(keep, 0, VA), E_NOT_MAPPED);
	/* Gone: the address can be mapped again. */
	KCHECK_EQ(tern_page_map(p, 0, VA, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_page_unmap(p, 0, VA), TERN_OK);
	return 0;
}

/*
 * A task's device mappings are charged to its quota like page mappings,
 * and when the quota is revoked (the task killed, its address space torn
 * down) the device's frames are not given to the frame allocator: the
 * free count comes back to exactly what it was, not 32 frames more.
 */
static int revoke_round(void)
{
	const uint64_t VA = VA_BASE;
	uint64_t q = slot(), t = slot();
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 64 * 1024, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_TASK, t, 2), TERN_OK);
	uint64_t used = quota_used_of(q);
	KCHECK_EQ(tern_mmio_map(dev_slot, t, VA, dev_first, 32, RIGHT_READ | RIGHT_WRITE | MMIO_WC), TERN_OK);
	uint64_t mapped = quota_used_of(q);
	KCHECK(mapped >= used + 64 + 3 * 4096);        /* the record and three new tables */
	/* Unmapping refunds the record (the tables stay until the task dies). */
	KCHECK_EQ(tern_mmio_unmap(dev_slot, t, VA), TERN_OK);
	KCHECK_EQ(quota_used_of(q), mapped - 64);
	KCHECK_EQ(tern_mmio_map(dev_slot, t, VA, dev_first, 32, RIGHT_READ | RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(quota_used_of(q), mapped);
	KCHECK_EQ(tern_invoke(q, MEM_REVOKE, 0, 0, 0, 0, 0), TERN_OK);
	uint64_t out[6] = { 0 };
	KCHECK_EQ(tern_invoke(q, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[1], 0);
	KCHECK_EQ(tern_cap_delete(t, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(q, 0), TERN_OK);
	tern_yield();
	return 0;
}

KTEST(mmio_revoke_leaves_device_frames_alone)
{
	const uint64_t VA = VA_BASE + 7 * 0x100000ull;
	if (dev_pick())
		return 1;
	if (revoke_round())             /* warm up: heap slabs for the task and records */
		return 1;
	uint64_t frames = free_frames();
	if (revoke_round())
		return 1;
	KCHECK_EQ(free_frames(), frames);
	/* And VGA memory is still VGA memory. */
	uint64_t m = text_cap();
	KCHECK(m);
	KCHECK_EQ(tern_mmio_map(m, 0, VA, dev_pg, 1, RIGHT_READ | RIGHT_WRITE), TERN_OK);
	volatile uint8_t *v = (volatile uint8_t *)VA;
	uint8_t old = v[CELL];
	v[CELL] = 'r';
	KCHECK_EQ(v[CELL], 'r');
	v[CELL] = old;
	KCHECK_EQ(tern_mmio_unmap(m, 0, VA), TERN_OK);
	return 0;
}

/* A quota too small for the page tables: E_NO_MEMORY, nothing mapped. */
KTEST(mmio_map_is_paid_by_the_task_quota)
{
	const uint64_t VA = VA_BASE + 8 * 0x100000ull;
	if (dev_pick())
		return 1;
	uint64_t q = slot(), t = slot();
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, TASK_COST(2) + 2 * 4096, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_TASK, t, 2), TERN_OK);
	KCHECK_EQ(tern_mmio_map(dev_slot, t, VA, dev_first, 1, RIGHT_READ), E_NO_MEMORY);
	KCHECK_EQ(tern_mmio_unmap(dev_slot, t, VA), E_NOT_MAPPED);
	KCHECK_EQ(tern_invoke(q, MEM_REVOKE, 0, 0, 0, 0, 0), TERN_OK);
	/* A dead task gets no mappings at all. */
	KCHECK_EQ(tern_mmio_map(dev_slot, t, VA, dev_first, 1, RIGHT_READ), E_DEAD);
	return 0;
}
