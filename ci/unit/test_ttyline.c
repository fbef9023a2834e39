/* Unit tests for the tools' terminal line input (userspace/lib/ttyline.c). */
#include "unit.h"
#include "tern/ttyline.h"
#include <string.h>

static struct ttyline t;
static char lines[400];         /* the lines handed over, each then "|" */
static int eof;

/* Type keys; lines and eof record what came out. */
static void type(const char *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		enum ttyline_status st = ttyline_key(&t, (unsigned char)keys[i]);
		if (st == TTYLINE_LINE) {
			strncat(lines, t.line, t.len);
			strcat(lines, "|");
			t.len = 0;
		} else if (st == TTYLINE_EOF) {
			eof++;
		}
	}
}

static void start(void)
{
	ttyline_init(&t);
	lines[0] = '\0';
	eof = 0;
}

#define TYPE(s) type(s, sizeof(s) - 1)

static const char *echoed(void)
{
	static char e[64];
	size_t n = t.echo_len < sizeof(e) - 1 ? t.echo_len : sizeof(e) - 1;
	memcpy(e, t.echo, n);
	e[n] = '\0';
	return e;
}

TEST(ttyline_enter_ends_lines_and_echoes)
{
	start();
	TYPE("ab\rcd\n");
	CHECK_STR(lines, "ab\n|cd\n|");
	CHECK_STR(echoed(), "ab\ncd\n");
	CHECK_EQ(eof, 0);
}

TEST(ttyline_cr_lf_is_one_enter)
{
	start();
	TYPE("a\r\nb\r\n\r\n");
	CHECK_STR(lines, "a\n|b\n|\n|");
}

TEST(ttyline_backspace_and_kill)
{
	start();
	TYPE("abc\x7f\x7f" "d\bx\r");
	CHECK_STR(lines, "ax\n|");
	CHECK_STR(echoed(), "abc\b \b\b \bd\b \bx\n");
	start();
	TYPE("\x7f" "hello\x15" "bye\r");         /* nothing to erase; ^U kills the line */
	CHECK_STR(lines, "bye\n|");
}

TEST(ttyline_backspace_takes_a_whole_utf8_character)
{
	start();
	TYPE("a\xc3\xa9\x7f\r");
	CHECK_STR(lines, "a\n|");
}

TEST(ttyline_ctrl_d_ends_input_on_an_empty_line)
{
	start();
	TYPE("\x04");
	CHECK_EQ(eof, 1);
	start();
	TYPE("ab\x04");                         /* the line so far, no newline */
	CHECK_STR(lines, "ab|");
	CHECK_EQ(eof, 0);
	TYPE("\x04");
	CHECK_EQ(eof, 1);
}

TEST(ttyline_drops_escape_sequences_and_controls)
{
	start();
	TYPE("a\x1b[A\x1b[1;5Cb\x1bOPc\x01\x03\x1bxd\r");
	CHECK_STR(lines, "abcd\n|");
	CHECK_STR(echoed(), "abcd\n");
}

TEST(ttyline_full_line_is_handed_over)
{
	char keys[TTYLINE_MAX + 5];
	start();
	memset(keys, 'k', sizeof(keys));
	type(keys, TTYLINE_MAX - 1);            /* TTYLINE_MAX - 1 bytes: handed over */
	CHECK_EQ(strlen(lines), TTYLINE_MAX - 1 + 1);
	TYPE("z\r");
	CHECK(!strcmp(lines + TTYLINE_MAX, "z\n|"));
	/* A full line then Enter fits: the newline byte was kept free. */
	start();
	type(keys, TTYLINE_MAX - 2);
	TYPE("\r");
	CHECK_EQ(strlen(lines), TTYLINE_MAX);   /* 253 bytes, "\n", "|" */
}
