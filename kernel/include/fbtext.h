/*
 * The text screen on a linear framebuffer (pure; unit-tested on the host):
 * a vgatext grid of cells, drawn with the 8x16 console font
 * (font8x16[], made at build time from a PSF font by tools/psf2c) into
 * 32-bit pixels, RGBX or BGRX. fbtext_draw draws the cells that changed
 * since it last ran, so a write costs what it changed (a scroll: the
 * screen).
 */
#pragma once
#include <stdint.h>
#include <vgatext.h>

#define FBTEXT_RGBX 1           /* byte 0 red, 1 green, 2 blue (as HANDOFF_FB_RGBX) */
#define FBTEXT_BGRX 2           /* byte 0 blue, 1 green, 2 red */
#define FBTEXT_CW 8
#define FBTEXT_CH 16

extern const unsigned char font8x16[128][16];

struct fbtext {
	struct vgatext vt;      /* the text, in cells */
	uint16_t *drawn;        /* what the framebuffer shows, cell by cell */
	volatile uint8_t *fb;
	uint32_t pitch;
	int format;
};

/* Take over a width x height framebuffer (format FBTEXT_*); cells and
 * drawn hold max cells each. The grid is as large as fits in both. */
void fbtext_init(struct fbtext *f, volatile uint8_t *fb, uint32_t width, uint32_t height, uint32_t pitch,
		 int format, uint16_t *cells, uint16_t *drawn, int max);
void fbtext_putc(struct fbtext *f, char c);
void fbtext_draw(struct fbtext *f);
/* The 32-bit pixel of VGA colour 0..15 in a format. */
uint32_t fbtext_pixel(int format, int colour);
