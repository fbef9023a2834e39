/*
 * The stream protocol (proto/stream.h) on the caps ramfs makes: file
 * streams and pipe ends. A request's badge names the entry of the handle
 * table (handles.h); the cap is the authority, so whoever holds it may use
 * it, while the entry still counts against the client that made it.
 *
 * Decoding first: an unknown label is E_BAD_SYSCALL, a message too short
 * for its fields or asking more than STREAM_CHUNK is E_BAD_ARG, and a badge
 * naming no open stream (closed, or its slot reused since: the generation
 * differs) is STREAM_EBADF. Reading a write end or writing a read end is
 * STREAM_EBADF too, as in Unix.
 *
 * Waiting never blocks ramfs: a pipe read or write that must wait keeps
 * its reply right in a slot of ours (tern_save_reply) and is answered from
 * pipe_settle's answers when another request (or a close, or a client's
 * end) lets it go on. A waiting caller that dies meanwhile costs nothing
 * but that slot until then: its answer goes nowhere. File streams never
 * wait. A file stream's write errors are the file system's own (FS_ENOSPC).
 *
 * STREAM_DUP answers with a cap for a second entry of the same stream
 * (handle_dup), counted against the stream's maker: FS_EMFILE when that
 * maker holds its share of the table.
 */
#include "server.h"
#include <proto/stream.h>
#include <tern/program.h>

static const unsigned stream_kind_of[] = {
	[HANDLE_FILE_STREAM] = STREAM_KIND_FILE,
	[HANDLE_PIPE_READ] = STREAM_KIND_PIPE,
	[HANDLE_PIPE_WRITE] = STREAM_KIND_PIPE,
};

int stream_mint(uint64_t num, uint64_t slot)
{
	return tern_cap_mint(RAMFS_EP, 0, slot, RIGHT_WRITE, STREAM_BADGE_OWN | num, 0);
}

void stream_answer(const struct pipe_answer *a, void *ctx)
{
	(void)ctx;
	struct tern_msg m = { .mr = { a->n } };
	unsigned len = a->status ? 0 : msg_put_bytes(&m, 1, a->data, a->n);
	m.info = MSG_INFO(a->status, len, 0);
	tern_send(a->reply, &m);        /* used up, answered or not */
	slot_free(a->reply);
}

/* Answer whoever on pipe p can go on now. */
static void settle(struct pipe *p)
{
	struct pipe_answer a[PIPE_ANSWERS_MAX];
	unsigned n = pipe_settle(p, a);
	for (unsigned k = 0; k < n; k++)
		stream_answer(&a[k], 0);
}

/* Keep the reply to the current request in a slot of ours: the slot, or 0. */
static uint64_t save_reply(void)
{
	uint64_t s = slot_alloc();
	if (s && !tern_save_reply(s))
		return s;
	if (s)
		slot_free(s);
	return 0;
}

/* 0 or an E_* / STREAM_E* label. The request must be long enough. */
static unsigned check(const struct tern_msg *m)
{
	unsigned label = MSG_LABEL(m->info), len = MSG_LEN(m->info);
	switch (label) {
	case STREAM_WRITE:
		if (len < 1 || m->mr[0] > STREAM_CHUNK || len < 1 + (m->mr[0] + 7) / 8)
			return E_BAD_ARG;
		return 0;
	case STREAM_READ:
		return len < 1 || m->mr[0] > STREAM_CHUNK ? E_BAD_ARG : 0;
	case STREAM_POLL:
	case STREAM_CLOSE:
	case STREAM_INFO:
	case STREAM_DUP:
		return 0;
	default:
		return E_BAD_SYSCALL;           /* STREAM_INTR: terminals only */
	}
}

/* STREAM_READ: -1 when it waits (reply saved), else the label; *n bytes in buf. */
static long do_read(struct handle *e, uint8_t *buf, size_t max, size_t *n)
{
	long r;
	if (e->kind != HANDLE_FILE_STREAM && e->kind != HANDLE_PIPE_READ)
		r = -STREAM_EBADF;      /* a write end */
	else if (!max)
		r = 0;
	else if (e->kind == HANDLE_FILE_STREAM)
		r = handle_stream_read(e, buf, max);
	else if ((r = pipe_read(e->pipe, buf, max)) == -PIPE_WAIT) {
		uint64_t reply = save_reply();
		if (!reply)
			return E_NO_MEMORY;
		pipe_wait_read(e->pipe, reply, max);
		return -1;
	}
	if (r >= 0)
		*n = (size_t)r;
	if (e->kind == HANDLE_PIPE_READ)
		settle(e->pipe);        /* room made: a waiting writer may go on */
	return r < 0 ? -r : 0;
}

/* STREAM_WRITE: -1 when it waits (reply saved), else the label. */
static long do_write(struct handle *e, const uint8_t *buf, size_t n)
{
	long r;
	if (e->kind != HANDLE_FILE_STREAM && e->kind != HANDLE_PIPE_WRITE)
		r = -STREAM_EBADF;      /* a read end */
	else if (!n)
		r = 0;
	else if (e->kind == HANDLE_FILE_STREAM)
		r = handle_stream_write(&ramfs_tree, e, buf, n);
	else if ((r = pipe_write(e->pipe, buf, n)) == -PIPE_WAIT) {
		uint64_t reply = save_reply();
		if (!reply)
			return E_NO_MEMORY;
		pipe_wait_write(e->pipe, reply, buf, n);
		return -1;
	}
	if (e->kind == HANDLE_PIPE_WRITE)
		settle(e->pipe);        /* data came: a waiting reader may go on */
	return r < 0 ? -r : 0;
}

static uint64_t ready(const struct handle *e)
{
	if (e->kind == HANDLE_FILE_STREAM)
		return e->file->node->size > e->file->off ? e->file->node->size - e->file->off : 0;
	return e->kind == HANDLE_PIPE_READ ? pipe_ready(e->pipe) : 0;
}

bool stream_serve(struct tern_msg *m)
{
	uint8_t buf[STREAM_CHUNK];
	size_t n = 0;
	long label = check(m);
	struct handle *e = label ? 0 : handle_stream(&ramfs_handles, m->badge & ~STREAM_BADGE_OWN);
	if (!label && !e)
		label = STREAM_EBADF;
	if (label) {
		m->info = MSG_INFO(label, 0, 0);
		return true;
	}
	switch (MSG_LABEL(m->info)) {
	case STREAM_WRITE:
		n = m->mr[0];
		msg_get_bytes(m, 1, buf, n);    /* before any answer reuses the IPC buffer */
		label = do_write(e, buf, n);
		break;
	case STREAM_READ:
		label = do_read(e, buf, m->mr[0], &n);
		break;
	case STREAM_POLL:
		n = ready(e);
		break;
	case STREAM_CLOSE:
		handle_close(&ramfs_tree, e, stream_answer, 0);
		break;
	case STREAM_INFO:
		n = stream_kind_of[e->kind];
		break;
	case STREAM_DUP: {
		uint64_t num;
		long err = handle_dup(&ramfs_handles, e, &num);
		if (!err)
			err = give_streams(&num, 1);
		label = -err;
		break;
	}
	}
	if (label < 0)
		return false;           /* waiting: answered later */
	unsigned len = 0, ncaps = 0;
	if (!label) {
		m->mr[0] = n;
		len = MSG_LABEL(m->info) == STREAM_READ ? msg_put_bytes(m, 1, buf, n) : 1;
		if (MSG_LABEL(m->info) == STREAM_DUP)
			ncaps = reply_caps_out();
	}
	m->info = MSG_INFO(label, len, ncaps);
	return true;
}
