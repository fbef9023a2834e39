/*
 * Telling servers that a client has ended (proto/service.h), as Genode's
 * parent closes a dead child's sessions: when a program ends, every
 * provider of a service it was a client of gets SERVICE_CLIENT_GONE with
 * the client's badge (its program id), through init's own unbadged copy of
 * the endpoint, so the notice arrives with badge 0 and no client can forge
 * it (every client cap is badged with an id, and ids start at 1).
 *
 * init must never block on a server, so the notice goes out with a
 * non-blocking send. A provider that is not waiting in a receive just then
 * gets it later: the notice waits in a small queue, and while anything is
 * queued init's loop receives without blocking and, when nothing came,
 * sleeps a tick and tries again. A notice to a provider that is no longer
 * running is dropped: its next instance keeps nothing of the old clients.
 * So is one that a provider has not taken for GONE_GIVE_UP_MS: it is hung,
 * and init must not poll for it forever.
 */
#include "init.h"
#include <proto/service.h>
#include <stdio.h>

#define GONE_QUEUE      32
#define GONE_GIVE_UP_MS 10000

struct notice {
	uint64_t ep;            /* init's slot of the provider's endpoint */
	uint64_t badge;         /* the client that ended */
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
	if (!provider_alive(n->ep))
		return 0;
	struct tern_msg m = { .info = MSG_INFO(SERVICE_CLIENT_GONE, 1, 0), .mr = { n->badge } };
	int err = tern_nbsend(n->ep, &m);
	if (err && err != E_WOULD_BLOCK)
		printf("init: cannot tell a provider that id %lu ended: %s\n", n->badge, tern_strerror(err));
	return err == E_WOULD_BLOCK ? err : 0;
}

static void notice_post(uint64_t ep, uint64_t badge)
{
	struct notice n = { ep, badge, tern_uptime_ns() };
	if (notice_send(&n) != E_WOULD_BLOCK)
		return;
	if (nqueued == GONE_QUEUE) {
		printf("init: too many undelivered client notices; id %lu's is lost\n", badge);
		return;
	}
	queue[nqueued++] = n;
}

void gone_program(const struct prog *p)
{
	uint64_t sent[MAN_MAX_CAPS];
	int nsent = 0;
	for (int i = 0; i < p->man.ncaps; i++) {
		const struct man_cap *c = &p->man.caps[i];
		uint64_t ep = c->type == MAN_ENDPOINT && c->service[0] ? service_find(c->service) : 0;
		int dup = 0;
		for (int k = 0; k < nsent; k++)
			dup |= sent[k] == ep;
		if (!ep || dup)         /* an alias and its target: one notice */
			continue;
		sent[nsent++] = ep;
		notice_post(ep, p->id);
	}
}

/* Try every queued notice once, keeping the order of those still waiting;
 * whether some still wait. */
int gone_retry(void)
{
	int kept = 0;
	uint64_t now = tern_uptime_ns();
	for (int i = 0; i < nqueued; i++) {
		if (notice_send(&queue[i]) != E_WOULD_BLOCK)
			continue;
		if (now - queue[i].since < GONE_GIVE_UP_MS * 1000000ull)
			queue[kept++] = queue[i];
		else
			printf("init: a provider took no notice for %u s; id %lu's is lost\n",
			       GONE_GIVE_UP_MS / 1000, queue[i].badge);
	}
	nqueued = kept;
	return nqueued > 0;
}
