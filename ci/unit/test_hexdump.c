/*
 * Unit tests for hexdump -C's format (userspace/bin/hexdump/hexline.c).
 * The expected text is what util-linux `hexdump -C` prints for the same
 * bytes.
 */
#include "unit.h"
#include "hexline.h"
#include <string.h>

static char got[2048];

static void collect(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	strncat(got, line, len);
}

/* Dump n bytes fed in pieces of `piece`; got holds the text. */
static const char *dump(const void *data, size_t n, size_t piece, int all)
{
	struct hexdump h;
	got[0] = '\0';
	hd_init(&h, all, collect, 0);
	for (size_t i = 0; i < n; i += piece)
		hd_feed(&h, (const char *)data + i, n - i < piece ? n - i : piece);
	hd_finish(&h);
	return got;
}

TEST(hexdump_short_line_is_padded)
{
	CHECK_STR(dump("hello\n", 6, 6, 0),
		  "00000000  68 65 6c 6c 6f 0a                                 |hello.|\n"
		  "00000006\n");
}

TEST(hexdump_full_line_and_unprintables)
{
	CHECK_STR(dump("0123456789abcdef\x00\x7f\x80 ~", 21, 5, 0),
		  "00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
		  "00000010  00 7f 80 20 7e                                    |... ~|\n"
		  "00000015\n");
}

TEST(hexdump_eight_bytes_keep_the_middle_gap)
{
	CHECK_STR(dump("ABCDEFGHI", 9, 1, 0),
		  "00000000  41 42 43 44 45 46 47 48  49                       |ABCDEFGHI|\n"
		  "00000009\n");
}

TEST(hexdump_empty_input_prints_nothing)
{
	CHECK_STR(dump("", 0, 1, 0), "");
}

TEST(hexdump_repeated_lines_become_one_star)
{
	unsigned char z[64] = { 0 };
	CHECK_STR(dump(z, 64, 7, 0),
		  "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
		  "*\n"
		  "00000040\n");
	unsigned char y[48] = { 0 };
	y[32] = 'x';
	CHECK_STR(dump(y, 48, 48, 0),
		  "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
		  "*\n"
		  "00000020  78 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |x...............|\n"
		  "00000030\n");
}

TEST(hexdump_all_shows_every_line)
{
	unsigned char z[32] = { 0 };
	CHECK_STR(dump(z, 32, 32, 1),
		  "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
		  "00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
		  "00000020\n");
}

TEST(hexdump_offsets_past_32_bits_grow)
{
	char line[HEX_LINE_MAX];
	size_t n = hex_line(line, 0x123456789ull, (const unsigned char *)"A", 1);
	CHECK_EQ(n, strlen(line));
	CHECK_STR(line, "123456789  41                                                |A|\n");
	n = hex_line(line, ~0ull, (const unsigned char *)"0123456789abcdef", 16);
	CHECK(n < HEX_LINE_MAX);
	CHECK(!strncmp(line, "ffffffffffffffff  30 31", 23));
}
