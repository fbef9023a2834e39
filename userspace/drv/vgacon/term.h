/*
 * The screen terminal's state as drv/vgacon serves it (pure logic,
 * unit-tested on the host in ci/unit/test_vgacon.c): the cells drawn by
 * the kernel's screen writer (kernel/lib/vgatext.c, the VT100 subset),
 * the cursor it shares with the kernel log through the hardware cursor,
 * the input ring a keyboard driver fills (INPUT_PUSH, proto/input.h), and
 * who may read it (drv/pcserial/readers.h: the same rules as a serial
 * port's). main.c does the system calls and the port I/O.
 */
#pragma once
#include "readers.h"
#include <ring.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <vgatext.h>

#define TERM_COLS 80
#define TERM_ROWS 25
#define TERM_IN_SIZE 1024      /* input ring bytes (a power of two) */
#define TERM_INTR_BYTE 0x03    /* ^C */

struct term {
	struct vgatext vt;      /* draws straight into the screen's cells */
	uint16_t cursor_set;    /* where we last put the hardware cursor */
	bool hidden_set;        /* whether we last hid it */
	struct ring in;
	uint8_t inbuf[TERM_IN_SIZE];
	struct readers readers;
	bool intr;              /* a ^C note is registered: 0x03 is not input */
	unsigned intrs;         /* ^Cs pushed and not yet signalled */
};

/* Take over the screen as it is (the boot log stays), writing from the
 * hardware cursor's position pos (row * TERM_COLS + column); a position
 * off the screen means below the last line that is not blank. */
void term_init(struct term *t, volatile uint16_t *cells, uint16_t pos);
/* Before drawing: if the hardware cursor is not where we left it (the
 * kernel log wrote meanwhile), go on from there. */
void term_follow(struct term *t, uint16_t pos);
/* Draw n bytes of the stream. */
void term_write(struct term *t, const void *buf, size_t n);
/* After drawing: where the hardware cursor goes (and remember it). */
uint16_t term_cursor(struct term *t);
/* Keyboard input: 0 if all n bytes were taken, else E_BUSY and none were
 * (the ring is full: someone types faster than anyone reads). While intr
 * is set, each 0x03 is counted in intrs instead of queued. */
unsigned term_push(struct term *t, const void *buf, size_t n);

/* Check a request before acting on it: a stream request (proto/stream.h)
 * from a client, or, if input, an INPUT_PUSH from the keyboard's
 * endpoint. 0, or the E_* code to answer with. */
unsigned term_check(uint64_t info, uint64_t mr0, bool input);
