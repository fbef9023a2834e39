/* A pipe's ring and waiting rules (see pipe.h). */
#include "pipe.h"
#include <string.h>

void pipe_init(struct pipe *p)
{
	memset(p, 0, sizeof(*p));
	p->readers = p->writers = 1;
}

/* Take up to max bytes off the ring. */
static size_t take(struct pipe *p, uint8_t *out, size_t max)
{
	size_t n = max < p->count ? max : p->count;
	for (size_t i = 0; i < n; i++)
		out[i] = p->buf[(p->head + i) % FS_PIPE_BUF];
	p->head = (p->head + n) % FS_PIPE_BUF;
	p->count -= n;
	return n;
}

/* Put n bytes on the ring (the caller checked the room). */
static void put(struct pipe *p, const uint8_t *in, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p->buf[(p->head + p->count + i) % FS_PIPE_BUF] = in[i];
	p->count += n;
}

long pipe_read(struct pipe *p, void *buf, size_t max)
{
	if (!p->readers)
		return -STREAM_EBADF;
	if (p->rd_reply)
		return -E_BUSY;
	if (p->count)
		return (long)take(p, buf, max);
	return p->writers ? -PIPE_WAIT : 0;
}

void pipe_wait_read(struct pipe *p, uint64_t reply, size_t max)
{
	p->rd_reply = reply;
	p->rd_max = max;
}

long pipe_write(struct pipe *p, const void *buf, size_t n)
{
	if (!p->writers)
		return -STREAM_EBADF;
	if (!p->readers)
		return -STREAM_EPIPE;
	if (p->wr_reply)
		return -E_BUSY;
	if (FS_PIPE_BUF - p->count < n)
		return -PIPE_WAIT;
	put(p, buf, n);
	return (long)n;
}

void pipe_wait_write(struct pipe *p, uint64_t reply, const void *buf, size_t n)
{
	p->wr_reply = reply;
	p->wr_n = n;
	memcpy(p->wr_data, buf, n);
}

size_t pipe_ready(const struct pipe *p)
{
	return p->count;
}

void pipe_dup(struct pipe *p, bool read)
{
	if (read)
		p->readers++;
	else
		p->writers++;
}

void pipe_close(struct pipe *p, bool read)
{
	if (read && p->readers && !--p->readers)
		p->head = p->count = 0;         /* nobody will read it */
	else if (!read && p->writers)
		p->writers--;
}

bool pipe_unused(const struct pipe *p)
{
	return !p->readers && !p->writers && !p->rd_reply && !p->wr_reply;
}

/* The waiting read, if it can be answered now. */
static bool settle_read(struct pipe *p, struct pipe_answer *a)
{
	if (!p->rd_reply)
		return false;
	a->status = 0;
	a->n = 0;
	if (!p->readers)
		a->status = STREAM_EBADF;
	else if (p->count)
		a->n = take(p, a->data, p->rd_max);
	else if (p->writers)
		return false;                   /* still nothing, still a writer */
	a->reply = p->rd_reply;
	p->rd_reply = 0;
	return true;
}

/* The waiting write, if it can be answered now. */
static bool settle_write(struct pipe *p, struct pipe_answer *a)
{
	if (!p->wr_reply)
		return false;
	a->status = 0;
	a->n = 0;
	if (!p->writers) {
		a->status = STREAM_EBADF;
	} else if (!p->readers) {
		a->status = STREAM_EPIPE;
	} else if (FS_PIPE_BUF - p->count >= p->wr_n) {
		put(p, p->wr_data, p->wr_n);
		a->n = p->wr_n;
	} else {
		return false;                   /* still no room */
	}
	a->reply = p->wr_reply;
	p->wr_reply = 0;
	return true;
}

unsigned pipe_settle(struct pipe *p, struct pipe_answer *out)
{
	unsigned k = 0;
	/* A write taken may let the read go on: read, write, read again.
	 * Each waiter is answered at most once, so k stays <= 2. */
	if (settle_read(p, &out[k]))
		k++;
	if (settle_write(p, &out[k]))
		k++;
	if (k < PIPE_ANSWERS_MAX && settle_read(p, &out[k]))
		k++;
	return k;
}
