/*
 * A text-mode screen writer (pure; unit-tested on the host): characters
 * into a grid of 16-bit cells (low byte the character, high byte the
 * colour attribute), as VGA text memory at 0xB8000 holds them. It scrolls
 * at the bottom, handles \n \r \t \b, a few ANSI sequences (SGR colours,
 * erase line/screen, cursor position), and drops every other escape
 * sequence whole instead of printing it.
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
};

/* Take over cells (cols x rows) and clear them. */
void vgatext_init(struct vgatext *v, volatile uint16_t *cells, int cols, int rows);
void vgatext_putc(struct vgatext *v, char c);
