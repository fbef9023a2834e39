/*
 * pastetest: does input through drv/pcserial arrive whole, in order?
 *
 *   pastetest        prints "pastetest: ready" on COM1 (service serial),
 *                    then reads exactly PASTE_BYTES bytes from it: the
 *                    scenario serial-paste.run pastes build/ci/paste-64k.txt
 *                    at QEMU's full speed once it sees "ready".
 *   pastetest com2   writes COM2_BYTES of the same pattern to COM2
 *                    (serial1) and reads them back: serial-com2.run loops
 *                    QEMU's COM2 back to itself through a FIFO. A terminal
 *                    sends each "\n" as "\r\n" (proto/stream.h), so it
 *                    reads a '\r' more a line and takes each one off
 *                    before a "\n" (a '\r' anywhere else stays and fails).
 *
 * Either way it compares what came with pattern.h (count, FNV-1a 64 and
 * the first differing byte), prints that and "N passed, N failed" on
 * COM1, and asks init to power off. Before the paste it also checks that
 * malformed requests are refused with an error label.
 */
#include "pattern.h"
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define SERIAL          PROG_CAP(0)
#define SERIAL1         PROG_CAP(1)
#define COM2_BYTES      16384   /* over the driver's 4 KiB ring, under the FIFO's 64 KiB */

static uint8_t buf[PASTE_BYTES];

static void to_serial(const char *s, size_t n) { stream_write(SERIAL, s, n); }

static uint64_t fnv_step(uint64_t h, uint8_t c) { return (h ^ c) * 0x100000001B3ull; }

/* Read exactly want bytes from ep into buf; returns how many came. Twice
 * it stops reading a while, so the driver's ring fills and its flow
 * control (bytes held in the UART, QEMU holding back input) is used. */
static size_t read_all(uint64_t ep, size_t want)
{
	size_t got = 0, pause_at[2] = { 1024, want / 2 };
	int pauses = 0;
	while (got < want) {
		if (pauses < 2 && got >= pause_at[pauses]) {
			tern_sleep_ms(200);
			pauses++;
		}
		long n = stream_read(ep, buf + got, want - got);
		if (n <= 0) {
			printf("pastetest: read failed after %zu bytes: %s\r\n", got,
			       n ? tern_strerror((uint64_t)-n) : "no bytes");
			break;
		}
		got += (size_t)n;
	}
	return got;
}

/* Compare buf[0..got) with the first want bytes of the pattern. */
static int check(const char *what, size_t got, size_t want)
{
	uint64_t h = 0xCBF29CE484222325ull, h_want = h;
	size_t bad = want;
	for (size_t i = 0; i < got; i++)
		h = fnv_step(h, buf[i]);
	for (size_t i = 0; i < want; i++) {
		h_want = fnv_step(h_want, paste_byte((uint32_t)i));
		if (bad == want && (i >= got || buf[i] != paste_byte((uint32_t)i)))
			bad = i;
	}
	printf("pastetest: %zu bytes fnv %016lx\r\n", got, h);
	if (h == h_want && got == want) {
		printf("pastetest: %s ok\r\n", what);
		return 0;
	}
	printf("pastetest: %s FAILED: wanted %zu bytes fnv %016lx; first difference at byte %zu\r\n",
	       what, want, h_want, bad);
	return 1;
}

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
	return check("paste", read_all(SERIAL, PASTE_BYTES), PASTE_BYTES);
}

static int com2_loopback(void)
{
	printf("pastetest: COM2 loopback, %d bytes\r\n", COM2_BYTES);
	/* All out first: the FIFO holds what the driver cannot take yet. */
	for (size_t i = 0; i < COM2_BYTES; i++)
		buf[i] = paste_byte((uint32_t)i);
	long n = stream_write(SERIAL1, buf, COM2_BYTES);
	if (n != COM2_BYTES) {
		printf("pastetest: COM2 write failed: %s\r\n", n < 0 ? tern_strerror((uint64_t)-n) : "short");
		return 1;
	}
	memset(buf, 0, COM2_BYTES);
	size_t lines = COM2_BYTES / PASTE_LINE, got = read_all(SERIAL1, COM2_BYTES + lines), k = 0;
	for (size_t i = 0; i < got; i++)
		if (!(buf[i] == '\r' && i + 1 < got && buf[i + 1] == '\n'))
			buf[k++] = buf[i];
	return check("COM2 loopback", k, COM2_BYTES);
}

int main(int argc, const char **argv)
{
	stdio_write = to_serial;
	int failed = argc > 1 && !strcmp(argv[1], "com2") ? com2_loopback() : paste();
	printf("%d passed, %d failed\r\n", !failed, failed);
	struct tern_msg m = { .info = MSG_INFO(INIT_POWEROFF, 0, 0) };
	tern_call(PROG_INIT, &m);
	return failed;
}
