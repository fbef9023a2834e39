/* 16550 register access (see uart.h). The ports must be enabled first
 * (IOPORT_ENABLE on the manifest's ioport caps). */
#include "uart.h"
#include <tern/portio.h>
#include <tern/sys.h>

enum uart_reg {
	UART_DATA,              /* RBR (read) / THR (write); divisor low with DLAB */
	UART_IER,               /* interrupt enable; divisor high with DLAB */
	UART_FCR,               /* FIFO control (write) / IIR (read) */
	UART_LCR,               /* line control */
	UART_MCR,               /* modem control */
	UART_LSR,               /* line status */
	UART_MSR,
	UART_SCR,               /* scratch */
};

#define IER_RX          0x01
#define LCR_8N1         0x03
#define LCR_DLAB        0x80
#define FCR_ENABLE      0x01
#define FCR_CLEAR_TX    0x04
#define FCR_TRIGGER_14  0xC0
#define MCR_DTR         0x01
#define MCR_RTS         0x02
#define MCR_OUT2        0x08    /* gates the UART's interrupt line on PCs */
#define LSR_DR          0x01    /* a received byte is waiting */
#define LSR_THRE        0x20    /* transmit FIFO empty */

bool uart_probe(uint16_t base)
{
	/* An absent UART reads 0xFF everywhere; a present one keeps both. */
	outb(base + UART_SCR, 0x5A);
	if (inb(base + UART_SCR) != 0x5A)
		return false;
	outb(base + UART_SCR, 0xA5);
	return inb(base + UART_SCR) == 0xA5;
}

void uart_init(uint16_t base)
{
	outb(base + UART_IER, 0);
	outb(base + UART_LCR, LCR_DLAB);
	outb(base + UART_DATA, 1);              /* divisor 1: 115200 baud */
	outb(base + UART_IER, 0);
	outb(base + UART_LCR, LCR_8N1);
	/* Keep what is already in the RX FIFO (typed before a restart). */
	outb(base + UART_FCR, FCR_ENABLE | FCR_CLEAR_TX | FCR_TRIGGER_14);
	outb(base + UART_MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
	inb(base + UART_LSR);                   /* clear stale line status */
	inb(base + UART_FCR);                   /* and a stale THRE interrupt (IIR) */
	outb(base + UART_IER, IER_RX);
}

bool uart_rx_ready(uint16_t base) { return inb(base + UART_LSR) & LSR_DR; }

uint8_t uart_getc(uint16_t base) { return inb(base + UART_DATA); }

void uart_rx_hold(uint16_t base, bool hold)
{
	outb(base + UART_MCR, MCR_DTR | MCR_OUT2 | (hold ? 0 : MCR_RTS));
	outb(base + UART_IER, hold ? 0 : IER_RX);
}

bool uart_tx_empty(uint16_t base) { return inb(base + UART_LSR) & LSR_THRE; }

void uart_putc(uint16_t base, uint8_t c) { outb(base + UART_DATA, c); }

void uart_pause(void) { tern_sleep_ms(1); }
