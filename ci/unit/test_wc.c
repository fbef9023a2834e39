/* Unit tests for wc's counting (userspace/bin/wc/count.c). */
#include "unit.h"
#include "count.h"
#include <string.h>

static struct wc_count count_str(const char *s)
{
	struct wc_count c = { 0 };
	wc_feed(&c, s, strlen(s));
	return c;
}

TEST(wc_empty_input)
{
	struct wc_count c = count_str("");
	CHECK_EQ(c.lines, 0);
	CHECK_EQ(c.words, 0);
	CHECK_EQ(c.bytes, 0);
}

TEST(wc_lines_words_bytes)
{
	struct wc_count c = count_str("hello world\n  two\twords here \n\nlast");
	CHECK_EQ(c.lines, 3);                   /* the unterminated last line is no line */
	CHECK_EQ(c.words, 6);
	CHECK_EQ(c.bytes, 35);
}

TEST(wc_all_blank_kinds_separate_words)
{
	struct wc_count c = count_str("a\vb\fc\rd e\tf\ng");
	CHECK_EQ(c.words, 7);
	CHECK_EQ(c.lines, 1);
}

TEST(wc_nul_and_high_bytes_are_word_bytes)
{
	struct wc_count c = { 0 };
	const char b[] = { 'a', 0, (char)0xe9, ' ', (char)0xff };
	wc_feed(&c, b, sizeof(b));
	CHECK_EQ(c.words, 2);
	CHECK_EQ(c.bytes, 5);
}

TEST(wc_word_split_across_pieces_counts_once)
{
	struct wc_count c = { 0 };
	wc_feed(&c, "hel", 3);
	wc_feed(&c, "lo wo", 5);
	wc_feed(&c, "rld\n", 4);
	wc_feed(&c, "", 0);
	CHECK_EQ(c.words, 2);
	CHECK_EQ(c.lines, 1);
	CHECK_EQ(c.bytes, 12);
}

TEST(wc_same_as_one_piece_byte_by_byte)
{
	const char *s = " x  yy\n\n z\tw \n";
	struct wc_count whole = count_str(s), bytes = { 0 };
	for (size_t i = 0; i < strlen(s); i++)
		wc_feed(&bytes, s + i, 1);
	CHECK_EQ(bytes.lines, whole.lines);
	CHECK_EQ(bytes.words, whole.words);
	CHECK_EQ(bytes.bytes, whole.bytes);
	CHECK_EQ(whole.words, 4);
}
