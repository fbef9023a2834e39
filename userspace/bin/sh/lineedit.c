/*
 * The line editor (see lineedit.h). The terminal's cursor always mirrors
 * le->cur: every edit first moves the cursor (le_move_to), changes buf,
 * then re-prints what changed from the cursor to the old end of line and
 * walks back. Escape sequences are parsed as ECMA-48 says (ESC [ params
 * intermediates final, ESC O final) so unknown ones are skipped whole
 * instead of leaking their tail into the line.
 */
#include "lineedit.h"
#include <string.h>

enum { ESC_NONE, ESC_START, ESC_CSI, ESC_SS3 };
enum { K_NONE, K_LEFT, K_RIGHT, K_UP, K_DOWN, K_HOME, K_END, K_DELETE };

#define CTRL(c) ((c) & 0x1F)

static void le_flush(struct lineedit *le)
{
	if (le->on)
		le->out(le->ctx, le->obuf, le->on);
	le->on = 0;
}

static void le_put(struct lineedit *le, const char *s, size_t n)
{
	while (n--) {
		if (le->on == sizeof(le->obuf))
			le_flush(le);
		le->obuf[le->on++] = *s++;
	}
}

static void le_repeat(struct lineedit *le, char c, size_t n)
{
	while (n--)
		le_put(le, &c, 1);
}

/* Move the cursor to pos: back with BS, forward by re-printing the text. */
static void le_move_to(struct lineedit *le, size_t pos)
{
	if (pos < le->cur)
		le_repeat(le, '\b', le->cur - pos);
	else
		le_put(le, le->buf + le->cur, pos - le->cur);
	le->cur = pos;
}

/* Re-print from the cursor to the end, blank `stale` cells beyond it, come back. */
static void le_redraw_tail(struct lineedit *le, size_t stale)
{
	le_put(le, le->buf + le->cur, le->len - le->cur);
	le_repeat(le, ' ', stale);
	le_repeat(le, '\b', le->len - le->cur + stale);
}

static void le_insert(struct lineedit *le, char c)
{
	if (le->len == LE_LINE_MAX) {
		le_put(le, "\a", 1);
		return;
	}
	memmove(le->buf + le->cur + 1, le->buf + le->cur, le->len - le->cur + 1);
	le->buf[le->cur] = c;
	le->len++;
	le_put(le, &c, 1);
	le->cur++;
	le_redraw_tail(le, 0);
}

/* Remove buf[from, to); the cursor ends at from. */
static void le_cut(struct lineedit *le, size_t from, size_t to)
{
	if (from >= to)
		return;
	le_move_to(le, from);
	memmove(le->buf + from, le->buf + to, le->len - to + 1);
	le->len -= to - from;
	le_redraw_tail(le, to - from);
}

/* Show s instead of the current line, cursor at its end. */
static void le_replace(struct lineedit *le, const char *s)
{
	size_t old = le->len;
	le_move_to(le, 0);
	le->len = strlen(s);
	memcpy(le->buf, s, le->len + 1);
	le_put(le, le->buf, le->len);
	le->cur = le->len;
	if (old > le->len) {
		le_repeat(le, ' ', old - le->len);
		le_repeat(le, '\b', old - le->len);
	}
}

static void le_hist_add(struct lineedit *le)
{
	if (!le->len || (le->hist_len && !strcmp(le->hist[0], le->buf)))
		return;
	memmove(le->hist[1], le->hist[0], sizeof(le->hist[0]) * (LE_HIST_MAX - 1));
	memcpy(le->hist[0], le->buf, le->len + 1);
	if (le->hist_len < LE_HIST_MAX)
		le->hist_len++;
}

/* Up (older = 1) or down (older = 0) the history; the new line is kept aside. */
static void le_browse(struct lineedit *le, int older)
{
	if (older ? le->browse == le->hist_len : le->browse == 0) {
		le_put(le, "\a", 1);
		return;
	}
	if (le->browse == 0)
		memcpy(le->saved, le->buf, le->len + 1);
	le->browse += older ? 1 : -1;
	le_replace(le, le->browse ? le->hist[le->browse - 1] : le->saved);
}

static void le_key(struct lineedit *le, int key)
{
	switch (key) {
	case K_LEFT:
		if (le->cur)
			le_move_to(le, le->cur - 1);
		break;
	case K_RIGHT:
		if (le->cur < le->len)
			le_move_to(le, le->cur + 1);
		break;
	case K_UP:
	case K_DOWN:
		le_browse(le, key == K_UP);
		break;
	case K_HOME:
		le_move_to(le, 0);
		break;
	case K_END:
		le_move_to(le, le->len);
		break;
	case K_DELETE:
		if (le->cur < le->len)
			le_cut(le, le->cur, le->cur + 1);
		break;
	}
}

/* Cursor keys end in the same letter after ESC [ and ESC O. */
static int le_final_key(unsigned char c)
{
	switch (c) {
	case 'A': return K_UP;
	case 'B': return K_DOWN;
	case 'C': return K_RIGHT;
	case 'D': return K_LEFT;
	case 'H': return K_HOME;
	case 'F': return K_END;
	default: return K_NONE;
	}
}

