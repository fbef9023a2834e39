/*
 * The screen terminals' keyboard-input half (pure logic, unit-tested on
 * the host in ci/unit/test_screen.c), shared by drv/vgacon and drv/fbcon:
 * the input ring a keyboard driver fills (INPUT_PUSH, proto/input.h) with
 * the ^C rule (STREAM_INTR, pcserial/intr.h), who may read it
 * (drv/pcserial/readers.h: the same rules as a serial port's), and the
 * checks every request gets before it is acted on. screensrv.c serves
 * it; the drawing half is each driver's own.
 */
#pragma once
#include "readers.h"
#include <ring.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCREEN_IN_SIZE 1024     /* input ring bytes (a power of two) */
#define SCREEN_INTR_BYTE 0x03   /* ^C */

struct screen_in {
	struct ring in;
	uint8_t inbuf[SCREEN_IN_SIZE];
	struct readers readers;
	bool intr;              /* a ^C note is registered: 0x03 is not input */
	unsigned intrs;         /* ^Cs pushed and not yet signalled */
};

void screen_in_init(struct screen_in *s);
/* Keyboard input: 0 if all n bytes were taken, else E_BUSY and none were
 * (the ring is full: someone types faster than anyone reads). While intr
 * is set, each 0x03 is counted in intrs instead of queued. */
unsigned screen_in_push(struct screen_in *s, const void *buf, size_t n);
/* Check a request before acting on it: a stream request (proto/stream.h)
 * from a client, or, if input, an INPUT_PUSH from the keyboard's
 * endpoint. 0, or the E_* code to answer with. */
unsigned screen_in_check(uint64_t info, uint64_t mr0, bool input);
