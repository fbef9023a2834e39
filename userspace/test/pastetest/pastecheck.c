/*
 * Reading and checking a pasted stream (pastecheck.h), shared by
 * test/pastetest and test/com2test (com2test.mk links this file).
 */
#include "pastecheck.h"
#include <proto/stream.h>
#include <stdio.h>
#include <tern/sys.h>

uint8_t paste_buf[PASTE_BYTES];

static uint64_t fnv_step(uint64_t h, uint8_t c) { return (h ^ c) * 0x100000001B3ull; }

/* Twice it stops reading a while, so the driver's ring fills and its flow
 * control (bytes held in the UART, QEMU holding back input) is used. */
size_t paste_read_all(uint64_t ep, size_t want)
{
	size_t got = 0, pause_at[2] = { 1024, want / 2 };
	int pauses = 0;
	while (got < want) {
		if (pauses < 2 && got >= pause_at[pauses]) {
			tern_sleep_ms(200);
			pauses++;
		}
		long n = stream_read(ep, paste_buf + got, want - got);
		if (n <= 0) {
			printf("%s: read failed after %zu bytes: %s\r\n", paste_prog, got,
			       n ? tern_strerror((uint64_t)-n) : "no bytes");
			break;
		}
		got += (size_t)n;
	}
	return got;
}

int paste_check(const char *what, size_t got, size_t want)
{
	uint64_t h = 0xCBF29CE484222325ull, h_want = h;
	size_t bad = want;
	for (size_t i = 0; i < got; i++)
		h = fnv_step(h, paste_buf[i]);
	for (size_t i = 0; i < want; i++) {
		h_want = fnv_step(h_want, paste_byte((uint32_t)i));
		if (bad == want && (i >= got || paste_buf[i] != paste_byte((uint32_t)i)))
			bad = i;
	}
	printf("%s: %zu bytes fnv %016lx\r\n", paste_prog, got, h);
	if (h == h_want && got == want) {
		printf("%s: %s ok\r\n", paste_prog, what);
		return 0;
	}
	printf("%s: %s FAILED: wanted %zu bytes fnv %016lx; first difference at byte %zu\r\n",
	       paste_prog, what, want, h_want, bad);
	return 1;
}
