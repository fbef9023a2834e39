/*
 * The framebuffer terminal's state as drv/fbcon serves it (pure logic,
 * unit-tested on the host in ci/unit/test_fbcon.c): the text drawn on the
 * boot framebuffer by the kernel's framebuffer writer (kernel/lib/fbtext.c
 * over kernel/lib/vgatext.c: the VT100 subset getty and sh use, the
 * same as vgacon's). The keyboard's input half is the screen terminals'
 * shared one (userspace/lib/screen/screenin.h). main.c does the system
 * calls.
 */
#pragma once
#include <fbtext.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FBTERM_MAX_CELLS (480 * 135)    /* 3840x2160 in 8x16 cells */
#define FBTERM_MAX_PIXELS 16384         /* width or height */
#define FBTERM_PAGE 4096ull

/* The framebuffer as init describes it (tern/program.h's prog_fb). */
struct fbterm_fb {
	uint64_t base, size;
	uint32_t width, height, pitch, format;
};

/* Where and how much to map: [first, first + pages pages) holds the
 * pixels, the first pixel `offset` bytes into it. */
struct fbterm_map {
	uint64_t first, pages, offset;
};

struct fbterm {
	struct fbtext text;
	uint16_t cells[FBTERM_MAX_CELLS], drawn[FBTERM_MAX_CELLS];
};

/* Is this a framebuffer we can draw on (32-bit RGBX/BGRX, sane sizes, at
 * most max_pages to map)? 0 and *map filled, or why not. */
const char *fbterm_check_fb(const struct fbterm_fb *fb, uint64_t max_pages, struct fbterm_map *map);
/* Take over the mapped framebuffer as it is: its top `kept` rows of cells
 * stay (what the kernel drew), the terminal goes on below them, and draws
 * a cursor. */
void fbterm_init(struct fbterm *t, volatile uint8_t *pixels, const struct fbterm_fb *fb, int kept);
/* Draw n bytes of the stream (on the framebuffer when it returns). */
void fbterm_write(struct fbterm *t, const void *buf, size_t n);
