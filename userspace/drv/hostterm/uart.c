/*
 * drv/pcserial's uart.h over the host terminal of PLATFORM=linux
 * (platform/linux/include/hosted/hostterm.h), so that pcserial's port.c
 * (receive ring, flow control, ^C, bursts) serves it unchanged. The
 * terminal is held by whoever maps its page (main.c does, before
 * port_init); its bytes move by host calls that tern-task answers
 * without the kernel and that never block.
 *
 * Reading: the host gives bytes in chunks, the UART interface one at a
 * time, so a small look-ahead stands in for the receive FIFO. Holding
 * reception is main.c's business (it does not arm the terminal's note
 * while port.c holds: the bytes wait in the host's input).
 * Writing: bytes collect in an output buffer, sent as one host write when
 * port.c waits for the transmitter (uart_tx_empty) or main.c flushes:
 * one host call a burst instead of one a byte.
 */
#include "hostterm.h"
#include "uart.h"
#include "../../../platform/linux/include/hosted/hostterm.h"
#include <tern/sys.h>

static uint8_t ahead[64];
static unsigned ahead_n, ahead_at;
static uint8_t out[256];
static unsigned out_n;
bool hostterm_eof;

static uint64_t hostcall(uint64_t n, const void *buf, uint64_t len)
{
	return tern_sys(n, (uint64_t)buf, len, 0, 0, 0, 0).err;
}

bool uart_probe(uint16_t base)
{
	(void)base;
	return hostcall(HOSTCALL_WRITE, out, 0) == 0;     /* E_BAD_SYSCALL unless we hold it */
}

/* Raw mode (bytes as typed, no echo, ^C a byte): the host's line
 * discipline would otherwise stand between the user and tern's own. Not a
 * terminal (a pipe, a file) stays as it is. tern-linux puts it back. */
void uart_init(uint16_t base)
{
	(void)base;
	hostcall(HOSTCALL_RAW, (void *)1, 0);
}

bool uart_rx_ready(uint16_t base)
{
	(void)base;
	if (ahead_at < ahead_n)
		return true;
	if (hostterm_eof)
		return false;
	uint64_t n = hostcall(HOSTCALL_READ, ahead, sizeof(ahead));
	if (n == HOSTCALL_EOF)
		hostterm_eof = true;
	ahead_at = 0;
	ahead_n = n == HOSTCALL_EOF || n > sizeof(ahead) ? 0 : (unsigned)n;
	return ahead_n > 0;
}

uint8_t uart_getc(uint16_t base)
{
	(void)base;
	return ahead_at < ahead_n ? ahead[ahead_at++] : 0;
}

void uart_rx_hold(uint16_t base, bool hold)
{
	(void)base, (void)hold;
}

void hostterm_flush(void)
{
	unsigned done = 0;
	while (done < out_n) {
		uint64_t n = hostcall(HOSTCALL_WRITE, out + done, out_n - done);
		if (n == 0 || n > out_n - done)
			break;          /* the host refuses: drop it rather than spin */
		done += (unsigned)n;
	}
	out_n = 0;
}

bool uart_tx_empty(uint16_t base)
{
	(void)base;
	if (out_n + UART_FIFO > sizeof(out))
		hostterm_flush();
	return true;
}

void uart_putc(uint16_t base, uint8_t c)
{
	(void)base;
	if (out_n == sizeof(out))
		hostterm_flush();
	out[out_n++] = c;
}

void uart_pause(void)
{
	tern_yield();
}
