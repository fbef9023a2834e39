/*
 * The byte-stream protocol (served by drv/pcserial, used by getty, sh and
 * any program that talks to a terminal). Labels of requests; replies carry
 * the status in the label (0 = ok, else an E_* / STREAM_E* code).
 *
 *   STREAM_WRITE  MR0 = n (<= STREAM_CHUNK), bytes from MR1.
 *                 Reply MR0 = bytes taken (all of them, possibly after
 *                 waiting for the transmitter).
 *   STREAM_READ   MR0 = max (<= STREAM_CHUNK). The reply comes once at
 *                 least one byte is there: MR0 = n, bytes from MR1.
 *                 The input goes to one client at a time: while another
 *                 client's read waits, ours waits behind it (it is never
 *                 cancelled by someone else's read). A new read of ours
 *                 replaces our own older one, which is answered E_BUSY.
 *                 (pcserial's rules: drv/pcserial/readers.h.)
 *   STREAM_POLL   Reply MR0 = bytes ready to read now (never waits).
 */
#pragma once
#include <tern/msgbuf.h>

enum stream_method {
	STREAM_WRITE = 1,
	STREAM_READ,
	STREAM_POLL,
};

#define STREAM_CHUNK 256

/* Client stubs (lib/stream.c). Return bytes moved, or -E_* on failure. */
long stream_write(uint64_t ep, const void *buf, size_t n);
long stream_read(uint64_t ep, void *buf, size_t max);
long stream_poll(uint64_t ep);
/* Write text for a terminal: each '\n' goes out as "\r\n". */
long stream_write_text(uint64_t ep, const char *s, size_t n);
