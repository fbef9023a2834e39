/*
 * One serial port as pcserial serves it: a receive ring filled from the
 * UART and emptied by STREAM_READ, with flow control instead of loss, and
 * transmission in FIFO-sized bursts. Pure logic over uart.h, so the host
 * unit test (ci/unit/test_pcserial.c) runs it against a simulated UART.
 *
 * Flow control: when the ring is full we stop taking bytes from the UART
 * (port->held): its receive interrupt goes off and the bytes wait in its
 * 16-byte FIFO; once full, QEMU holds back further input, and a sender
 * with RTS/CTS pauses. The first read that makes room resumes draining.
 * Nothing is ever overwritten or dropped by us.
 *
 * ^C: while intr is set (a STREAM_INTR note is registered, intr.h), a
 * 0x03 from the UART is not queued but counted in intrs, which main.c
 * turns into a signal.
 */
#pragma once
#include "readers.h"
#include <ring.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PORT_RX_SIZE 4096       /* ring bytes per port (a power of two) */
/* Bytes per transmit burst after THRE: one less than the FIFO, because the
 * kernel console also writes COM1 (one byte after each THRE it sees) and
 * may slip a byte in between our THRE check and our burst. */
#define PORT_TX_BURST 15
#define PORT_TX_SPINS 4096      /* LSR polls before pausing a tick */
#define PORT_INTR_BYTE 0x03     /* ^C */
#define PORT_TX_PAUSES 200      /* pauses without progress: transmitter stuck */

struct port {
	uint16_t base;
	bool present;           /* a UART answered at base */
	bool held;              /* ring full: the UART keeps the bytes for now */
	bool intr;              /* 0x03 is a ^C, not input */
	unsigned intrs;         /* ^Cs received and not yet signalled */
	struct ring rx;
	uint8_t rxbuf[PORT_RX_SIZE];
	struct readers readers; /* who may read, and the reads waiting (readers.h) */
};

/* Probe the UART at base and, if it is there, program it. */
void port_init(struct port *p, uint16_t base);
/* Move bytes from the UART into the ring until it is empty or the ring is
 * full (then hold). Returns the bytes moved. */
size_t port_rx(struct port *p);
/* Take up to max received bytes (what the UART holds too); resumes a held port. */
size_t port_read(struct port *p, void *dst, size_t max);
/* Transmit n bytes; receiving goes on while we wait for the FIFO. Returns
 * the bytes sent: n, or fewer if the transmitter is stuck. */
size_t port_write(struct port *p, const void *src, size_t n);

