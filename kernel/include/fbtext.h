/*
 * The text screen on a linear framebuffer (pure; unit-tested on the host):
 * a vgatext grid of cells, drawn with the 8x16 console font
 * (font8x16[], made at build time from a PSF font by tools/psf2c) into
 * 32-bit pixels, RGBX or BGRX. fbtext_draw draws what changed since it
 * last ran: `drawn` shadows what the framebuffer shows, cell by cell, so
 * a write costs the cells it changed, and the lines the writer scrolled
 * meanwhile (vgatext's `scrolled`) move as one block of pixel rows
 * instead of being drawn again: a scroll costs one copy and a new line.
 *
 * The kernel (arch/x86_64/fb_text.c) and the userspace framebuffer
 * terminal (drv/fbcon) both draw with it. The terminal takes the screen
 * over as the kernel left it (fbtext_attach: the rows in use stay as
 * pixels it never draws, FBTEXT_KEPT) and shows a cursor; the kernel
 * shows none.
 */
#pragma once
#include <stdint.h>
#include <vgatext.h>

#define FBTEXT_RGBX 1           /* byte 0 red, 1 green, 2 blue (as HANDOFF_FB_RGBX) */
#define FBTEXT_BGRX 2           /* byte 0 blue, 1 green, 2 red */
#define FBTEXT_CW 8
#define FBTEXT_CH 16
/* Cell values vgatext never makes (its characters are >= 0x20): */
#define FBTEXT_UNDRAWN 0        /* in drawn: the screen shows something else there */
#define FBTEXT_KEPT 1           /* in cells and drawn: pixels someone else drew, left alone */

extern const unsigned char font8x16[128][16];

struct fbtext {
	struct vgatext vt;      /* the text, in cells */
	uint16_t *drawn;        /* what the framebuffer shows, cell by cell */
	volatile uint8_t *fb;
	uint32_t pitch;
	int format;
	int cursor;             /* draw the cursor (an inverted cell) */
	int cursor_at;          /* the cell the cursor was drawn on, or -1 */
};

/* Take over a width x height framebuffer (format FBTEXT_*); cells and
 * drawn hold max cells each. The grid is as large as fits in both. The
 * first draw draws every cell. */
void fbtext_init(struct fbtext *f, volatile uint8_t *fb, uint32_t width, uint32_t height, uint32_t pitch,
		 int format, uint16_t *cells, uint16_t *drawn, int max);
/* The same, but the screen's top `kept` rows of cells stay as they are
 * (FBTEXT_KEPT: scrolled up with the rest, never drawn over unless
 * erased) and writing starts below them; when every row is kept, the
 * first line written scrolls. */
void fbtext_attach(struct fbtext *f, volatile uint8_t *fb, uint32_t width, uint32_t height, uint32_t pitch,
		   int format, uint16_t *cells, uint16_t *drawn, int max, int kept);
void fbtext_putc(struct fbtext *f, char c);
void fbtext_draw(struct fbtext *f);
/* Forget what the screen shows (someone else drew on it): the next
 * fbtext_draw draws every cell. */
void fbtext_invalidate(struct fbtext *f);
/* How many rows of 8x16 cells from the top of a framebuffer are in use:
 * up to the last row with a pixel that is not 0 (black) in its first
 * `width` pixels. What fbcon keeps of the kernel's screen. */
int fbtext_rows_used(const volatile uint8_t *fb, uint32_t width, uint32_t height, uint32_t pitch);
/* The 32-bit pixel of VGA colour 0..15 in a format. */
uint32_t fbtext_pixel(int format, int colour);
