/*
 * Unit tests for userspace/bin/sh/lineedit.c. The editor's output is fed
 * into a one-line terminal model (printable bytes overwrite at the cursor,
 * BS moves left, "\r\n" ends the line, BEL counts beeps; anything else is
 * an error), so the tests check what a user would see: after every byte
 * the screen must show exactly the editor's line with the cursor in the
 * same place. Column 0 is the first cell after the prompt.
 */
#include "unit.h"
#include "lineedit.h"
#include <string.h>

struct screen {
	char cells[256];
	size_t width;                   /* cells ever written on this line */
	size_t col;
	char last[256];                 /* the line before the last "\r\n" */
	int lines, beeps, bad, cr;
	char raw[256];                   /* every byte, for exact-output checks */
	size_t nraw;
};

static void scr_out(void *ctx, const char *s, size_t n)
{
	struct screen *sc = ctx;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (sc->nraw < sizeof(sc->raw) - 1)
			sc->raw[sc->nraw++] = c;
		if (sc->cr && c != '\n')
			sc->bad = 1;            /* CR only ever comes before LF */
		sc->cr = 0;
		if (c == '\b') {
			if (sc->col == 0)
				sc->bad = 1;    /* would walk into the prompt */
			else
				sc->col--;
		} else if (c == '\a') {
			sc->beeps++;
		} else if (c == '\r') {
			sc->cr = 1;
		} else if (c == '\n') {
			memcpy(sc->last, sc->cells, sc->width);
			sc->last[sc->width] = '\0';
			memset(sc->cells, 0, sizeof(sc->cells));
			sc->width = sc->col = 0;
			sc->lines++;
		} else if (c >= 0x20 && c < 0x7F && sc->col < sizeof(sc->cells) - 1) {
			sc->cells[sc->col++] = c;
			if (sc->col > sc->width)
				sc->width = sc->col;
		} else {
			sc->bad = 1;
		}
	}
}

/* The visible line: cells without trailing blanks, but at least keep cells. */
static const char *scr_text(struct screen *sc, size_t keep)
{
	static char t[256];
	size_t n = sc->width;
	memcpy(t, sc->cells, n);
	while (n > keep && t[n - 1] == ' ')
		n--;
	t[n] = '\0';
	return t;
}

static struct screen sc;
static struct lineedit le;

static void setup(void)
{
	memset(&sc, 0, sizeof(sc));
	le_init(&le, scr_out, &sc);
}

/* Feed a string; returns the status of the last byte. */
static enum le_status feed(const char *s)
{
	enum le_status st = LE_MORE;
	while (*s)
		st = le_feed(&le, (unsigned char)*s++);
	return st;
}

/* The screen agrees with the editor: same text, same cursor. */
#define CHECK_SCREEN() \
	do { \
		CHECK(!sc.bad); \
		CHECK_STR(scr_text(&sc, le.len), le.buf); \
		CHECK_EQ(sc.col, le.cur); \
	} while (0)

TEST(le_typing_echoes_and_enter_returns_line)
{
	setup();
	CHECK_EQ(feed("ls /"), LE_MORE);
	CHECK_STR(sc.raw, "ls /");
	CHECK_SCREEN();
	CHECK_EQ(feed("\r"), LE_DONE);
	CHECK_STR(le_line(&le), "ls /");
	CHECK_STR(sc.last, "ls /");
	CHECK_STR(sc.raw, "ls /\r\n");
}

TEST(le_enter_is_cr_lf_or_crlf_once)
{
	setup();
	CHECK_EQ(feed("a\n"), LE_DONE);
	CHECK_STR(le_line(&le), "a");
	CHECK_EQ(feed("b\r"), LE_DONE);
	CHECK_STR(le_line(&le), "b");
	CHECK_EQ(le_feed(&le, '\n'), LE_MORE);  /* the LF of CR LF */
	CHECK_EQ(le_feed(&le, '\n'), LE_DONE);  /* a second LF is an empty line */
	CHECK_STR(le_line(&le), "");
	CHECK_EQ(feed("c\r\r"), LE_DONE);       /* CR CR: two lines */
	CHECK_STR(le_line(&le), "");
	CHECK_EQ(sc.lines, 5);
}

