/* Operations of SYS_INVOKE, by object type, and their arguments (a2..a5). */
#pragma once

enum tern_invoke {
	/* memory: a2 = object type (cap.h), a3 = dst index in own cspace, a4 = size arg */
	MEM_CREATE = 1,         /* page: a4 = frames; task/cspace: a4 = radix */
	MEM_SPLIT,              /* a2 = bytes, a3 = dst index: a new memory cap with that quota
				 * (the parent pays the bytes and 256 for the object) */
	MEM_INFO,               /* r0 = bytes left, r1 = bytes used */
	MEM_REVOKE,             /* break every object made from this quota or a quota
				 * split from it: tasks are killed, cspaces emptied for
				 * good, saved replies dropped, so no reference cycle can
				 * pin memory; final: the quotas make nothing more (E_DEAD) */

	/* task */
	TASK_SET_REGS = 16,     /* a2 = rip, a3 = rsp, a4 = rdi, a5 = rsi at start */
	TASK_SET_IPCBUF,        /* a2 = page cap (its first frame is the IPC buffer) */
	TASK_SET_PRIO,          /* a2 = priority, at most the caller's own */
	TASK_SET_FAULT,         /* a2 = endpoint cap for fault messages (0 = none) */
	TASK_BIND_NOTE,         /* a2 = note cap: its signals also wake RECV (0 = unbind) */
	TASK_START,
	TASK_STOP,
	TASK_KILL,              /* stop for good and release its cspace and mappings */
	TASK_INFO,              /* r0 = state, r1 = priority, r2 = fault count, r3 = id */
	TASK_CSPACE,            /* a2 = dst index: a cspace cap for the task's cspace */
	TASK_SET_NAME,          /* a2 = pointer, a3 = length (for logs) */
	TASK_SET_TIMEOUT,       /* a2 = ms (0 = none, at most 3600000): a blocking call of
				 * this task not answered in that time fails with E_TIMEOUT */

	/* page */
	PAGE_MAP = 32,          /* a2 = task cap (0 = self), a3 = vaddr, a4 = rights (READ/WRITE/EXEC) */
	PAGE_UNMAP,             /* a2 = task cap (0 = self), a3 = vaddr */
	PAGE_INFO,              /* r0 = frames */

	/* irq control and irq */
	IRQCTL_GET = 48,        /* a2 = line (0..15), a3 = dst index */
	IRQ_SET_NOTE,           /* a2 = note cap; its badge is signalled on each interrupt */
	IRQ_ACK,                /* unmask the line again after handling */

	/* ioport */
	IOPORT_ENABLE = 64,     /* allow direct in/out on the cap's range for the caller */
	IOPORT_DISABLE,

	/* machine */
	MACHINE_POWEROFF = 80,
	MACHINE_REBOOT,
	MACHINE_FAIL,           /* a2 = code: leave QEMU with a failure status (tests) */
	MACHINE_INFO,           /* a2 = 0: r0 = free frames, r1 = total frames, r2 = tasks,
				 * r3 = tsc Hz, r4, r5 = calls, replies that took the IPC fastpath;
				 * a2 = 1: r0 = note signals that took the fastpath, r1..r5 = 0 */
	MACHINE_TASKS,          /* a2 = index: r0 = id, r1 = state, r2 = prio, r3..r5 = name (24 bytes) */
	MACHINE_FB,             /* the boot framebuffer: r0 = physical base, r1 = size in bytes,
				 * r2 = width, r3 = height (pixels), r4 = pitch (bytes per line),
				 * r5 = format (MMIO_FB_*; 0 = none, the rest is then 0) */
	MACHINE_MMIO,           /* a2 = first, a3 = last byte, a4 = dst index: a new mmio cap for
				 * [first, last] (page aligned); E_BAD_ARG if any of it is RAM */
	MACHINE_KLOG_NOTE,      /* a2 = note cap (0 = none): signalled (its badge, 1 if 0) when the
				 * kernel log ring grows, at most every 10 ms; one note at a time,
				 * a new one replaces the old (abi/klog.h, kernel/klog.c) */
	MACHINE_HOSTIN_NOTE,    /* a2 = note cap (0 = none): signalled (its badge, 1 if 0) when the
				 * console input the kernel watches has bytes or has ended, each
				 * time its reader re-arms it; one note at a time, a new one
				 * replaces the old. Only PLATFORM=linux watches one (the host
				 * terminal, hosted/hostterm.h); elsewhere E_BAD_ARG */

