/*
 * Who may read a port (pure logic, unit-tested in ci/unit/test_pcserial.c).
 *
 * A port's input belongs to one client at a time, its owner. Only the
 * owner's read is answered. A read from another client that arrives while
 * the owner's read is waiting has to wait too: it can neither cancel the
 * owner's read nor take the bytes typed for it, and it stays in line
 * (also when its client replaces it by a new read) until the owner ends.
 * A read that arrives while the owner is not reading (the shell runs a
 * program, and that program reads) takes the port; the old owner becomes
 * its lender and gets the port back when the new owner ends.
 *
 * init tells us when a client ends (SERVICE_CLIENT_GONE): its waiting
 * reads are dropped, and if it owned the port, the port goes back to its
 * last lender, or else to the client whose read has waited least (most
 * likely the one that just started, such as the shell getty restarts).
 *
 * A client's new read replaces its own older waiting one (a task makes one
 * call at a time, so the older caller is gone); the driver answers the
 * older one E_BUSY. COM2's clients reach the driver through its
 * forwarders with one badge, so on COM2 they count as one client.
 *
 * What this cannot tell apart: a program the shell starts and a stranger
 * whose first read happens to arrive while the shell is busy running a
 * command. That needs the shell to say whom it runs (a terminal handover,
 * as tcsetpgrp), which the stream protocol does not have yet.
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define READERS_MAX     8       /* waiting reads per port; more are refused E_BUSY */
#define READERS_LENDERS 4       /* nested owners remembered */

struct reader {
	uint64_t badge;         /* the client */
	uint64_t reply;         /* slot of its saved reply right (0 while being replaced) */
	size_t max;             /* bytes it wants at most */
};

struct readers {
	bool owned;
	uint64_t owner;                         /* badge of the owner, if owned */
	uint64_t lenders[READERS_LENDERS];      /* earlier owners, the latest last */
	unsigned nlenders;
	struct reader wait[READERS_MAX];        /* in arrival order */
	unsigned n;
	/* Bytes taken for a read whose caller had gone by the time it was
	 * answered (the kernel said E_DEAD): the next read gets them first. */
	uint8_t back[256];
	unsigned nback;
};

void readers_init(struct readers *r);
/* A read from badge arrives. *older gets the reply slot of badge's own
 * older waiting read (the driver refuses it), or 0. True if the read may
 * take bytes now; false if it must wait: then readers_wait, or
 * readers_take if the driver cannot keep it. */
bool readers_arrive(struct readers *r, uint64_t badge, uint64_t *older);
/* Keep a read that has to wait (in its client's old place in line, if it
 * replaces one): 0, or E_BUSY when the line is full. */
unsigned readers_wait(struct readers *r, uint64_t badge, uint64_t reply, size_t max);
/* Remove badge's waiting read, if any: its reply slot, or 0. */
uint64_t readers_take(struct readers *r, uint64_t badge);
/* The owner's waiting read, the only one to answer; 0 if none. */
const struct reader *readers_ready(const struct readers *r);
/* badge has ended: remove its waiting reads (their reply slots go to
 * out[], at most READERS_MAX; returns how many) and pass the port on if
 * it owned it. */
unsigned readers_gone(struct readers *r, uint64_t badge, uint64_t *out);
