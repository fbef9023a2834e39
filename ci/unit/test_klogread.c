/*
 * Unit tests for bin/dmesg's ring reader (klogread.c): a ring that has
 * not wrapped, one that has, bytes overwritten while a reader copied
 * them (a torn read), and headers that are not a ring's.
 */
#include "unit.h"
#include "klogread.h"
#include <stdlib.h>
#include <string.h>

static struct klog_ring ring;
static uint8_t out[KLOG_SIZE + 100];

/* The kernel's side (kernel/klog.c): byte, then count. */
static void kput(const char *s)
{
	ring.magic = KLOG_MAGIC;
	ring.size = KLOG_SIZE;
	for (; *s; s++) {
		ring.data[ring.total % KLOG_SIZE] = (uint8_t)*s;
		ring.total++;
	}
}

/* Byte i of the log written by fill(). */
static char nth(uint64_t i) { return i % 50 == 49 ? '\n' : (char)('a' + i % 26); }

static void fill(uint64_t n)
{
	char c[2] = { 0, 0 };
	for (uint64_t i = 0; i < n; i++) {
		c[0] = nth(ring.total);
		kput(c);
	}
}

TEST(klogread_unwrapped_log_whole)
{
	memset(&ring, 0, sizeof(ring));
	kput("tern: hello\nmemory: 1 KiB\n");
	uint64_t first = 99;
	long n = klog_read(&ring, KLOG_SIZE, out, sizeof(out), &first);
	CHECK_EQ(n, 26);
	CHECK_EQ(first, 0);
	CHECK(!memcmp(out, "tern: hello\nmemory: 1 KiB\n", 26));
	CHECK_EQ(klog_line_start(out, (size_t)n, first), 0);
}

TEST(klogread_wrapped_log_oldest_first)
{
	memset(&ring, 0, sizeof(ring));
	fill(3 * KLOG_SIZE + 17);
	uint64_t first;
	long n = klog_read(&ring, KLOG_SIZE, out, sizeof(out), &first);
	/* All but the oldest byte, which a writer on another CPU may be
	 * overwriting now. */
	CHECK_EQ(n, KLOG_SIZE - 1);
	CHECK_EQ(first, ring.total - KLOG_SIZE + 1);
	for (long i = 0; i < n; i++)
		if (out[i] != (uint8_t)nth(first + (uint64_t)i))
			CHECK_EQ(i, -1);
	CHECK_EQ(out[n - 1], (uint8_t)nth(ring.total - 1));
	/* Printing starts at the first whole line. */
	size_t at = klog_line_start(out, (size_t)n, first);
	CHECK(at > 0 && at <= 50);
	CHECK_EQ(out[at - 1], '\n');
	CHECK_EQ((first + at) % 50, 0);
}

TEST(klogread_full_ring_edges)
{
	uint64_t first;
	memset(&ring, 0, sizeof(ring));
	fill(KLOG_SIZE - 1);            /* one byte to spare: all of it is sure */
	CHECK_EQ(klog_read(&ring, KLOG_SIZE, out, sizeof(out), &first), KLOG_SIZE - 1);
	CHECK_EQ(first, 0);
	fill(1);                        /* full: the next byte overwrites byte 0 */
	CHECK_EQ(klog_read(&ring, KLOG_SIZE, out, sizeof(out), &first), KLOG_SIZE - 1);
	CHECK_EQ(first, 1);
	CHECK_EQ(out[0], (uint8_t)nth(1));
}

TEST(klogread_torn_copy_keeps_only_sure_bytes)
{
	/* A reader copied [from, t1) at t1; the kernel then wrote k more
	 * bytes: the oldest k (+1 for the byte being written) are not sure. */
	uint64_t size = 1000, t1 = 5000, from = klog_oldest(t1, size);
	CHECK_EQ(from, 4000);
	CHECK_EQ(klog_sure(from, t1, t1, size), 4001);
	CHECK_EQ(klog_sure(from, t1, t1 + 10, size), 4011);
	CHECK_EQ(klog_sure(from, t1, t1 + size, size), t1);   /* none sure... */
	CHECK_EQ(klog_sure(from, t1, t1 + 5 * size, size), t1);                /* ...or far past */
	/* Not wrapped: nothing is overwritten until the count passes size. */
	CHECK_EQ(klog_sure(0, 300, 300, size), 0);
	CHECK_EQ(klog_sure(0, 300, 999, size), 0);
	CHECK_EQ(klog_sure(0, 300, 1000, size), 1);
	/* Simulate it on a ring: copy, write over, check what is kept. */
	memset(&ring, 0, sizeof(ring));
	fill(KLOG_SIZE + 500);
	uint64_t c1 = ring.total, f = klog_oldest(c1, KLOG_SIZE);
	for (uint64_t i = f; i < c1; i++)
		out[i - f] = ring.data[i % KLOG_SIZE];
	for (uint64_t i = 0; i < 300; i++) {  /* the kernel writes something else */
		ring.data[ring.total % KLOG_SIZE] = '#';
		ring.total++;
	}
	uint64_t sure = klog_sure(f, c1, ring.total, KLOG_SIZE);
	CHECK_EQ(sure, f + 301);
	for (uint64_t i = sure; i < c1; i++)
		if (out[i - f] != (uint8_t)nth(i))
			CHECK_EQ(i, 0);
	CHECK(memchr(out + (sure - f), '#', c1 - sure) == 0);
}

TEST(klogread_refuses_what_is_not_a_ring)
{
	uint64_t first;
	memset(&ring, 0, sizeof(ring));
	CHECK_EQ(klog_read(&ring, KLOG_SIZE, out, sizeof(out), &first), -1);  /* no magic yet */
	kput("x");
	ring.size = 0;
	CHECK_EQ(klog_read(&ring, KLOG_SIZE, out, sizeof(out), &first), -1);
	ring.size = KLOG_SIZE + 1;      /* more than the mapping holds */
	CHECK_EQ(klog_read(&ring, KLOG_SIZE, out, sizeof(out), &first), -1);
	ring.size = 100;                /* smaller is fine */
	CHECK_EQ(klog_read(&ring, KLOG_SIZE, out, sizeof(out), &first), 1);
	/* A reader with less room than the ring gets the newest bytes. */
	memset(&ring, 0, sizeof(ring));
	kput("0123456789");
	CHECK_EQ(klog_read(&ring, KLOG_SIZE, out, 4, &first), 4);
	CHECK_EQ(first, 6);
	CHECK(!memcmp(out, "6789", 4));
}
