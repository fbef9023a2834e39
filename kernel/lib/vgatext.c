/* Text-mode screen writer (see vgatext.h). */
#include <vgatext.h>

static const uint8_t ansi_to_vga[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };   /* ANSI BGR order to VGA's */

static uint16_t blank(const struct vgatext *v)
{
	return (uint16_t)(v->attr << 8 | ' ');      /* erased cells take the current colours */
}

static void clear_cells(struct vgatext *v, int from, int to)
{
	uint16_t b = blank(v);
	for (int i = from; i < to; i++)
		v->cells[i] = b;
}

static void newline(struct vgatext *v)
{
	v->x = 0;
	if (++v->y < v->rows)
		return;
	int n = v->cols * (v->rows - 1);
	for (int i = 0; i < n; i++)
		v->cells[i] = v->cells[i + v->cols];
	clear_cells(v, n, n + v->cols);
	v->y = v->rows - 1;
	if (v->scrolled < v->rows)
		v->scrolled++;
}

void vgatext_init(struct vgatext *v, volatile uint16_t *cells, int cols, int rows)
{
	*v = (struct vgatext){ .cells = cells, .cols = cols, .rows = rows, .attr = VGATEXT_ATTR };
	clear_cells(v, 0, cols * rows);
}

void vgatext_attach(struct vgatext *v, volatile uint16_t *cells, int cols, int rows, int x, int y)
{
	*v = (struct vgatext){ .cells = cells, .cols = cols, .rows = rows, .attr = VGATEXT_ATTR };
	v->x = x < 0 ? 0 : x > cols ? cols : x;
	v->y = y < 0 ? 0 : y >= rows ? rows - 1 : y;
}

static int clamp(int n, int lo, int hi)
{
	return n < lo ? lo : n > hi ? hi : n;
}

static void sgr(struct vgatext *v)
{
	if (!v->nparam)
		v->param[v->nparam++] = 0;
	for (int i = 0; i < v->nparam; i++) {
		int p = v->param[i];
		if (p == 0)
			v->attr = VGATEXT_ATTR;
		else if (p == 1)
			v->attr |= 0x08;                                /* bright */
		else if (p == 22)
			v->attr &= (uint8_t)~0x08;
		else if (p == 7)
			v->attr = (uint8_t)((v->attr & 0x0F) << 4 | (v->attr & 0x70) >> 4);
		else if (p >= 30 && p <= 37)
			v->attr = (uint8_t)((v->attr & 0xF8) | ansi_to_vga[p - 30]);
		else if (p == 39)
			v->attr = (uint8_t)((v->attr & 0xF8) | 7);
		else if (p >= 40 && p <= 47)
			v->attr = (uint8_t)((v->attr & 0x8F) | ansi_to_vga[p - 40] << 4);
		else if (p == 49)
			v->attr &= 0x8F;
	}
}

/* The final byte of a CSI sequence: act on the few we know, drop the rest. */
static void csi(struct vgatext *v, char c)
{
	int p0 = v->nparam ? v->param[0] : 0, n = p0 ? p0 : 1;
	int here = v->y * v->cols + v->x, end = v->cols * v->rows;
	if (v->priv) {          /* ESC [ ? n h/l: only the cursor's visibility */
		if (p0 == 25 && (c == 'h' || c == 'l'))
			v->hidden = c == 'l';
		return;
	}
	switch (c) {
	case 'A':               /* cursor up, down, forward, back: n (1 if missing), stopping at the edge */
		v->y = clamp(v->y - n, 0, v->rows - 1);
		break;
	case 'B':
		v->y = clamp(v->y + n, 0, v->rows - 1);
		break;
	case 'C':
		v->x = clamp(v->x + n, 0, v->cols - 1);
		break;
	case 'D':
		v->x = clamp((v->x >= v->cols ? v->cols - 1 : v->x) - n, 0, v->cols - 1);
		break;
	case 'm':
		sgr(v);
		break;
	case 'K':               /* erase in line: 0 to the end, 1 to the start, 2 all */
		if (p0 == 0)
			clear_cells(v, here, (v->y + 1) * v->cols);
		else if (p0 == 1)
			clear_cells(v, v->y * v->cols, here + 1);
		else if (p0 == 2)
			clear_cells(v, v->y * v->cols, (v->y + 1) * v->cols);
		break;
	case 'J':               /* erase in display, the same */
		if (p0 == 0)
			clear_cells(v, here, end);
		else if (p0 == 1)
			clear_cells(v, 0, here + 1);
		else if (p0 == 2 || p0 == 3)
			clear_cells(v, 0, end);
		break;
	case 'H':               /* cursor position, 1-based; missing means 1 */
	case 'f': {
		int row = p0 ? p0 : 1, col = v->nparam > 1 && v->param[1] ? v->param[1] : 1;
		v->y = row > v->rows ? v->rows - 1 : row - 1;
		v->x = col > v->cols ? v->cols - 1 : col - 1;
		break;
	}
	default:
		break;
	}
}

