/* Unit tests for userspace/lib/san/sanshadow.c: ASan's shadow rules and
 * the sanitized heap's layout and quarantine (PLATFORM=linux SAN=1),
 * over a shadow array of our own. */
#include "unit.h"
#include <string.h>
#include "sanshadow.h"

/* The shadow of 128 bytes at address 0x1000 (16 granules). */
#define BASE 0x1000ull
static uint8_t sh[16];

TEST(sanshadow_clean_memory_is_addressable)
{
	for (int i = 0; i < 16; i++)
		sh[i] = 0;
	CHECK_EQ(san_first_bad(sh, BASE, 128), 0);
	CHECK_EQ(san_first_bad(sh + 1, BASE + 13, 7), 0);
}

TEST(sanshadow_unpoison_leaves_a_partial_granule)
{
	san_poison(sh, 128, SAN_HEAP_RIGHT);
	san_unpoison(sh, 13);
	CHECK_EQ(sh[0], 0);
	CHECK_EQ(sh[1], 5);
	CHECK_EQ(sh[2], SAN_HEAP_RIGHT);
	CHECK_EQ(san_first_bad(sh, BASE, 13), 0);
	CHECK_EQ(san_first_bad(sh, BASE, 14), BASE + 13);
	CHECK_EQ(san_first_bad(sh + 1, BASE + 12, 1), 0);
	CHECK_EQ(san_first_bad(sh + 1, BASE + 12, 4), BASE + 13);      /* a 4-byte read across the end */
	CHECK_EQ(san_first_bad(sh + 2, BASE + 16, 1), BASE + 16);
}

TEST(sanshadow_code_explains_the_bad_byte)
{
	san_poison(sh, 128, SAN_HEAP_FREED);
	san_unpoison(sh, 13);
	san_poison(sh + 2, 8, SAN_HEAP_RIGHT);
	/* byte 13 is in the partial granule: the reason is the next one's */
	CHECK_EQ(san_code_at(sh + 1, BASE + 13), SAN_HEAP_RIGHT);
	CHECK_EQ(san_code_at(sh + 3, BASE + 24), SAN_HEAP_FREED);
	CHECK_STR(san_kind(SAN_HEAP_RIGHT), "heap-buffer-overflow");
	CHECK_STR(san_kind(SAN_HEAP_FREED), "heap-use-after-free");
	CHECK_STR(san_kind(SAN_STACK_MID), "stack-buffer-overflow");
	CHECK_STR(san_kind(SAN_GLOBAL), "global-buffer-overflow");
	CHECK_STR(san_kind(0x42), "unknown-crash");
}

TEST(sanshadow_block_has_red_zones_and_stays_aligned)
{
	for (size_t n = 1; n < 100; n++) {
		size_t t = san_block_size(n);
		CHECK(t % 16 == 0);
		CHECK(t >= SAN_LEFT + n + SAN_RIGHT_MIN);
		CHECK(t < SAN_LEFT + n + SAN_RIGHT_MIN + 16);
	}
	CHECK_EQ(san_block_size(SIZE_MAX - 8), 0);
}

TEST(sanshadow_quarantine_is_bounded_and_first_in_first_out)
{
	static struct san_quarantine q;
	char blocks[SAN_QUARANTINE_SLOTS + 2];
	for (int i = 0; i < SAN_QUARANTINE_SLOTS; i++) {
		CHECK(san_quarantine_make_room(&q, 16) == 0);
		san_quarantine_put(&q, &blocks[i], 16);
	}
	/* full by count: the oldest comes out first */
	CHECK(san_quarantine_make_room(&q, 16) == &blocks[0]);
	CHECK(san_quarantine_make_room(&q, 16) == 0);
	san_quarantine_put(&q, &blocks[SAN_QUARANTINE_SLOTS], 16);
	/* full by bytes: a big block pushes out as many as it takes */
	unsigned out = 0;
	while (san_quarantine_make_room(&q, SAN_QUARANTINE_BYTES - 64))
		out++;
	CHECK_EQ(out, SAN_QUARANTINE_SLOTS - 4);
	san_quarantine_put(&q, &blocks[SAN_QUARANTINE_SLOTS + 1], SAN_QUARANTINE_BYTES - 64);
	CHECK(san_quarantine_take(&q) == &blocks[SAN_QUARANTINE_SLOTS - 3]);
	CHECK_EQ(q.bytes, 32 + 16 + SAN_QUARANTINE_BYTES - 64);
	/* an empty quarantine takes even a block over the bound */
	while (san_quarantine_take(&q))
		;
	CHECK(san_quarantine_make_room(&q, SAN_QUARANTINE_BYTES * 2) == 0);
}

TEST(sanshadow_ubsan_values_read_as_their_type)
{
	char b[24];
	CHECK_STR(san_int_text(1, 32, 0x7fffffff, b), "2147483647");
	CHECK_STR(san_int_text(1, 32, 0xffffffff, b), "-1");               /* an int's -1, zero-extended */
	CHECK_STR(san_int_text(1, 32, 0xffffffff80000000ull, b), "-2147483648");
	CHECK_STR(san_int_text(0, 32, 0xffffffff, b), "4294967295");
	CHECK_STR(san_int_text(1, 8, 0x80, b), "-128");
	CHECK_STR(san_int_text(1, 64, 0x8000000000000000ull, b), "-9223372036854775808");
	CHECK_STR(san_int_text(0, 64, ~0ull, b), "18446744073709551615");
	CHECK_STR(san_int_text(0, 16, 0, b), "0");
}
