/*
 * 16550 UARTs for the kernel console (COM1, COM2): 115200 8N1, polled
 * output. Userspace has its own driver (drv/pcserial) for the UARTs.
 * Newlines are sent as CR LF so a plain terminal shows them right.
 */
#include <arch/cpu.h>
#include <console.h>

void serial_init(uint16_t port)
{
	outb(port + 1, 0x00);   /* no interrupts from the kernel's side */
	outb(port + 3, 0x80);   /* DLAB on */
	outb(port + 0, 0x01);   /* divisor 1: 115200 baud */
	outb(port + 1, 0x00);
	outb(port + 3, 0x03);   /* 8N1 */
	outb(port + 2, 0xC7);   /* FIFO on, cleared, 14-byte threshold */
	outb(port + 4, 0x03);   /* DTR | RTS */
}

static void serial_raw(uint16_t port, char c)
{
	/* Bounded wait: a missing UART must not hang the kernel. */
	for (int i = 0; i < 100000 && !(inb(port + 5) & 0x20); i++)
		;
	outb(port, (uint8_t)c);
}

void serial_putc(uint16_t port, char c)
{
	if (c == '\n')
		serial_raw(port, '\r');
	serial_raw(port, c);
}
