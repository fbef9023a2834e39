/*
 * The terminal as the shell sees it: the console byte stream
 * (proto/stream.h). printf's output reaches it through stdio_write, which
 * turns '\n' into the "\r\n" a serial terminal needs; the line editor's
 * echo goes out as it is (it writes its own "\r\n"). Input is read in
 * chunks, and bytes typed ahead of one line stay here for the next.
 */
#include "lineedit.h"
#include "sh.h"
#include <proto/stream.h>
#include <stdio.h>

static struct lineedit term_le;
static unsigned char term_in[64];
static size_t term_in_pos, term_in_len;

static void term_echo(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	stream_write(SH_CONSOLE, s, n);
}

static void term_stdio(const char *s, size_t n)
{
	stream_write_text(SH_CONSOLE, s, n);
}

void term_init(void)
{
	stdio_write = term_stdio;
	le_init(&term_le, term_echo, 0);
}

const char *term_readline(void)
{
	for (;;) {
		if (term_in_pos == term_in_len) {
			long n = stream_read(SH_CONSOLE, term_in, sizeof(term_in));
			if (n <= 0)
				return 0;
			term_in_len = (size_t)n;
			term_in_pos = 0;
		}
		switch (le_feed(&term_le, term_in[term_in_pos++])) {
		case LE_DONE:
			return le_line(&term_le);
		case LE_INTR:
			return "";
		case LE_EOF:
			return 0;
		case LE_MORE:
			break;
		}
	}
}
