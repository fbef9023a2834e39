/*
 * The kernel log on the screen terminal (pure logic, unit-tested on the
 * host in ci/unit/test_screen.c), for drv/vgacon and drv/fbcon. Once a
 * screen driver maps the screen the kernel stops drawing its log there
 * (kernel/console.c); the driver reads what comes after from the kernel's
 * log ring (abi/klog.h) and shows it, if console= puts the log on the
 * screen (the ring's KLOG_ON_SCREEN).
 *
 * Like a console printk over a tty: the log is shown as whole lines (a
 * line that has not ended yet waits for its end, unless it grows past
 * SCREENLOG_LINE), each at the start of a line, in the default colours.
 * When the cursor is inside a line (a prompt, the line being typed), that
 * line moves down below the log lines: its row is lifted out, the log
 * written where it was, and the row put back below with the cursor where
 * it was, so what the user typed stays whole and the line editor, which
 * knows nothing of it, goes on unharmed. (Only the cursor's row moves: a
 * line typed across several rows keeps its upper rows above the log.)
 *
 * Reading: the driver starts where the kernel stopped drawing
 * (screen_from) or, if it is a restarted driver, where the kernel last
 * woke the driver before it (woken): what arrived while it was dead is
 * shown, what it showed is not shown again (a few lines may be, if it
 * died busy). Each turn reads at most SCREENLOG_CHUNK bytes, so a program
 * that floods the log cannot starve the terminal (screensrv.c takes
 * requests between turns). Bytes the ring overwrote before we read them
 * (the driver was slow, or dead for long) are skipped to the next whole
 * line and said once: "... N bytes of the log lost". "\r" is dropped and
 * bytes other than printable ASCII, "\n" and "\t" show as '?': a
 * program's log line cannot move the cursor, clear the screen or recolour
 * it.
 */
#pragma once
#include <abi/klog.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <vgatext.h>

#define SCREENLOG_CHUNK 1024            /* log bytes read in one turn */
#define SCREENLOG_LINE 240              /* an unended line longer than this is shown anyway */
#define SCREENLOG_OUT (SCREENLOG_CHUNK + 64)    /* a turn's text: room for the lost notice */
#define SCREENLOG_MAX_COLS 512          /* widest screen whose typed line moves down whole */

struct screenlog {
	bool on;                /* the log goes to the screen: show it */
	uint64_t at;            /* the next byte of the log to show */
	uint64_t seen;          /* the count when the rest was found to be an unended line */
	uint64_t lost;          /* bytes overwritten before we read them, not said yet */
	bool skipping;          /* after a loss: up to the next line's start */
};

/* Follow the ring r (mapped, room bytes after its header) from where the
 * kernel stopped drawing the screen, or where a previous driver left off.
 * Returns s->on: false for a ring that is not one, or a log not on the screen. */
bool screenlog_start(struct screenlog *s, const volatile struct klog_ring *r, uint64_t room);
/* Is there something new to show (worth a turn)? */
bool screenlog_pending(const struct screenlog *s, const volatile struct klog_ring *r);
/* One turn: the next whole lines (at most SCREENLOG_CHUNK bytes of the
 * log), made safe to draw, into out (SCREENLOG_OUT bytes): its length. */
size_t screenlog_take(struct screenlog *s, const volatile struct klog_ring *r, char *out);
/* Draw n bytes of whole lines (screenlog_take's) on the terminal vt above
 * the line the cursor is on; vt's escape-sequence state and colours are
 * left as they were. */
void screenlog_show(struct vgatext *vt, const char *text, size_t n);
