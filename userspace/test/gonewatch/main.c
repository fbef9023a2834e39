/*
 * gonewatch: a test service (watch.h) that is a deliberately slow
 * provider. It remembers, per client badge, how many fs handles the client
 * said it holds and whether init has reported the client gone with
 * SERVICE_CLIENT_GONE. Only a notice with badge 0 (init's own copy of our
 * endpoint) counts; the same label from a client is refused and counted
 * as forged. After each WATCH_HOLDING it sleeps before receiving again,
 * which is when its caller ends, so init finds us busy and has to queue
 * the notice and retry.
 */
#include "watch.h"
#include <proto/service.h>
#include <stdio.h>
#include <tern/program.h>
#include <tern/sys.h>

#define WATCH_EP      PROG_CAP(0)
#define WATCH_CLIENTS 32

static struct {
	uint64_t badge, held;
	int gone;
} clients[WATCH_CLIENTS];
static unsigned nclients;
static uint64_t notices, forged;

static unsigned client_of(uint64_t badge)
{
	unsigned i = 0;
	while (i < nclients && clients[i].badge != badge)
		i++;
	if (i == nclients && nclients < WATCH_CLIENTS) {
		clients[nclients].badge = badge;
		clients[nclients].held = WATCH_NONE;
		nclients++;
	}
	return i;
}

/* Act on one message; the reply's label, or -1 for a notice (no reply). */
static long handle(struct tern_msg *m, unsigned *len)
{
	unsigned c;
	switch (MSG_LABEL(m->info)) {
	case SERVICE_CLIENT_GONE:
		if (m->badge != SERVICE_INIT_BADGE) {
			forged++;
			return E_NO_RIGHTS;
		}
		notices++;
		if ((c = client_of(m->mr[0])) < WATCH_CLIENTS)
			clients[c].gone = 1;
		printf("gonewatch: init says client %lu is gone\n", m->mr[0]);
		return -1;
	case WATCH_HOLDING:
		if ((c = client_of(m->badge)) < WATCH_CLIENTS)
			clients[c].held = m->mr[0];
		return 0;
	case WATCH_QUERY:
		c = client_of(m->mr[0]);
		m->mr[0] = c < WATCH_CLIENTS ? clients[c].held : WATCH_NONE;
		m->mr[1] = c < WATCH_CLIENTS ? (uint64_t)clients[c].gone : 0;
		*len = 2;
		return 0;
	case WATCH_GONE:
		m->mr[0] = notices;
		m->mr[1] = forged;
		*len = 2;
		return 0;
	default:
		return E_BAD_SYSCALL;
	}
}

int main(void)
{
	struct tern_msg m;
	printf("gonewatch: watching\n");
	for (;;) {
		if (tern_recv(WATCH_EP, &m))
			continue;
		unsigned label = MSG_LABEL(m.info), len = 0;
		long r = handle(&m, &len);
		if (r < 0)
			continue;
		m.info = MSG_INFO(r, len, 0);
		tern_reply(&m);
		if (label == WATCH_HOLDING && !r)
			tern_sleep_ms(WATCH_BUSY_MS);
	}
}
