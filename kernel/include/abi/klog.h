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
 */
#pragma once
#include <stdint.h>

#define KLOG_MAGIC      0x474F4C4B6E726574ull   /* "ternKLOG" */
#define KLOG_PAGES      4
#define KLOG_HEADER     64                      /* bytes before data[] */
#define KLOG_SIZE       (KLOG_PAGES * 4096 - KLOG_HEADER)

struct klog_ring {
	uint64_t magic;         /* KLOG_MAGIC once the kernel has written */
	uint64_t size;          /* bytes in data[]: KLOG_SIZE */
	uint64_t total;         /* bytes ever written (the next byte's number) */
	uint64_t reserved[5];
	uint8_t data[KLOG_SIZE];
};