	/* mmio (device memory): the cap's range is [badge, extra] (CAP_IDENTIFY) */
	MMIO_MAP = 96,          /* a2 = task cap (0 = self), a3 = vaddr, a4 = physical address
				 * (page aligned) | rights (READ, WRITE) | MMIO_WC, a5 = pages
				 * (1..MMIO_MAP_MAX): E_OUT_OF_RANGE if not all inside the cap */
	MMIO_UNMAP,             /* a2 = task cap (0 = self), a3 = vaddr where a mapping made from
				 * this range begins */
};

/* Cache mode of MMIO_MAP: uncached (PCD|PWT) unless MMIO_WC asks for
 * write-combining (through the PAT; uncached where the CPU has no PAT). */
#define MMIO_WC        0x100
#define MMIO_MAP_MAX   16384            /* pages in one mapping (64 MiB) */

/* Framebuffer formats (MACHINE_FB): 32 bits per pixel, byte order. */
#define MMIO_FB_NONE   0
#define MMIO_FB_RGBX   1                /* byte 0 red, 1 green, 2 blue */
#define MMIO_FB_BGRX   2                /* byte 0 blue, 1 green, 2 red */
#define MMIO_FB_OTHER  3                /* 32 bits, other channel masks */

enum tern_task_state {
	TASK_INACTIVE,          /* created, not started */
	TASK_RUNNABLE,
	TASK_BLOCKED,           /* in IPC or waiting on a note */
	TASK_STOPPED,           /* TASK_STOP, or faulted */
	TASK_DEAD,
};

/*
 * What objects cost their memory quota (MEM_CREATE, MEM_SPLIT), so that a
 * creator can size a quota. A task's page tables, mapping records and I/O
 * bitmap are charged to the quota it was made from as they are made
 * (docs/architecture.md), on top of these.
 */
#define OBJECT_SMALL_BYTES 256                  /* endpoint, note; a page's or quota's object */
#define TASK_QUOTA_BYTES (6 * 4096)             /* struct, kernel stack, PML4 */
#define CAP_SLOT_BYTES 32
#define CSPACE_COST(radix) \
	((((1ull << (radix)) * CAP_SLOT_BYTES + 4095) / 4096 * 4096) + OBJECT_SMALL_BYTES)
#define TASK_COST(radix) (TASK_QUOTA_BYTES + CSPACE_COST(radix))

/* Initial capabilities of the root task (slot numbers in its cspace). */
enum tern_root_slots {
	ROOT_TASK = 1,
	ROOT_CSPACE,
	ROOT_MEMORY,
	ROOT_IOPORT,            /* all ports 0..FFFF */
	ROOT_IRQ_CONTROL,
	ROOT_MACHINE,
	ROOT_INITRAMFS,         /* page cap of the initramfs (read-only) */
	ROOT_IPCBUF,            /* page cap of its IPC buffer */
	ROOT_DEBUG,             /* the kernel console, untagged (SYS_DEBUG_WRITE) */
	ROOT_MMIO_VGA,          /* mmio A0000-BFFFF, the legacy VGA window (BIOS boots; else empty) */
	ROOT_MMIO_FB,           /* mmio of the boot framebuffer (MACHINE_FB), empty if none */
	ROOT_KLOG,              /* page cap of the kernel log ring (read-only, abi/klog.h) */
	ROOT_FIRST_FREE,
};
#define ROOT_RADIX 12

/* Where the kernel maps things for the root task; rdi/rsi/rdx at entry hold
 * the initramfs address, its size and the IPC buffer address, rcx the
 * kernel command line (a string on top of its stack). */
#define ROOT_INITRAMFS_VA  0x10000000ull
#define ROOT_IPCBUF_VA     0x0FFF0000ull
#define ROOT_STACK_TOP     0x7FFFFFFF0000ull
#define ROOT_STACK_PAGES   16
