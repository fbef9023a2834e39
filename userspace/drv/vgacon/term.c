/* The screen terminal's state (see term.h). */
#include "term.h"

static uint16_t blank_row(volatile uint16_t *cells, int y)
{
	for (int x = 0; x < TERM_COLS; x++) {
		uint8_t ch = (uint8_t)cells[y * TERM_COLS + x];
		if (ch != ' ' && ch != 0)
			return 0;
	}
	return 1;
}

void term_init(struct term *t, volatile uint16_t *cells, uint16_t pos)
{
	int x = pos % TERM_COLS, y = pos / TERM_COLS;
	if (pos >= TERM_COLS * TERM_ROWS) {
		for (y = TERM_ROWS; y > 0 && blank_row(cells, y - 1); y--)
			;
		x = 0;
		if (y == TERM_ROWS) {   /* a full screen: the next line scrolls */
			y = TERM_ROWS - 1;
			x = TERM_COLS;
		}
	}
	vgatext_attach(&t->vt, cells, TERM_COLS, TERM_ROWS, x, y);
	t->cursor_set = pos;
	t->hidden_set = false;
}

void term_write(struct term *t, const void *buf, size_t n)
{
	const char *s = buf;
	for (size_t i = 0; i < n; i++)
		vgatext_putc(&t->vt, s[i]);
}

uint16_t term_cursor(struct term *t)
{
	int x = t->vt.x >= TERM_COLS ? TERM_COLS - 1 : t->vt.x;
	t->cursor_set = (uint16_t)(t->vt.y * TERM_COLS + x);
	return t->cursor_set;
}
