/* Stream requests checked before use (request.h). */
#include "request.h"
#include <abi/error.h>
#include <abi/msg.h>
#include <proto/stream.h>

unsigned stream_request_check(uint64_t info, uint64_t mr0)
{
	switch (MSG_LABEL(info)) {
	case STREAM_WRITE:
		if (mr0 > STREAM_CHUNK || MSG_LEN(info) < 1 + (mr0 + 7) / 8)
			return E_BAD_ARG;
		return 0;
	case STREAM_READ:
		return mr0 > STREAM_CHUNK ? E_BAD_ARG : 0;
	case STREAM_POLL:
	case STREAM_CLOSE:
	case STREAM_INFO:
		return 0;
	case STREAM_INTR:
		/* MR0 = 1 registers the one note cap sent with it; the cap itself
		 * (is it a note?) is intr.c's to check. MR0 = 2 takes none; a
		 * cap with a drop (MR0 = 0) is just deleted. */
		if (MSG_LEN(info) < 1 || mr0 > 2 || (mr0 == 1 && MSG_NCAPS(info) != 1) ||
		    (mr0 == 2 && MSG_NCAPS(info)))
			return E_BAD_ARG;
		return 0;
	default:
		return E_BAD_SYSCALL;
	}
}
