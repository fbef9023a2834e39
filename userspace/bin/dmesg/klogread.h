/*
 * Reading the kernel log ring (abi/klog.h) while the kernel may be writing
 * it: pure code, unit-tested on the host (ci/unit/test_klogread.c).
 *
 * The ring holds byte number i of the log at data[i % size] while
 * i >= total - size. A reader reads total (t1), copies the bytes from
 * max(0, t1 - size) up to t1, then reads total again (t2): every byte the
 * kernel wrote meanwhile overwrote an old one, so of the copy only the
 * bytes numbered after t2 - size are sure (the byte numbered t2 - size
 * may be the one being overwritten right now, on another CPU). A header
 * that does not say KLOG_MAGIC, or a size larger than the mapping, is not
 * read at all.
 */
#pragma once
#include <abi/klog.h>
#include <stddef.h>
#include <stdint.h>

/* The first byte still in a ring of size bytes after total were written. */
uint64_t klog_oldest(uint64_t total, uint64_t size);
/* Of a copy of bytes [from, to) made while the count went to t2: the
 * first byte number that is sure (to, if none is). */
uint64_t klog_sure(uint64_t from, uint64_t to, uint64_t t2, uint64_t size);
/* Copy the surviving log, oldest byte first, into out (room for max
 * bytes; max >= the ring's size, else only the newest max bytes): the
 * number of bytes, or -1 if the header is not a ring's (bad magic, size 0
 * or more than room, the bytes the mapping holds after the header).
 * *first gets the number of out[0] in the log (0 unless it wrapped). */
long klog_read(const volatile struct klog_ring *r, uint64_t room, uint8_t *out, size_t max, uint64_t *first);
/* Where to start printing out[0..len): 0 if the log did not wrap
 * (first == 0), else just after the first '\n' (the oldest line is cut). */
size_t klog_line_start(const uint8_t *buf, size_t len, uint64_t first);