/* ESC [ n ~ keys (VT220 style). */
static int le_tilde_key(unsigned n)
{
	switch (n) {
	case 1: case 7: return K_HOME;
	case 4: case 8: return K_END;
	case 3: return K_DELETE;
	default: return K_NONE;
	}
}

/*
 * One byte while an escape sequence is open. Returns 0 if c cannot be part
 * of one: the sequence is dropped and c is handled as an ordinary key (so
 * ESC then Enter still ends the line).
 */
static int le_escape(struct lineedit *le, unsigned char c)
{
	if (c < 0x20 || c > 0x7E) {
		le->esc = ESC_NONE;
		return 0;
	}
	switch (le->esc) {
	case ESC_START:
		le->esc = c == '[' ? ESC_CSI : c == 'O' ? ESC_SS3 : ESC_NONE;
		le->esc_param = 0;
		le->esc_odd = 0;
		break;
	case ESC_SS3:
		le->esc = ESC_NONE;
		le_key(le, le_final_key(c));
		break;
	case ESC_CSI:
		if (c >= '0' && c <= '9') {
			if (le->esc_param < 1000)
				le->esc_param = le->esc_param * 10 + (c - '0');
		} else if (c < 0x40) {
			le->esc_odd = 1;        /* ';', private markers, intermediates */
		} else {
			le->esc = ESC_NONE;
			if (le->esc_odd)
				break;
			if (c == '~')
				le_key(le, le_tilde_key(le->esc_param));
			else if (le->esc_param <= 1)
				le_key(le, le_final_key(c));
		}
		break;
	}
	return 1;
}

static enum le_status le_end(struct lineedit *le, enum le_status st)
{
	le->ended = 1;
	return st;
}

static enum le_status le_step(struct lineedit *le, unsigned char c)
{
	int after_cr = le->after_cr;
	size_t i;

	le->after_cr = 0;
	if (le->ended) {
		le->len = le->cur = 0;
		le->buf[0] = '\0';
		le->browse = 0;
		le->ended = 0;
	}
	if (le->esc != ESC_NONE && le_escape(le, c))
		return LE_MORE;
	switch (c) {
	case '\n':
		if (after_cr)
			return LE_MORE;
		/* fall through */
	case '\r':
		le->after_cr = c == '\r';
		le_put(le, "\r\n", 2);
		le_hist_add(le);
		return le_end(le, LE_DONE);
	case 0x7F:
	case '\b':
		if (le->cur)
			le_cut(le, le->cur - 1, le->cur);
		return LE_MORE;
	case CTRL('C'):
		le_move_to(le, le->len);
		le_put(le, "^C\r\n", 4);
		return le_end(le, LE_INTR);
	case CTRL('D'):
		if (!le->len)
			return le_end(le, LE_EOF);
		le_key(le, K_DELETE);
		return LE_MORE;
	case CTRL('U'):
		le_cut(le, 0, le->cur);
		return LE_MORE;
	case CTRL('W'):
		i = le->cur;
		while (i && le->buf[i - 1] == ' ')
			i--;
		while (i && le->buf[i - 1] != ' ')
			i--;
		le_cut(le, i, le->cur);
		return LE_MORE;
	case CTRL('A'): le_key(le, K_HOME); return LE_MORE;
	case CTRL('E'): le_key(le, K_END); return LE_MORE;
	case CTRL('B'): le_key(le, K_LEFT); return LE_MORE;
	case CTRL('F'): le_key(le, K_RIGHT); return LE_MORE;
	case CTRL('P'): le_key(le, K_UP); return LE_MORE;
	case CTRL('N'): le_key(le, K_DOWN); return LE_MORE;
	case 0x1B:
		le->esc = ESC_START;
		return LE_MORE;
	case '\t':
		return LE_TAB;
	default:
		if (c >= 0x20 && c < 0x7F)
			le_insert(le, (char)c);
		return LE_MORE;
	}
}

void le_init(struct lineedit *le, le_out_fn out, void *ctx)
{
	memset(le, 0, sizeof(*le));
	le->out = out;
	le->ctx = ctx;
}

enum le_status le_feed(struct lineedit *le, unsigned char c)
{
	enum le_status st = le_step(le, c);
	le_flush(le);
	return st;
}

const char *le_line(const struct lineedit *le)
{
	return le->buf;
}

void le_insert_text(struct lineedit *le, const char *s)
{
	for (; *s; s++)
		if (*s >= 0x20 && *s < 0x7F)
			le_insert(le, *s);
	le_flush(le);
}

void le_redisplay(struct lineedit *le)
{
	le_put(le, le->buf, le->len);
	le_repeat(le, '\b', le->len - le->cur);
	le_flush(le);
}

void le_beep(struct lineedit *le)
{
	le_put(le, "\a", 1);
	le_flush(le);
}
