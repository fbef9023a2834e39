/* STREAM_READ with readers.c's rules (serve.h). */
#include "serve.h"
#include <proto/stream.h>
#include <string.h>
#include <tern/program.h>

/* Answer a saved reply with an error (a saved reply is used up by sending). */
static void refuse(uint64_t reply, unsigned err)
{
	struct tern_msg m = { .info = MSG_INFO(err, 0, 0) };
	tern_send(reply, &m);
	slot_free(reply);
}

/* Up to max bytes for a read: first any given back, then the source's. */
static size_t take_bytes(struct readers *r, serve_take_fn take, void *ctx, uint8_t *buf, size_t max)
{
	size_t n = r->nback < max ? r->nback : max;
	memcpy(buf, r->back, n);
	memmove(r->back, r->back + n, r->nback - n);
	r->nback -= (unsigned)n;
	return n < max ? n + take(ctx, buf + n, max - n) : n;
}

/* A read's caller had gone (killed by ^C while it waited, say): keep the
 * bytes, in front of any already kept, for whoever reads next. */
static void give_back(struct readers *r, const uint8_t *buf, size_t n)
{
	if (n > sizeof(r->back) - r->nback)
		n = sizeof(r->back) - r->nback;
	memmove(r->back + n, r->back, r->nback);
	memcpy(r->back, buf, n);
	r->nback += (unsigned)n;
}

void serve_answer(struct readers *r, serve_take_fn take, void *ctx)
{
	uint8_t buf[STREAM_CHUNK];
	for (;;) {
		const struct reader *rd = readers_ready(r);
		if (!rd)
			return;
		size_t n = take_bytes(r, take, ctx, buf, rd->max);
		if (!n)
			return;
		uint64_t reply = readers_take(r, rd->badge);
		struct tern_msg m = { .mr = { n } };
		m.info = MSG_INFO(0, msg_put_bytes(&m, 1, buf, n), 0);
		int err = tern_send(reply, &m);
		slot_free(reply);
		if (err != E_DEAD)
			return;
		give_back(r, buf, n);   /* and try the next reader, if one waits */
	}
}

bool serve_read(struct readers *r, struct tern_msg *m, serve_take_fn take, void *ctx)
{
	uint8_t buf[STREAM_CHUNK];
	size_t max = m->mr[0], n = 0;
	if (max) {
		uint64_t older;
		bool may = readers_arrive(r, m->badge, &older);
		if (older)
			refuse(older, E_BUSY);  /* the caller's own; that call is over */
		if (may)
			n = take_bytes(r, take, ctx, buf, max);
	}
	if (max && !n) {
		uint64_t s = slot_alloc();
		if (s && !tern_save_reply(s)) {
			unsigned err = readers_wait(r, m->badge, s, max);
			if (err)
				refuse(s, err);
			return false;
		}
		slot_free(s);
		readers_take(r, m->badge);
		m->info = MSG_INFO(E_NO_MEMORY, 0, 0);
		return true;
	}
	m->mr[0] = n;
	m->info = MSG_INFO(0, msg_put_bytes(m, 1, buf, n), 0);
	return true;
}

void serve_gone(struct readers *r, uint64_t badge, serve_take_fn take, void *ctx)
{
	uint64_t replies[READERS_MAX];
	unsigned n = readers_gone(r, badge, replies);
	for (unsigned k = 0; k < n; k++) {
		tern_cap_delete(replies[k], 0);
		slot_free(replies[k]);
	}
	serve_answer(r, take, ctx);
}
