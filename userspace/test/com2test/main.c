/*
 * com2test: COM2 through drv/pcserial, both ways. It writes COM2_BYTES of
 * the paste pattern (pattern.h) to COM2 (service serial1) and reads them
 * back: serial-com2.run loops QEMU's COM2 back to itself through a FIFO.
 * A terminal sends each "\n" as "\r\n" (proto/stream.h), so it reads a
 * '\r' more a line and takes each one off before a "\n" (a '\r' anywhere
 * else stays and fails). It reports on COM1 (service serial) as
 * pastetest does (pastecheck.c, linked from test/pastetest), then asks
 * init to power off.
 */
#include "pastecheck.h"
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define SERIAL          PROG_CAP(0)
#define SERIAL1         PROG_CAP(1)
#define COM2_BYTES      16384   /* over the driver's 4 KiB ring, under the FIFO's 64 KiB */

const char paste_prog[] = "com2test";

static void to_serial(const char *s, size_t n) { stream_write(SERIAL, s, n); }

static int com2_loopback(void)
{
	printf("com2test: COM2 loopback, %d bytes\r\n", COM2_BYTES);
	/* All out first: the FIFO holds what the driver cannot take yet. */
	for (size_t i = 0; i < COM2_BYTES; i++)
		paste_buf[i] = paste_byte((uint32_t)i);
	long n = stream_write(SERIAL1, paste_buf, COM2_BYTES);
	if (n != COM2_BYTES) {
		printf("com2test: COM2 write failed: %s\r\n", n < 0 ? tern_strerror((uint64_t)-n) : "short");
		return 1;
	}
	memset(paste_buf, 0, COM2_BYTES);
	size_t lines = COM2_BYTES / PASTE_LINE, got = paste_read_all(SERIAL1, COM2_BYTES + lines), k = 0;
	for (size_t i = 0; i < got; i++)
		if (!(paste_buf[i] == '\r' && i + 1 < got && paste_buf[i + 1] == '\n'))
			paste_buf[k++] = paste_buf[i];
	return paste_check("COM2 loopback", k, COM2_BYTES);
}

int main(void)
{
	stdio_write = to_serial;
	int failed = com2_loopback();
	printf("%d passed, %d failed\r\n", !failed, failed);
	struct tern_msg m = { .info = MSG_INFO(INIT_POWEROFF, 0, 0) };
	tern_call(PROG_INIT, &m);
	return failed;
}
