/*
 * Notices init sends when a program ends, to servers it must never block
 * on:
 *  - SERVICE_CLIENT_GONE (proto/service.h), as Genode's parent closes a
 *    dead child's sessions: every provider of a service the program was a
 *    client of (its manifest's services, and the service init.conf gave it
 *    as its standard streams) gets the client's badge (its program id),
 *    through init's own unbadged copy of the endpoint, so the notice
 *    arrives with badge 0 and no client can forge it (every client cap is
 *    badged with an id, and ids start at 1).
 *  - STREAM_CLOSE (proto/stream.h) on each of the program's standard
 *    streams, through init's copy of the very cap the program was given
 *    (so with its badge: the server knows which stream). Whoever spawned
 *    the program chose those caps: the server may be anyone, or nothing
 *    (a note passed as stdin just fails the send).
 *
 * Each goes out with a non-blocking send. A server that is not waiting in
 * a receive just then gets it later: the notice waits in a small queue,
 * and while anything is queued init's loop receives without blocking and,
 * when nothing came, sleeps a tick and tries again. A client-gone notice
 * to a provider that is no longer running is dropped: its next instance
 * keeps nothing of the old clients. So is a notice that a server has not
 * taken for GONE_GIVE_UP_MS: it is hung, and init must not poll for it
 * forever.
 *
 * Close notices are a spawner's to cause, as many as it likes, to a server
 * of its choosing that may never receive; client-gone notices are what
 * keeps providers' tables from filling with the dead. So when the queue is
 * full, a close notice makes room by pushing out the oldest close notice
 * (or is dropped itself), and a client-gone notice pushes out the oldest
 * close notice; a client-gone notice is never pushed out.
 */
#include "init.h"
#include <proto/service.h>
#include <proto/stream.h>
#include <stdio.h>

#define GONE_QUEUE      64
#define GONE_GIVE_UP_MS 10000

enum notice_kind { NOTICE_GONE, NOTICE_CLOSE };

struct notice {
	int kind;
	uint64_t ep;            /* GONE: init's slot of the provider's endpoint;
				 * CLOSE: init's copy of the stream (the notice's own) */
	uint64_t badge;         /* GONE: the client that ended */
	uint64_t since;         /* uptime (ns) of the first try */
};

static struct notice queue[GONE_QUEUE];
static int nqueued;

/* Is the program providing endpoint ep running (or about to be again)? */
static int provider_alive(uint64_t ep)
{
	for (int i = 0; i < MAX_PROGS; i++)
		for (int k = 0; k < MAN_MAX_CAPS && progs[i].used; k++)
			if (progs[i].endpoints[k] == ep)
				return progs[i].task || progs[i].state == INIT_RESTARTING;
	return 0;
}

/* 0 when delivered or pointless; E_WOULD_BLOCK when it must wait. */
static int notice_send(const struct notice *n)
{
	if (n->kind == NOTICE_CLOSE) {
		/* Any error but a busy server (not an endpoint, no right to
		 * send, a reply cap) ends it: the cap was never a stream. */
		struct tern_msg m = { .info = MSG_INFO(STREAM_CLOSE, 0, 0) };
		return tern_nbsend(n->ep, &m) == E_WOULD_BLOCK ? E_WOULD_BLOCK : 0;
	}
	if (!provider_alive(n->ep))
		return 0;
	struct tern_msg m = { .info = MSG_INFO(SERVICE_CLIENT_GONE, 1, 0), .mr = { n->badge } };
	int err = tern_nbsend(n->ep, &m);
	if (err && err != E_WOULD_BLOCK)
		printf("init: cannot tell a provider that id %lu ended: %s\n", n->badge, tern_strerror(err));
	return err == E_WOULD_BLOCK ? err : 0;
}

/* A notice is done with (delivered, pointless, lost): a close notice's
 * cap goes. */
static void notice_done(const struct notice *n)
{
	if (n->kind == NOTICE_CLOSE) {
		tern_cap_delete(n->ep, 0);
		slot_free(n->ep);
	}
}

/* Make room by dropping the oldest close notice; 0 if there is none. */
static int drop_oldest_close(void)
{
	int i = 0;
	while (i < nqueued && queue[i].kind != NOTICE_CLOSE)
		i++;
	if (i == nqueued)
		return 0;
	notice_done(&queue[i]);
	for (nqueued--; i < nqueued; i++)
		queue[i] = queue[i + 1];
	return 1;
}

static void notice_post(int kind, uint64_t ep, uint64_t badge)
{
	struct notice n = { kind, ep, badge, tern_uptime_ns() };
	if (notice_send(&n) != E_WOULD_BLOCK) {
		notice_done(&n);
		return;
	}
	if (nqueued == GONE_QUEUE && !drop_oldest_close()) {
		/* All client-gone notices: the new one is lost (quietly for a
		 * close notice, which a hostile spawner could repeat). */
		if (kind == NOTICE_GONE)
			printf("init: too many undelivered client notices; id %lu's is lost\n", badge);
		notice_done(&n);
		return;
	}
	queue[nqueued++] = n;
}

void gone_stream_close(uint64_t stream)
{
	notice_post(NOTICE_CLOSE, stream, 0);
}

/* Add ep to sent (once: an alias and its target are one provider); whether it was new. */
static int once(uint64_t *sent, int *nsent, uint64_t ep)
{
	for (int k = 0; k < *nsent; k++)
		if (sent[k] == ep)
			return 0;
	sent[(*nsent)++] = ep;
	return 1;
}

void gone_program(const struct prog *p)
{
	uint64_t sent[MAN_MAX_CAPS + 1];
	int nsent = 0;
	for (int i = 0; i < p->man.ncaps; i++) {
		const struct man_cap *c = &p->man.caps[i];
		uint64_t ep = c->type == MAN_ENDPOINT && c->service[0] ? service_find(c->service) : 0;
		if (ep && once(sent, &nsent, ep))
			notice_post(NOTICE_GONE, ep, p->id);
	}
	uint64_t ep = p->stdio_service[0] ? service_find(p->stdio_service) : 0;
	if (ep && once(sent, &nsent, ep))
		notice_post(NOTICE_GONE, ep, p->id);
}

/* Try every queued notice once, keeping the order of those still waiting;
 * whether some still wait. */
int gone_retry(void)
{
	int kept = 0;
	uint64_t now = tern_uptime_ns();
	for (int i = 0; i < nqueued; i++) {
		if (notice_send(&queue[i]) != E_WOULD_BLOCK) {
			notice_done(&queue[i]);
			continue;
		}
		if (now - queue[i].since < GONE_GIVE_UP_MS * 1000000ull) {
			queue[kept++] = queue[i];
			continue;
		}
		if (queue[i].kind == NOTICE_GONE)
			printf("init: a provider took no notice for %u s; id %lu's is lost\n", GONE_GIVE_UP_MS / 1000,
			       queue[i].badge);
		notice_done(&queue[i]);
	}
	nqueued = kept;
	return nqueued > 0;
}
