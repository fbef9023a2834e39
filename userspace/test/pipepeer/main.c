/*
 * pipepeer: the other end of test/pipetest's pipes; what each mode does
 * is in ../pipetest/peer.h. Its exit status is its result.
 */
#include "../pipetest/peer.h"
#include <proto/stream.h>
#include <stdlib.h>
#include <string.h>
#include <tern/program.h>

#define PEER_PARENT PROG_CAP(0)

/* The pipe end pipetest hands us, in a slot of ours (0 if none came). */
static uint64_t get_end(void)
{
	uint64_t slot = slot_alloc();
	struct tern_msg m = { .info = MSG_INFO(PEER_GET, 0, 0) };
	tern_ipcbuf->recv_slots[0] = slot;
	int err = tern_call(PEER_PARENT, &m);
	tern_ipcbuf->recv_slots[0] = 0;
	return !err && MSG_NCAPS(m.info) == 1 ? slot : 0;
}

static int do_write(uint64_t end, uint64_t total)
{
	uint8_t buf[STREAM_CHUNK];
	uint64_t done = 0;
	for (uint64_t k = 0; done < total; k++) {
		uint64_t n = peer_chunk(k);
		if (n > total - done)
			n = total - done;
		for (uint64_t i = 0; i < n; i++)
			buf[i] = peer_byte(done + i);
		if (stream_write(end, buf, n) != (long)n)
			return 2;
		done += n;
	}
	return stream_close(end) ? 3 : 0;
}

int main(int argc, const char **argv)
{
	if (argc < 2)
		return 99;
	uint64_t end = get_end();
	if (!end)
		return 98;
	if (!strcmp(argv[1], "write") && argc > 2)
		return do_write(end, strtoul(argv[2], 0, 10));
	if (!strcmp(argv[1], "read1")) {
		uint8_t c;
		long n = stream_read(end, &c, 1);
		return n == 1 ? c : (int)(1000 + (n < 0 ? -n : 0));
	}
	if (!strcmp(argv[1], "close") && argc > 2) {
		tern_sleep_ms(strtoul(argv[2], 0, 10));
		return stream_close(end) ? 3 : 0;
	}
	return 97;
}
