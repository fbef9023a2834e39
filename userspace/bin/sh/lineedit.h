/*
 * The shell's line editor: a pure state machine fed one input byte at a
 * time. What the terminal must show (echo, redraws) goes to an output
 * callback; the caller prints the prompt and reads the line when a feed
 * says LE_DONE. No allocation and no system calls, so the host unit tests
 * (ci/unit/test_lineedit.c) drive it exactly as the shell does.
 *
 * Keys: printable ASCII inserts at the cursor; Backspace (0x7F or ^H)
 * deletes before it; ^C drops the line; ^U kills from the line start to the
 * cursor; ^W kills the word before the cursor; ^D ends input on an empty
 * line (else deletes under the cursor, as does Delete); arrows (ESC [ or
 * ESC O, then A/B/C/D), ^B/^F, ^P/^N move and browse the history;
 * Home/End and ^A/^E jump. Enter is CR or LF, and CR LF counts once.
 * Tab shows nothing and returns LE_TAB: the caller completes the word
 * before the cursor (le_insert_text) or lists the choices on lines of its
 * own and then shows the line again after a new prompt (le_redisplay).
 * Other control bytes, bytes >= 0x80 and unknown escape sequences are
 * dropped whole. A full line beeps (BEL) instead of growing.
 *
 * Output uses only printable bytes, BS (cursor left, no erase), BEL and
 * "\r\n", so it works on any terminal: moving right re-prints the
 * character under the cursor, erasing prints blanks.
 */
#pragma once
#include <stddef.h>

#define LE_LINE_MAX 200         /* bytes in a line, not counting the NUL */
#define LE_HIST_MAX 16          /* lines the history keeps */

typedef void (*le_out_fn)(void *ctx, const char *s, size_t n);

enum le_status {
	LE_MORE,                /* keep feeding */
	LE_DONE,                /* Enter: the line is le_line() until the next feed */
	LE_INTR,                /* ^C: the line was dropped ("^C" and a newline shown) */
	LE_EOF,                 /* ^D on an empty line; nothing shown */
	LE_TAB,                 /* Tab: the caller may complete; nothing shown */
};

struct lineedit {
	le_out_fn out;
	void *ctx;
	char buf[LE_LINE_MAX + 1];
	size_t len, cur;                /* bytes in buf, cursor position in it */
	int ended;                      /* a line was returned: start afresh on the next byte */
	int after_cr;                   /* the last byte was a CR Enter: swallow an LF */
	int esc;                        /* escape-sequence state (lineedit.c) */
	unsigned esc_param;             /* CSI: its first number */
	int esc_odd;                    /* CSI: more than one number, or intermediates */
	char hist[LE_HIST_MAX][LE_LINE_MAX + 1];        /* [0] is the newest */
	unsigned hist_len;
	unsigned browse;                /* 0: the new line; k: hist[k - 1] is shown */
	char saved[LE_LINE_MAX + 1];    /* the new line while browsing */
	char obuf[128];                 /* output gathered during one feed */
	size_t on;
};

void le_init(struct lineedit *le, le_out_fn out, void *ctx);
enum le_status le_feed(struct lineedit *le, unsigned char c);
/* The line just ended with LE_DONE, NUL-terminated. */
const char *le_line(const struct lineedit *le);
/* Insert s at the cursor as if typed (printable bytes only; a full line
 * beeps); shown at once. */
void le_insert_text(struct lineedit *le, const char *s);
/* Show the whole line again, the cursor where it was: for a caller that
 * printed other lines and a fresh prompt since. */
void le_redisplay(struct lineedit *le);
/* Ring the bell (nothing to complete). */
void le_beep(struct lineedit *le);
