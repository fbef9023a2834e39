/* Unit tests for tail's ring of the last lines (userspace/bin/tail/ring.c). */
#include "unit.h"
#include "ring.h"
#include <string.h>

static char out[256];

/* Feed s in pieces of `piece` bytes into a ring of cap bytes wanting
 * `want` lines; out gets what tail would print. */
static const char *tail_of(const char *s, size_t cap, uint64_t want, size_t piece)
{
	static char buf[128];
	struct tail_ring r;
	memset(buf, '#', sizeof(buf));
	tr_init(&r, buf, cap, want);
	for (size_t i = 0, n = strlen(s); i < n; i += piece)
		tr_feed(&r, s + i, n - i < piece ? n - i : piece);
	tr_finish(&r);
	const char *a, *b;
	size_t an, bn;
	tr_pieces(&r, &a, &an, &b, &bn);
	memcpy(out, a, an);
	memcpy(out + an, b, bn);
	out[an + bn] = '\0';
	return out;
}

TEST(tail_last_lines)
{
	CHECK_STR(tail_of("a\nb\nc\nd\n", 64, 2, 3), "c\nd\n");
	CHECK_STR(tail_of("a\nb\nc\nd\n", 64, 1, 1), "d\n");
	CHECK_STR(tail_of("a\nb\n", 64, 10, 64), "a\nb\n");   /* fewer lines than wanted */
}

TEST(tail_unterminated_last_line_counts)
{
	CHECK_STR(tail_of("a\nb\nc", 64, 1, 1), "c");
	CHECK_STR(tail_of("a\nb\nc", 64, 2, 2), "b\nc");
	CHECK_STR(tail_of("only", 64, 1, 1), "only");
	CHECK_STR(tail_of("a\n\n\n", 64, 2, 1), "\n\n");           /* empty lines are lines */
}

TEST(tail_zero_lines_and_empty_input)
{
	CHECK_STR(tail_of("a\nb\n", 64, 0, 1), "");
	CHECK_STR(tail_of("", 64, 3, 1), "");
}

TEST(tail_wraps_around_the_ring)
{
	/* 8 bytes of ring, lines of 3 bytes: the kept bytes wrap. */
	CHECK_STR(tail_of("aa\nbb\ncc\ndd\nee\n", 8, 2, 1), "dd\nee\n");
	CHECK_STR(tail_of("aa\nbb\ncc\ndd\nee\n", 8, 2, 5), "dd\nee\n");
	CHECK_STR(tail_of("1\n22\n333\n4444\n", 16, 3, 4), "22\n333\n4444\n");
}

TEST(tail_lines_that_do_not_fit_drop_the_oldest)
{
	/* Two lines wanted, 6 bytes of room: only the last whole line fits. */
	CHECK_STR(tail_of("aaa\nbbbb\n", 6, 2, 1), "bbbb\n");
	/* One line longer than the ring: its last cap bytes. */
	CHECK_STR(tail_of("x\n0123456789\n", 4, 1, 1), "789\n");
	CHECK_STR(tail_of("0123456789", 4, 1, 3), "6789");
}

TEST(tail_never_writes_outside_the_ring)
{
	static char buf[16];
	struct tail_ring r;
	memset(buf, 0, sizeof(buf));
	tr_init(&r, buf, 8, 100);
	for (int i = 0; i < 1000; i++)
		tr_feed(&r, i % 7 ? "x" : "\n", 1);
	CHECK(r.len <= 8);
	for (int i = 8; i < 16; i++)
		CHECK_EQ(buf[i], 0);
}
