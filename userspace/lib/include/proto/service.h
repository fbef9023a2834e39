/*
 * Messages init sends to every provider of a service (see docs/manifest.md),
 * through init's own unbadged copy of the provider's endpoint, so they
 * arrive with badge 0: no client can send them, because every client cap
 * init hands out is badged with the client's program id (never 0).
 *
 *   SERVICE_CLIENT_GONE  MR0 = badge of a client that has ended: the
 *                        provider releases whatever it kept for it (open
 *                        files, pending reads). It is a send, not a call:
 *                        no reply. init sends it without blocking and
 *                        retries later if the provider was busy
 *                        (sbin/init/gone.c). A provider acts on it only
 *                        with badge SERVICE_INIT_BADGE; from a client it
 *                        is an unknown request.
 */
#pragma once
#include <stdbool.h>
#include <tern/msgbuf.h>

#define SERVICE_CLIENT_GONE 0x5E01
#define SERVICE_INIT_BADGE  0

/* Is m init's notice that a client ended (MR0 its badge)? Only init's
 * unbadged cap sends badge 0; from anyone else it is an unknown request. */
static inline bool service_client_gone(const struct tern_msg *m)
{
	return MSG_LABEL(m->info) == SERVICE_CLIENT_GONE && m->badge == SERVICE_INIT_BADGE &&
	       MSG_LEN(m->info) >= 1;
}
