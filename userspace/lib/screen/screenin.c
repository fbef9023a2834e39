/* The screen terminals' keyboard-input half (see screenin.h). */
#include "screenin.h"
#include "request.h"
#include <abi/error.h>
#include <abi/msg.h>
#include <proto/input.h>
#include <proto/stream.h>

void screen_in_init(struct screen_in *s)
{
	ring_init(&s->in, s->inbuf, sizeof(s->inbuf));
	readers_init(&s->readers);
	s->intr = false;
	s->intrs = 0;
}

unsigned screen_in_push(struct screen_in *s, const void *buf, size_t n)
{
	const uint8_t *b = buf;
	size_t keep = n;
	if (s->intr)
		for (size_t i = 0; i < n; i++)
			keep -= b[i] == SCREEN_INTR_BYTE;
	if (ring_free(&s->in) < keep)
		return E_BUSY;
	for (size_t i = 0; i < n; i++) {
		if (s->intr && b[i] == SCREEN_INTR_BYTE)
			s->intrs++;
		else
			ring_put(&s->in, b[i]);
	}
	return 0;
}

unsigned screen_in_check(uint64_t info, uint64_t mr0, bool input)
{
	uint64_t label = MSG_LABEL(info);
	if (input) {
		if (label != INPUT_PUSH)
			return E_BAD_SYSCALL;
		if (mr0 < 1 || mr0 > INPUT_CHUNK || MSG_LEN(info) < 1 + (mr0 + 7) / 8)
			return E_BAD_ARG;
		return 0;
	}
	return stream_request_check(info, mr0);
}
