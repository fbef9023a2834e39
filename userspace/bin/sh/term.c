/*
 * Reading command lines from our stdin. A terminal gets the line editor
 * (lineedit.c), its echo written raw to our stdout, and Tab completion
 * (complete.c); a file or pipe is read as lines, nothing echoed. Bytes
 * read ahead of one line stay here for the next.
 */
#include "lineedit.h"
#include "sh.h"
#include "shparse.h"
#include <proto/stream.h>
#include <stdio.h>

static struct lineedit term_le;
static unsigned char term_in[64];
static size_t term_in_pos, term_in_len;
static char term_raw[SHP_LINE_MAX + 2];

static void term_echo(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	io_write(sh_out, s, n);
}

void term_init(void)
{
	le_init(&term_le, term_echo, 0);
}

int term_lost;

/* The next input byte, or -1 at the end of input (term_lost if it was
 * a failed read rather than the end). */
static int term_byte(void)
{
	if (term_in_pos == term_in_len) {
		long n = sh_in ? stream_read(sh_in, term_in, sizeof(term_in)) : 0;
		if (n < 0)
			term_lost = 1;
		if (n <= 0)
			return -1;
		term_in_len = (size_t)n;
		term_in_pos = 0;
	}
	return term_in[term_in_pos++];
}

/* A line from a file or pipe; a line too long for the parser is cut
 * (and then refused by it as too long). */
static const char *term_rawline(void)
{
	size_t n = 0;
	int c;
	while ((c = term_byte()) >= 0 && c != '\n')
		if (n < sizeof(term_raw) - 1)
			term_raw[n++] = (char)c;
	if (c < 0 && !n)
		return 0;
	term_raw[n] = '\0';
	return term_raw;
}

const char *term_readline(const char *prompt)
{
	if (!sh_interactive)
		return term_rawline();
	printf("%s", prompt);
	for (;;) {
		int c = term_byte();
		if (c < 0)
			return 0;
		switch (le_feed(&term_le, (unsigned char)c)) {
		case LE_DONE:
			return le_line(&term_le);
		case LE_INTR:
			return "";
		case LE_EOF:
			return 0;
		case LE_TAB:
			complete(&term_le, prompt);
			break;
		case LE_MORE:
			break;
		}
	}
}