/* Inside an escape sequence: 1 if c was part of it (and is consumed). */
static int escape(struct vgatext *v, char c)
{
	unsigned char u = (unsigned char)c;
	switch (v->esc) {
	case 1:                 /* after ESC */
		if (c == '[') {
			v->esc = 2;
			v->nparam = 0;
			v->param[0] = 0;
			v->priv = 0;
		} else if (c == ']' || c == 'P' || c == '_' || c == '^') {
			v->esc = 3;     /* OSC, DCS, APC, PM: a string up to BEL or ESC \ */
		} else if (u >= 0x20 && u <= 0x2F) {
			;               /* an intermediate byte (ESC ( B): the next one ends it */
		} else {
			v->esc = 0;     /* a two-byte sequence: dropped */
		}
		return 1;
	case 2:                 /* CSI: parameters, intermediates, a final byte */
		if (c >= '0' && c <= '9') {
			if (!v->nparam)
				v->nparam = 1;
			int *p = &v->param[v->nparam - 1];
			if (*p < 1000)
				*p = *p * 10 + (c - '0');
		} else if (c == ';') {
			if (!v->nparam)
				v->nparam = 1;
			if (v->nparam < 4)
				v->param[v->nparam++] = 0;
		} else if (u >= 0x40 && u <= 0x7E) {
			v->esc = 0;
			csi(v, c);
		} else if (u < 0x20 || u > 0x7E) {
			v->esc = 0;     /* not a sequence after all: drop it, keep c */
			return 0;
		} else if (c >= '<' && c <= '?') {
			v->priv = 1;    /* a private marker: only ?25 h/l is acted on */
		}                       /* intermediates: skipped */
		return 1;
	case 3:
		if (c == 7)
			v->esc = 0;
		else if (c == 27)
			v->esc = 1;     /* ESC \ ends it; ESC then '\' is dropped as a two-byte sequence */
		return 1;
	}
	return 0;
}

void vgatext_putc(struct vgatext *v, char c)
{
	unsigned char u = (unsigned char)c;
	if (v->utf8 && u >= 0x80 && u <= 0xBF) {
		v->utf8--;      /* the rest of a character already shown as '?' */
		return;
	}
	v->utf8 = 0;
	if (v->esc && escape(v, c))
		return;
	if (u >= 0x80) {        /* UTF-8: one '?' cell per character */
		v->utf8 = u >= 0xF0 ? 3 : u >= 0xE0 ? 2 : u >= 0xC0 ? 1 : 0;
		c = '?';
	}
	switch (c) {
	case 27:
		v->esc = 1;
		return;
	case '\n':
		newline(v);
		return;
	case '\r':
		v->x = 0;
		return;
	case '\t':             /* to the next tab stop, as a terminal moves: nothing erased */
		v->x = (v->x / 8 + 1) * 8;
		if (v->x > v->cols)
			v->x = v->cols;
		return;
	case '\b':
		if (v->x)
			v->x--;
		return;
	default:
		break;
	}
	if ((unsigned char)c < 0x20 || c == 0x7F)
		return;                 /* other control characters: nothing */
	if (v->x >= v->cols)
		newline(v);
	v->cells[v->y * v->cols + v->x] = (uint16_t)(v->attr << 8 | (unsigned char)c);
	v->x++;
}
