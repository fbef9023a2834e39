/*
 * The 16550 UART, as much of it as pcserial uses: programming the line,
 * moving bytes, switching the receive interrupt. This is the only file
 * that touches I/O ports; port.c's logic calls these, and the host unit
 * test replaces them with a simulated UART.
 */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define UART_FIFO 16            /* bytes in each of the TX and RX FIFOs */

/* Is there a UART at base? (the scratch register keeps what we write) */
bool uart_probe(uint16_t base);
/* 115200 8N1, FIFOs on (RX trigger at 14), OUT2 on so the
 * interrupt reaches the PIC, receive interrupt enabled. */
void uart_init(uint16_t base);
bool uart_rx_ready(uint16_t base);
uint8_t uart_getc(uint16_t base);
/* Hold reception (while our buffer is full) or resume it: the receive
 * interrupt goes off, and RTS drops so a sender that honours hardware
 * flow control pauses; bytes meanwhile wait in the UART's FIFO. */
void uart_rx_hold(uint16_t base, bool hold);
/* The transmit FIFO is empty: UART_FIFO bytes may be written. */
bool uart_tx_empty(uint16_t base);
void uart_putc(uint16_t base, uint8_t c);
/* Give the CPU away for a moment while the transmitter drains. */
void uart_pause(void);
