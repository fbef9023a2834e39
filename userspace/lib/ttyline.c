/* A terminal's canonical input mode, for tools reading stdin (tern/ttyline.h). */
#include "tern/ttyline.h"
#include <string.h>

void ttyline_init(struct ttyline *t)
{
	memset(t, 0, sizeof(*t));
}

static void show(struct ttyline *t, const char *s, size_t n)
{
	if (t->echo_len + n <= sizeof(t->echo)) {
		memcpy(t->echo + t->echo_len, s, n);
		t->echo_len += n;
	}
}

enum ttyline_status ttyline_key(struct ttyline *t, unsigned char c)
{
	int after_cr = t->after_cr;
	t->after_cr = 0;
	if (t->esc == 1) {              /* ESC [ and ESC O start a sequence; else ESC x is dropped */
		t->esc = c == '[' || c == 'O' ? 2 : 0;
		return TTYLINE_MORE;
	}
	if (t->esc == 2) {              /* parameters until a final byte 0x40..0x7E */
		if (c >= 0x40 && c <= 0x7e)
			t->esc = 0;
		return TTYLINE_MORE;
	}
	switch (c) {
	case '\n':
		if (after_cr)
			return TTYLINE_MORE;
		/* fall through */
	case '\r':
		t->after_cr = c == '\r';
		t->line[t->len++] = '\n';       /* room kept: a line is handed over when full */
		show(t, "\n", 1);
		return TTYLINE_LINE;
	case 0x04:                      /* ^D */
		return t->len ? TTYLINE_LINE : TTYLINE_EOF;
	case 0x7f:
	case '\b':
		if (t->len) {   /* a whole UTF-8 character: its continuation bytes, then its lead */
			while (t->len > 1 && (t->line[t->len - 1] & 0xc0) == 0x80)
				t->len--;
			t->len--;
			show(t, "\b \b", 3);
		}
		return TTYLINE_MORE;
	case 0x15:                      /* ^U */
		for (; t->len; t->len--)
			show(t, "\b \b", 3);
		return TTYLINE_MORE;
	case 0x1b:
		t->esc = 1;
		return TTYLINE_MORE;
	}
	if (c < 0x20 && c != '\t')
		return TTYLINE_MORE;
	t->line[t->len++] = (char)c;
	show(t, (const char *)&c, 1);
	/* Full, but for the one byte a newline needs: hand it over as it is. */
	return t->len == TTYLINE_MAX - 1 ? TTYLINE_LINE : TTYLINE_MORE;
}
