/*
 * test/pipetest and its helper test/pipepeer. Until INIT_SPAWN hands a
 * child its standard streams, pipetest passes a pipe end to a pipepeer
 * itself: the peer calls pipetest's endpoint (service "pipetest") with
 * PEER_GET and the reply carries the end.
 *
 *   pipepeer write N    writes N bytes of peer_byte(i) in chunks of
 *                       peer_chunk(i) bytes, closes its end: status 0
 *   pipepeer read1      one read: status = the first byte read (or 1000 +
 *                       the error)
 *   pipepeer close MS   waits MS ms, closes its end: status 0
 *
 * init tells pipetest, as the provider of "pipetest", when each peer has
 * ended (SERVICE_CLIENT_GONE); pipetest takes that notice after waiting
 * for the peer, so none stays queued in init. test/pipehog, the dead
 * client that held all its pipes, uses only "fs".
 */
#pragma once
#include <stdint.h>

#define PEER_GET        1
#define PEER_HOG        16      /* pipehog: 32 ends, a client's whole share of ramfs's table */

static inline uint8_t peer_byte(uint64_t i)
{
	return (uint8_t)(i * 31 + (i >> 8));
}

/* Sizes 1..STREAM_CHUNK, changing with every write. */
static inline uint64_t peer_chunk(uint64_t i)
{
	return 1 + (i * 97) % 256;
}