TEST(le_backspace_both_codes)
{
	setup();
	feed("echx");
	sc.nraw = 0;
	memset(sc.raw, 0, sizeof(sc.raw));
	CHECK_EQ(le_feed(&le, 0x7F), LE_MORE);
	CHECK_STR(sc.raw, "\b \b");
	CHECK_SCREEN();
	feed("o hi");
	le_feed(&le, 0x08);
	le_feed(&le, 0x08);
	CHECK_SCREEN();
	CHECK_EQ(feed("hi\r"), LE_DONE);
	CHECK_STR(le_line(&le), "echo hi");
}

TEST(le_backspace_at_start_does_nothing)
{
	setup();
	le_feed(&le, 0x7F);
	CHECK_EQ(sc.nraw, 0);
	feed("ab\x1b[D\x1b[D\x7f");
	CHECK_SCREEN();
	CHECK_STR(le.buf, "ab");
}

TEST(le_ctrl_c_drops_line)
{
	setup();
	feed("something");
	CHECK_EQ(le_feed(&le, 0x03), LE_INTR);
	CHECK(!sc.bad);
	CHECK_STR(sc.last, "something^C");
	CHECK_EQ(sc.lines, 1);
	CHECK_EQ(feed("ok\r"), LE_DONE);        /* a fresh line afterwards */
	CHECK_STR(le_line(&le), "ok");
	CHECK_EQ(le.hist_len, 1);               /* the dropped line is not history */
}

TEST(le_ctrl_c_shows_whole_line_then_marker)
{
	setup();
	feed("abc\x1b[D\x1b[D");
	le_feed(&le, 0x03);
	CHECK_STR(sc.last, "abc^C");
}

TEST(le_ctrl_u_kills_line)
{
	setup();
	feed("rm -r /");
	le_feed(&le, 0x15);
	CHECK_SCREEN();
	CHECK_STR(le.buf, "");
	CHECK_EQ(sc.width, 7);                  /* the old text was blanked, not left */
	CHECK_STR(scr_text(&sc, le.len), "");
	CHECK_EQ(feed("ls\r"), LE_DONE);
	CHECK_STR(le_line(&le), "ls");
}

TEST(le_ctrl_u_kills_before_cursor)
{
	setup();
	feed("abc def\x1b[D\x1b[D\x1b[D");
	le_feed(&le, 0x15);
	CHECK_SCREEN();
	CHECK_STR(le.buf, "def");
	CHECK_EQ(le.cur, 0);
}

TEST(le_ctrl_w_deletes_word)
{
	setup();
	feed("cat /etc/motd  ");
	le_feed(&le, 0x17);
	CHECK_SCREEN();
	CHECK_STR(le.buf, "cat ");
	le_feed(&le, 0x17);
	CHECK_STR(le.buf, "");
	le_feed(&le, 0x17);                     /* nothing left: harmless */
	CHECK_SCREEN();
	feed("one two three\x1b[D\x1b[D");
	le_feed(&le, 0x17);                     /* mid-word: the part before the cursor */
	CHECK_SCREEN();
	CHECK_STR(le.buf, "one two ee");
}

TEST(le_arrows_insert_in_middle)
{
	setup();
	feed("ech hi");
	feed("\x1b[D\x1b[D\x1b[D");
	CHECK_EQ(le.cur, 3);
	CHECK_SCREEN();
	feed("o");
	CHECK_SCREEN();
	CHECK_STR(le.buf, "echo hi");
	CHECK_EQ(le.cur, 4);
	feed("\x1bOC\x1bOC");                   /* SS3 arrows too */
	CHECK_EQ(le.cur, 6);
	feed("\x1b[C\x1b[C\x1b[C");             /* stops at the end */
	CHECK_EQ(le.cur, 7);
	CHECK_SCREEN();
	feed("\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D");
	CHECK_EQ(le.cur, 0);
	CHECK_SCREEN();
	feed("\x7f");
	CHECK_STR(le.buf, "echo hi");
	CHECK_EQ(feed("\r"), LE_DONE);          /* Enter in the middle takes the whole line */
	CHECK_STR(le_line(&le), "echo hi");
}

