/*
 * pastetest: does input through the serial terminal's driver (drv/pcserial
 * on a PC, drv/hostterm on PLATFORM=linux) arrive whole, in order?
 *
 * It prints "pastetest: ready" on the console (service serial), then
 * reads exactly PASTE_BYTES bytes from it: the scenario serial-paste.run
 * pastes build/ci/paste-64k.txt at full speed once it sees "ready". It
 * compares what came with pattern.h (count, FNV-1a 64 and the first
 * differing byte, pastecheck.c), prints that and "N passed, N failed",
 * and asks init to power off. Before the paste it also checks that
 * malformed requests are refused with an error label. (COM2, looped
 * back, is test/com2test's: its manifest asks for serial1, which only a
 * PC has.)
 */
#include "pastecheck.h"
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define SERIAL          PROG_CAP(0)

const char paste_prog[] = "pastetest";

static void to_serial(const char *s, size_t n) { stream_write(SERIAL, s, n); }

/* The label of the answer to a raw request, or -1 if the call failed. */
static long label_of(uint32_t label, unsigned len, uint64_t mr0)
{
	struct tern_msg m = { .info = MSG_INFO(label, len, 0), .mr = { mr0 } };
	return tern_call(SERIAL, &m) ? -1 : (long)MSG_LABEL(m.info);
}

/* Malformed requests get an error label, and the driver goes on serving. */
static int bad_requests(void)
{
	long unknown = label_of(99, 0, 0);
	long big_read = label_of(STREAM_READ, 1, STREAM_CHUNK + 1);
	long short_write = label_of(STREAM_WRITE, 2, 100);      /* announces 100 bytes, carries 8 */
	long poll = stream_poll(SERIAL);
	int ok = unknown == E_BAD_SYSCALL && big_read == E_BAD_ARG && short_write == E_BAD_ARG && poll >= 0;
	printf("pastetest: bad requests %s (labels %ld %ld %ld, poll %ld)\r\n", ok ? "refused" : "NOT refused",
	       unknown, big_read, short_write, poll);
	return !ok;
}

static int paste(void)
{
	if (bad_requests())
		return 1;
	printf("pastetest: ready\r\n");
	return paste_check("paste", paste_read_all(SERIAL, PASTE_BYTES), PASTE_BYTES);
}

int main(void)
{
	stdio_write = to_serial;
	int failed = paste();
	printf("%d passed, %d failed\r\n", !failed, failed);
	struct tern_msg m = { .info = MSG_INFO(INIT_POWEROFF, 0, 0) };
	tern_call(PROG_INIT, &m);
	return failed;
}
