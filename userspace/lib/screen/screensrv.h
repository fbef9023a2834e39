/*
 * The screen terminals' server, shared by drv/vgacon and drv/fbcon: the
 * same stream service as a serial port (proto/stream.h) on one endpoint,
 * the keyboard's INPUT_PUSH arriving on it too through drv/pcserial's
 * forwarders (fwd.c) with a badge no client has, and the kernel log shown
 * on the screen in turns between requests (screenlog.h).
 *
 * One thread, blocked in one receive on the endpoint, woken also by the
 * kernel log's note (`note = klog`, bound to it). Reads are served as
 * pcserial serves a port (readers.h: one owner at a time, a waiting
 * read's reply saved and answered when input arrives, a client's reads
 * dropped when init says it is gone). A push that does not fit the input
 * ring is answered E_BUSY and dropped whole. STREAM_CLOSE is answered 0
 * and changes nothing, STREAM_INFO says "terminal" named "screen", and
 * STREAM_INTR registers the screen's ^C note (pcserial/intr.h): a 0x03
 * pushed by the keyboard is then signalled, not queued. No "\n" to
 * "\r\n" translation: the screen writer's "\n" returns to the first
 * column.
 *
 * While log lines wait, the server alternates: one turn of the log (at
 * most SCREENLOG_CHUNK bytes), then up to 16 requests that are waiting (a
 * receive that does not block), so neither a flooding program nor a
 * chatty client keeps the other off the screen; and while it is still
 * behind it sleeps 10 ms after each turn. A driver runs above every
 * program, so turns back to back would starve them all, the shell that
 * wants to write on this screen included; with the rest, a flood costs
 * the screen's driver at most a turn's drawing per 10 ms, and when the
 * ring overwrites what it had no time to show, it says so.
 *
 * What is the driver's own: drawing (write, and drawn after the log was
 * put into vt's cells).
 */
#pragma once
#include "intr.h"
#include "screenin.h"
#include "screenlog.h"
#include <tern/sys.h>

struct screen_srv {
	struct screen_in in;
	struct intr intr;               /* the screen's ^C note */
	struct screenlog log;
	const volatile struct klog_ring *ring;  /* 0: no log shown */
	struct vgatext *vt;             /* the terminal's text, where log lines go */
	/* Draw n bytes a client wrote. */
	void (*write)(struct screen_srv *s, const void *buf, size_t n);
	/* The log was written into vt's cells: show it (and the cursor). */
	void (*drawn)(struct screen_srv *s);
};

/* Show the kernel log from now on: map the ring (page cap klog, at va)
 * and bind the note the kernel signals when it grows (note). Says why
 * not, once, if it cannot; nothing if console= keeps the log off the
 * screen. Call after mapping the screen (the kernel lends it then). */
void screen_srv_log(struct screen_srv *s, const char *who, uint64_t klog, uint64_t note, uint64_t va);
/* Serve ep for ever; input_badge marks the keyboard's pushes. */
_Noreturn void screen_srv_run(struct screen_srv *s, uint64_t ep, uint64_t input_badge);