TEST(le_backspace_in_middle_redraws)
{
	setup();
	feed("abcdef\x1b[D\x1b[D\x7f");
	CHECK_SCREEN();
	CHECK_STR(le.buf, "abcef");
	CHECK_EQ(le.cur, 3);
}

TEST(le_home_end_delete)
{
	setup();
	feed("hello\x01");
	CHECK_EQ(le.cur, 0);
	feed("\x05");
	CHECK_EQ(le.cur, 5);
	feed("\x1b[H\x1b[3~");
	CHECK_SCREEN();
	CHECK_STR(le.buf, "ello");
	feed("\x1b[F\x1b[1~\x04");              /* ^D on a non-empty line deletes */
	CHECK_SCREEN();
	CHECK_STR(le.buf, "llo");
	feed("\x1b[4~");
	CHECK_EQ(le.cur, 3);
	feed("\x1b[3~");                        /* delete at the end: nothing */
	CHECK_SCREEN();
	CHECK_STR(le.buf, "llo");
}

TEST(le_ctrl_d_on_empty_line_is_eof)
{
	setup();
	CHECK_EQ(le_feed(&le, 0x04), LE_EOF);
	CHECK_EQ(feed("x\r"), LE_DONE);
	CHECK_STR(le_line(&le), "x");
}

TEST(le_history_up_down)
{
	setup();
	feed("one\r");
	feed("two\r");
	feed("thr");
	feed("\x1b[A");
	CHECK_SCREEN();
	CHECK_STR(le.buf, "two");
	feed("\x1b[A");
	CHECK_SCREEN();
	CHECK_STR(le.buf, "one");
	int beeps = sc.beeps;
	feed("\x1b[A");                         /* no older line */
	CHECK_EQ(sc.beeps, beeps + 1);
	CHECK_STR(le.buf, "one");
	feed("\x1b[B\x1b[B");
	CHECK_SCREEN();
	CHECK_STR(le.buf, "thr");               /* the unfinished line is back */
	feed("\x1b[B");
	CHECK_EQ(sc.beeps, beeps + 2);
	feed("\x1b[A");
	CHECK_EQ(feed("\r"), LE_DONE);
	CHECK_STR(le_line(&le), "two");         /* runs the recalled line */
}

TEST(le_history_shorter_line_blanks_rest)
{
	setup();
	feed("ab\r");
	feed("a much longer line");
	feed("\x1bOA");
	CHECK_SCREEN();
	CHECK_STR(le.buf, "ab");
	CHECK_EQ(le.cur, 2);
}

TEST(le_history_no_duplicates_no_empties)
{
	setup();
	feed("ls\r");
	feed("ls\r");
	feed("\r");
	feed("pwd\r");
	feed("ls\r");
	CHECK_EQ(le.hist_len, 3);
	CHECK_STR(le.hist[0], "ls");
	CHECK_STR(le.hist[1], "pwd");
	CHECK_STR(le.hist[2], "ls");
}

TEST(le_history_keeps_last_n)
{
	char line[16];
	setup();
	for (int i = 0; i < LE_HIST_MAX + 5; i++) {
		snprintf(line, sizeof(line), "cmd%d\r", i);
		feed(line);
	}
	CHECK_EQ(le.hist_len, LE_HIST_MAX);
	snprintf(line, sizeof(line), "cmd%d", LE_HIST_MAX + 4);
	CHECK_STR(le.hist[0], line);
	snprintf(line, sizeof(line), "cmd%d", 5);
	CHECK_STR(le.hist[LE_HIST_MAX - 1], line);
}

TEST(le_ignores_controls_and_unknown_escapes)
{
	setup();
	feed("a\x02\x02" "b");                  /* ^B is left: "ba" */
	CHECK_STR(le.buf, "ba");
	setup();
	feed("a\x07\x0b\x0c\x1f\x80\xc3\xa9z");
	CHECK_STR(le.buf, "az");
	CHECK_EQ(sc.nraw, 2);
	feed("\x1b[1;5C\x1b[?25h\x1b[200~\x1b[15~\x1b[Z\x1bx\x1b[5A");
	CHECK_STR(le.buf, "az");
	CHECK_SCREEN();
	feed("\x1b[");
	CHECK_EQ(feed("\r"), LE_DONE);          /* a broken sequence does not eat Enter */
	CHECK_STR(le_line(&le), "az");
	feed("q\x1b\x1b[D" "p");                /* ESC ESC [ D: the second one counts */
	CHECK_STR(le.buf, "pq");
	CHECK_SCREEN();
}

