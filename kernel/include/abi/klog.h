/*
 * The kernel log ring, as a reader sees it: everything the kernel console
 * printed (kernel/klog.c), in KLOG_PAGES pages the root task holds as a
 * read-only page cap (ROOT_KLOG) and init hands to programs whose
 * manifest says `N:page = klog` (docs/manifest.md).
 *
 * Byte number i of the log (counting from boot) is data[i % size] while
 * i >= total - size. The kernel stores a byte, then increments total, so
 * a reader copies what it wants, reads total again, and throws away the
 * bytes that may have been overwritten meanwhile (userspace/bin/dmesg's
 * klogread.c).
 *
 * The header also says where the log is shown, for a screen driver that
 * shows it once the kernel no longer draws on the screen (drv/fbcon,
 * drv/vgacon: userspace/lib/screen/screenlog.h): flags has a bit per
 * console the log goes to (KLOG_ON_*, from console=) and KLOG_SCREEN_LENT
 * once a task mapped the screen, from byte screen_from of the log on; woken
 * is the log's length when the note bound with MACHINE_KLOG_NOTE last woke
 * a reader that was waiting (where a restarted reader goes on from).
 */
#pragma once
#include <stdint.h>

#define KLOG_MAGIC      0x474F4C4B6E726574ull   /* "ternKLOG" */
#define KLOG_PAGES      4
#define KLOG_HEADER     64                      /* bytes before data[] */
#define KLOG_SIZE       (KLOG_PAGES * 4096 - KLOG_HEADER)

/* flags: the consoles the kernel log goes to (console=), and the screen lent. */
#define KLOG_ON_COM1            0x1
#define KLOG_ON_COM2            0x2
#define KLOG_ON_SCREEN          0x4
#define KLOG_SCREEN_LENT        0x100   /* a task draws the screen: the kernel does not */

struct klog_ring {
	uint64_t magic;         /* KLOG_MAGIC once the kernel has written */
	uint64_t size;          /* bytes in data[]: KLOG_SIZE */
	uint64_t total;         /* bytes ever written (the next byte's number) */
	uint64_t flags;         /* KLOG_ON_* | KLOG_SCREEN_LENT */
	uint64_t screen_from;   /* with KLOG_SCREEN_LENT: the first byte the kernel did not draw */
	uint64_t woken;         /* total when the klog note last woke a waiting reader */
	uint64_t reserved[2];
	uint8_t data[KLOG_SIZE];
};
