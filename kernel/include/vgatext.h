/*
 * A text-mode screen writer (pure; unit-tested on the host): characters
 * into a grid of 16-bit cells (low byte the character, high byte the
 * colour attribute), as VGA text memory at 0xB8000 holds them. It scrolls
 * at the bottom, handles \n \r \t \b, the VT100 subset getty and sh use
 * (SGR colours, erase line/screen, cursor position and moves ESC [ n
 * A/B/C/D, cursor shown/hidden ESC [ ?25 h/l), drops every other escape
 * sequence whole instead of printing it, and shows each UTF-8 character
 * as one '?' cell (no glyphs beyond ASCII are assumed).
 *
 * The kernel (arch/x86_64/vga_text.c) and the userspace screen terminal
 * (drv/vgacon) both draw with it.
 */
#pragma once
#include <stdint.h>

#define VGATEXT_ATTR 0x07       /* light grey on black */

struct vgatext {
	volatile uint16_t *cells;
	int cols, rows;
	int x, y;                   /* the cursor */
	uint8_t attr;
	int esc;                    /* 0 text, 1 after ESC, 2 in a CSI sequence, 3 in a string */
	int param[4], nparam;
	int priv;                   /* the CSI sequence has a private marker (ESC [ ?) */
	int utf8;                   /* UTF-8 continuation bytes still to swallow */
	int hidden;                 /* ESC [ ?25 l: the cursor is not shown */
	int scrolled;               /* lines scrolled off the top (at most rows: a
				     * screenful is all), for whoever draws the cells
				     * elsewhere (fbtext) to move pixels instead of
				     * redrawing them; it sets this back to 0 */
};

/* Take over cells (cols x rows) and clear them. */
void vgatext_init(struct vgatext *v, volatile uint16_t *cells, int cols, int rows);
/* Take over cells as they are (what is on the screen stays), the cursor at x, y. */
void vgatext_attach(struct vgatext *v, volatile uint16_t *cells, int cols, int rows, int x, int y);
void vgatext_putc(struct vgatext *v, char c);