TEST(le_tab_is_for_the_caller)
{
	setup();
	feed("ca");
	CHECK_EQ(feed("\t"), LE_TAB);
	CHECK_EQ(sc.nraw, 2);                   /* nothing shown */
	le_insert_text(&le, "t ");
	CHECK_STR(le.buf, "cat ");
	CHECK_SCREEN();
	feed("/e\x1b[D");                       /* cursor before 'e' */
	CHECK_EQ(feed("\t"), LE_TAB);
	le_insert_text(&le, "x\x01y");          /* control bytes never get in */
	CHECK_STR(le.buf, "cat /xye");
	CHECK_SCREEN();
	/* the caller listed choices and printed a new prompt: column 0 again */
	memset(sc.cells, 0, sizeof(sc.cells));
	sc.width = sc.col = 0;
	le_redisplay(&le);
	CHECK_SCREEN();
	le_beep(&le);
	CHECK_EQ(sc.beeps, 1);
	CHECK_EQ(feed("\r"), LE_DONE);
	CHECK_STR(le_line(&le), "cat /xye");
}

TEST(le_line_max_beeps)
{
	setup();
	for (int i = 0; i < LE_LINE_MAX; i++)
		le_feed(&le, 'x');
	CHECK_EQ(le.len, LE_LINE_MAX);
	CHECK_EQ(sc.beeps, 0);
	le_feed(&le, 'y');
	CHECK_EQ(sc.beeps, 1);
	CHECK_EQ(le.len, LE_LINE_MAX);
	feed("\x1b[D\x1b[D" "z");               /* nor in the middle */
	CHECK_EQ(sc.beeps, 2);
	CHECK_SCREEN();
	feed("\x7f" "z");
	CHECK_EQ(le.len, LE_LINE_MAX);
	CHECK_SCREEN();
}

/* Random keys: the screen must track the editor exactly, always. */
TEST(le_random_keys_keep_screen_in_sync)
{
	static const char *const keys[] = {
		"a", "b", " ", "x", "~", "\x7f", "\b", "\x15", "\x17", "\x01", "\x05",
		"\x1b[D", "\x1b[C", "\x1b[A", "\x1b[B", "\x1bOD", "\x1bOC", "\x1b[3~",
		"\x1b[H", "\x1b[F", "\x1b[1;5D", "\x1b", "\x1b[", "\x04", "\r", "\n",
		"\r\n", "\x03", "\x10", "\x0e", "\x02", "\x06", "\t", "\xff",
	};
	unsigned seed = 12345;
	setup();
	for (int i = 0; i < 50000; i++) {
		seed = seed * 1103515245u + 12345u;
		const char *k = keys[(seed >> 16) % (sizeof(keys) / sizeof(keys[0]))];
		enum le_status st = feed(k);
		CHECK(!sc.bad);
		CHECK(le.len <= LE_LINE_MAX);
		CHECK_EQ(strlen(le.buf), le.len);
		if (st == LE_TAB) {
			/* what the shell does: complete, or list and show the line again */
			if (seed & 0x10000) {
				le_insert_text(&le, seed & 0x20000 ? "ab/" : "c\td ");
			} else {
				memset(sc.cells, 0, sizeof(sc.cells));
				sc.width = sc.col = 0;
				le_redisplay(&le);
			}
			CHECK_SCREEN();
		} else if (st == LE_MORE && le.esc == 0 && !le.ended) {
			CHECK_STR(scr_text(&sc, le.len), le.buf);
			CHECK_EQ(sc.col, le.cur);
		} else if (st != LE_MORE) {
			/* The shell prints a prompt here; our column 0 starts after it. */
			memset(sc.cells, 0, sizeof(sc.cells));
			sc.width = sc.col = 0;
		}
	}
}
