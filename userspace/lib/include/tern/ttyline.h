/*
 * Reading lines typed at a terminal, for the tools' stdin (lib/tool.c):
 * terminals send raw keys and echo nothing, so a program that reads one
 * (`cat > /f`, `wc`) needs what a Unix tty's canonical mode does: echo,
 * Backspace (0x7F, ^H) and ^U (kill the line), Enter (CR or LF; CR LF
 * once) ends a line, ^D ends the input on an empty line (else hands over
 * the line so far, without a newline). Other control bytes and escape
 * sequences (arrows) are dropped. A full line is handed over as it is.
 * Pure code: ci/unit/test_ttyline.c.
 */
#pragma once
#include <stddef.h>

#define TTYLINE_MAX 255         /* bytes of a line, its '\n' included */

enum ttyline_status { TTYLINE_MORE, TTYLINE_LINE, TTYLINE_EOF };

struct ttyline {
	char line[TTYLINE_MAX];
	size_t len;
	int after_cr;           /* the last byte was a CR Enter: an LF now is part of it */
	int esc;                /* 1 after ESC, 2 inside ESC [ ... or ESC O */
	char echo[4 * TTYLINE_MAX];
	size_t echo_len;        /* what to show, gathered until the caller takes it */
};

void ttyline_init(struct ttyline *t);
/* One typed byte. TTYLINE_LINE: line[0, len) is ready (the caller takes
 * it and sets len = 0); TTYLINE_EOF: ^D on an empty line. */
enum ttyline_status ttyline_key(struct ttyline *t, unsigned char c);
