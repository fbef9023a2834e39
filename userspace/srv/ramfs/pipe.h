/*
 * A pipe: a bounded ring of FS_PIPE_BUF bytes between a read end and a
 * write end, and the rules for who waits (pure code, no system calls;
 * unit-tested in ci/unit/test_ramfs.c). The server (stream_srv.c) turns
 * "wait" into a saved reply and sends the answers pipe_settle hands back.
 *
 * Waiting: a read finding the ring empty while the write end is open
 * waits; a write finding no room for all its bytes waits. A write is
 * taken whole, never in part: writes are at most STREAM_CHUNK bytes, well
 * under FS_PIPE_BUF, so each lands in the ring in one piece (atomic, as
 * POSIX promises for writes up to PIPE_BUF), and the reply's "bytes taken"
 * is always all of them, which is what stream_write expects. At most one
 * read and one write wait per pipe; another gets E_BUSY (a newer request
 * never overtakes an older one). Since a waiting read needs an empty ring
 * and a waiting write a nearly full one, they never wait at once.
 *
 * Ends closing: an end is open while any of its holders' entries is
 * (pipe_dup counts one more: STREAM_DUP). With the write end closed, a reader gets what is left and
 * then n = 0 (end of stream); with the read end closed, the ring is
 * emptied and every write, also one already waiting, gets STREAM_EPIPE.
 * A request waiting on an end that is closed under it gets STREAM_EBADF.
 *
 * Reply rights are opaque numbers here (the server's cspace slots; 0 is
 * none). After every change the server calls pipe_settle, which answers
 * whichever waiters can now be answered.
 */
#pragma once
#include "proto/fs.h"
#include "proto/stream.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PIPE_WAIT 1             /* -PIPE_WAIT: nothing to do yet, the caller must wait */

struct pipe {
	uint8_t buf[FS_PIPE_BUF];
	size_t head, count;             /* first byte, bytes held */
	unsigned readers, writers;      /* open entries of each end (0: closed) */
	uint64_t rd_reply;              /* a waiting read: its reply, 0 if none */
	size_t rd_max;
	uint64_t wr_reply;              /* a waiting write: its reply and bytes */
	size_t wr_n;
	uint8_t wr_data[STREAM_CHUNK];
};

/* What to send to a waiter: label status, and for a read n bytes of data. */
struct pipe_answer {
	uint64_t reply;
	unsigned status;
	size_t n;
	uint8_t data[STREAM_CHUNK];
};

#define PIPE_ANSWERS_MAX 2      /* one read and one write */

void pipe_init(struct pipe *p);
/* Up to max (1..STREAM_CHUNK) bytes: how many, 0 at end of stream,
 * -PIPE_WAIT (then pipe_wait_read), -E_BUSY, -STREAM_EBADF. */
long pipe_read(struct pipe *p, void *buf, size_t max);
void pipe_wait_read(struct pipe *p, uint64_t reply, size_t max);
/* All n (1..STREAM_CHUNK) bytes: n, -PIPE_WAIT (then pipe_wait_write),
 * -E_BUSY, -STREAM_EPIPE, -STREAM_EBADF. */
long pipe_write(struct pipe *p, const void *buf, size_t n);
void pipe_wait_write(struct pipe *p, uint64_t reply, const void *buf, size_t n);
/* Bytes a read would get now. */
size_t pipe_ready(const struct pipe *p);
/* One more entry holds the read end (read = true) or the write end. */
void pipe_dup(struct pipe *p, bool read);
/* An entry of the read end (read = true) or the write end is closed; the
 * end closes with its last one. */
void pipe_close(struct pipe *p, bool read);
/* Both ends closed and nobody waiting: the pipe may be freed. */
bool pipe_unused(const struct pipe *p);
/* Answer whoever can be answered now: fills out[], returns how many
 * (at most PIPE_ANSWERS_MAX); the waits answered are over. */
unsigned pipe_settle(struct pipe *p, struct pipe_answer *out);
