/* Unit tests for userspace/lib/ring.c: edges, wraparound, no lost bytes. */
#include "unit.h"
#include "ring.h"
#include <stdint.h>
#include <string.h>

TEST(ring_init_wants_power_of_two)
{
	struct ring r;
	uint8_t s[16];
	CHECK_EQ(ring_init(&r, s, 0), -1);
	CHECK_EQ(ring_init(&r, s, 12), -1);
	CHECK_EQ(ring_init(&r, s, 1), 0);
	CHECK_EQ(ring_init(&r, s, 16), 0);
	CHECK_EQ(ring_count(&r), 0);
	CHECK_EQ(ring_free(&r), 16);
}

TEST(ring_empty_and_full_edges)
{
	struct ring r;
	uint8_t s[4], c = 0xaa;
	ring_init(&r, s, 4);
	CHECK(!ring_get(&r, &c));
	CHECK_EQ(c, 0xaa);                      /* untouched when empty */
	for (int i = 0; i < 4; i++)
		CHECK(ring_put(&r, (uint8_t)i));
	CHECK(!ring_put(&r, 9));                /* full: refused, not overwritten */
	CHECK_EQ(ring_count(&r), 4);
	CHECK_EQ(ring_free(&r), 0);
	for (int i = 0; i < 4; i++) {
		CHECK(ring_get(&r, &c));
		CHECK_EQ(c, i);
	}
	CHECK(!ring_get(&r, &c));
	CHECK_EQ(ring_count(&r), 0);
}

TEST(ring_size_one)
{
	struct ring r;
	uint8_t s[1], c;
	ring_init(&r, s, 1);
	for (int i = 0; i < 5; i++) {
		CHECK(ring_put(&r, (uint8_t)(i + 1)));
		CHECK(!ring_put(&r, 0));
		CHECK(ring_get(&r, &c));
		CHECK_EQ(c, i + 1);
	}
}

TEST(ring_bulk_wraps_around_storage)
{
	struct ring r;
	uint8_t s[8], out[16];
	ring_init(&r, s, 8);
	CHECK_EQ(ring_write(&r, "abcdef", 6), 6);
	CHECK_EQ(ring_read(&r, out, 4), 4);
	CHECK(!memcmp(out, "abcd", 4));
	CHECK_EQ(ring_write(&r, "ghijklmnop", 10), 6);  /* only 6 free; wraps */
	CHECK_EQ(ring_count(&r), 8);
	CHECK_EQ(ring_read(&r, out, 16), 8);
	CHECK(!memcmp(out, "efghijkl", 8));
	CHECK_EQ(ring_read(&r, out, 16), 0);
	CHECK_EQ(ring_write(&r, "", 0), 0);
}

TEST(ring_counters_wrap_around_size_max)
{
	struct ring r;
	uint8_t s[8], c;
	ring_init(&r, s, 8);
	r.head = r.tail = SIZE_MAX - 2;         /* as after a very long uptime */
	CHECK_EQ(ring_write(&r, "12345", 5), 5);
	CHECK(r.head < r.tail);
	CHECK_EQ(ring_count(&r), 5);
	CHECK_EQ(ring_free(&r), 3);
	CHECK_EQ(ring_write(&r, "6789", 4), 3);
	for (int i = 0; i < 8; i++) {
		CHECK(ring_get(&r, &c));
		CHECK_EQ(c, '1' + i);
	}
	CHECK(!ring_get(&r, &c));
}

/* A long interleaved run against a simple model: every byte comes out once, in order. */
TEST(ring_no_lost_bytes_against_model)
{
	struct ring r;
	uint8_t s[64], buf[100];
	uint32_t seed = 1, next_in = 0, next_out = 0;
	ring_init(&r, s, 64);
	for (int step = 0; step < 20000; step++) {
		seed = seed * 1103515245 + 12345;
		size_t n = (seed >> 16) % 100;
		if (seed & 0x100) {
			for (size_t i = 0; i < n; i++)
				buf[i] = (uint8_t)(next_in + i);
			size_t free_before = ring_free(&r), put = ring_write(&r, buf, n);
			CHECK_EQ(put, n < free_before ? n : free_before);
			next_in += (uint32_t)put;
		} else {
			size_t got = ring_read(&r, buf, n);
			for (size_t i = 0; i < got; i++)
				CHECK_EQ(buf[i], (uint8_t)(next_out + i));
			next_out += (uint32_t)got;
		}
		CHECK_EQ(ring_count(&r), next_in - next_out);
		CHECK(ring_count(&r) <= 64);
	}
}
