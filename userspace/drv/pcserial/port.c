/* A serial port's receive ring, flow control and transmission (see port.h). */
#include "port.h"
#include "uart.h"
#include <abi/error.h>
#include <abi/msg.h>
#include <proto/stream.h>

void port_init(struct port *p, uint16_t base)
{
	p->base = base;
	p->held = false;
	p->intr = false;
	p->intrs = 0;
	readers_init(&p->readers);
	ring_init(&p->rx, p->rxbuf, sizeof(p->rxbuf));
	p->present = uart_probe(base);
	if (p->present)
		uart_init(base);
}

static void port_hold(struct port *p, bool hold)
{
	if (p->held != hold)
		uart_rx_hold(p->base, hold);
	p->held = hold;
}

size_t port_rx(struct port *p)
{
	size_t n = 0;
	if (!p->present)
		return 0;
	while (uart_rx_ready(p->base)) {
		if (!ring_free(&p->rx)) {
			port_hold(p, true);
			return n;
		}
		uint8_t c = uart_getc(p->base);
		if (c == PORT_INTR_BYTE && p->intr) {
			p->intrs++;
			continue;
		}
		ring_put(&p->rx, c);
		n++;
	}
	port_hold(p, false);
	return n;
}

size_t port_read(struct port *p, void *dst, size_t max)
{
	/* Bytes below the FIFO's interrupt threshold are taken now, not after
	 * the UART's character timeout. */
	port_rx(p);
	size_t n = ring_read(&p->rx, dst, max);
	if (p->held)
		port_rx(p);
	return n;
}

size_t port_write(struct port *p, const void *src, size_t n)
{
	const uint8_t *s = src;
	size_t done = 0;
	unsigned spins = 0, pauses = 0;
	if (!p->present)
		return 0;
	while (done < n) {
		if (!uart_tx_empty(p->base)) {
			port_rx(p);
			if (++spins < PORT_TX_SPINS)
				continue;
			spins = 0;
			if (++pauses > PORT_TX_PAUSES)
				break;
			uart_pause();
			continue;
		}
		for (unsigned k = 0; k < PORT_TX_BURST && done < n; k++)
			uart_putc(p->base, s[done++]);
		spins = pauses = 0;
	}
	return done;
}

