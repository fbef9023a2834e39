/*
 * The screen terminal's state as drv/vgacon serves it (pure logic,
 * unit-tested on the host in ci/unit/test_vgacon.c): the cells drawn by
 * the kernel's screen writer (kernel/lib/vgatext.c, the VT100 subset),
 * and the hardware cursor, which the kernel picks up where we left it
 * when a panic takes the screen back. The keyboard's input half is the
 * screen terminals' shared one (userspace/lib/screen/screenin.h). main.c
 * does the system calls and the port I/O.
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <vgatext.h>

#define TERM_COLS 80
#define TERM_ROWS 25

struct term {
	struct vgatext vt;      /* draws straight into the screen's cells */
	uint16_t cursor_set;    /* where we last put the hardware cursor */
	bool hidden_set;        /* whether we last hid it */
};

/* Take over the screen as it is (the boot log stays), writing from the
 * hardware cursor's position pos (row * TERM_COLS + column); a position
 * off the screen means below the last line that is not blank. */
void term_init(struct term *t, volatile uint16_t *cells, uint16_t pos);
/* Draw n bytes of the stream. */
void term_write(struct term *t, const void *buf, size_t n);
/* After drawing: where the hardware cursor goes (and remember it). */
uint16_t term_cursor(struct term *t);
