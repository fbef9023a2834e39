/*
 * A terminal's ^C note (STREAM_INTR, proto/stream.h), for every terminal
 * server (pcserial's ports, vgacon's and fbcon's screen).
 *
 * A stack of registrations per terminal, at most one per client (badge):
 * the top one decides. If it holds a note (MR0 = 1: the note cap a client
 * sent, kept in a slot of ours), the server does not queue 0x03 as input
 * (port.c, vgacon's term.c count it instead) and signals that note once
 * per ^C; if it holds none (MR0 = 2: "^C is my input"), or the stack is
 * empty, ^C is input. A registration moves its client's entry to the top
 * (replacing its note); MR0 = 0 removes the caller's own entry, wherever
 * it is (another client's stays: a program cannot take ^C away from the
 * shell that registered it); an entry also ends when init says its client
 * is gone, and the one below it decides again. So a shell running a
 * second shell keeps its ^C when the inner one ends, and the inner one,
 * registered "^C is input" at its prompt, is not interrupted by the outer
 * one's registration while it edits a line. A full stack refuses a new
 * client (E_BUSY).
 *
 * A cap can only land in a slot we name before receiving, so the server
 * names one spare slot for every receive (intr_arm); a cap that came with
 * any other request, or that is refused, is deleted (intr_unused), so a
 * client sending caps cannot fill our cspace. On COM2 the cap comes
 * through pcserial's forwarders (fwd.c passes it on); COM2's clients all
 * share the forwarders' badge there, so they share one entry, any of them
 * may drop it, and no client-gone notice ends it (a new one replaces it).
 */
#pragma once
#include <stdbool.h>
#include <tern/sys.h>

#define INTR_STACK 8

struct intr_entry {
	uint64_t note;          /* slot of the note cap, 0 = ^C is input */
	uint64_t owner;         /* badge of the client that registered it */
};

struct intr {
	struct intr_entry e[INTR_STACK];        /* e[n - 1] is the top */
	unsigned n;
};

/* Before each receive: name the spare slot a sent cap lands in. */
void intr_arm(void);
/* A STREAM_INTR in m (checked by stream_request_check) for terminal t:
 * 0, or the E_* code to answer with. Keeps the received cap if accepted. */
unsigned intr_request(struct intr *t, const struct tern_msg *m);
/* After acting on a message that came with ncaps caps (its MSG_NCAPS as
 * received: the reply overwrites the info word): delete a cap that came
 * and was not kept. */
void intr_unused(unsigned ncaps);
/* Client badge ended: drop its registration, if it made t's. */
void intr_gone(struct intr *t, uint64_t badge);
/* Does the top registration hold a note (0x03 is not input)? */
static inline bool intr_on(const struct intr *t) { return t->n && t->e[t->n - 1].note != 0; }
/* Signal the registered note n times (once is enough: a note's bits do
 * not count, but n says whether at all). */
void intr_fire(struct intr *t, unsigned n);
