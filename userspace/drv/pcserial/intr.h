/*
 * A terminal's ^C note (STREAM_INTR, proto/stream.h), for every terminal
 * server (pcserial's ports, vgacon's screen).
 *
 * One registration per terminal: the note cap a client sent, kept in a
 * slot of ours, and the client's badge. While it is set the server does
 * not queue 0x03 as input (port.c, vgacon's term.c count it instead) and
 * signals the note once per ^C. A new registration replaces the old one
 * (whoever made it); MR0 = 0 drops the caller's own registration (another
 * client's stays: a program cannot take ^C away from the shell that
 * registered it, only replace it as the contract allows); it also ends
 * when init says its client is gone.
 *
 * A cap can only land in a slot we name before receiving, so the server
 * names one spare slot for every receive (intr_arm); a cap that came with
 * any other request, or that is refused, is deleted (intr_unused), so a
 * client sending caps cannot fill our cspace. On COM2 the cap comes
 * through pcserial's forwarders (fwd.c passes it on); COM2's clients all
 * share the forwarders' badge there, so any of them may drop COM2's
 * registration and no client-gone notice ends it (a new one replaces it).
 */
#pragma once
#include <stdbool.h>
#include <tern/sys.h>

struct intr {
	uint64_t note;          /* slot of the registered note cap, 0 = none */
	uint64_t owner;         /* badge of the client that registered it */
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
/* Is a note registered (0x03 is not input)? */
static inline bool intr_on(const struct intr *t) { return t->note != 0; }
/* Signal the registered note n times (once is enough: a note's bits do
 * not count, but n says whether at all). */
void intr_fire(struct intr *t, unsigned n);
