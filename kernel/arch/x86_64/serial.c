/*
 * COM1 console: 115200 8N1, polled output. This is the kernel's only output
 * device; userspace gets its own driver (drv/pcserial) for the UARTs.
 * Newlines are sent as CR LF so a plain terminal shows them right.
 */
#include <arch/cpu.h>
#include <console.h>

#define COM1 0x3F8

void serial_init(void)
{
	outb(COM1 + 1, 0x00);   /* no interrupts from the kernel's side */
	outb(COM1 + 3, 0x80);   /* DLAB on */
	outb(COM1 + 0, 0x01);   /* divisor 1: 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);   /* 8N1 */
	outb(COM1 + 2, 0xC7);   /* FIFO on, cleared, 14-byte threshold */
	outb(COM1 + 4, 0x03);   /* DTR | RTS */
}

static void serial_raw(char c)
{
	/* Bounded wait: a missing UART must not hang the kernel. */
	for (int i = 0; i < 100000 && !(inb(COM1 + 5) & 0x20); i++)
		;
	outb(COM1, (uint8_t)c);
}

static int line_start = 1;

void console_putc(char c)
{
	if (c == '\n')
		serial_raw('\r');
	serial_raw(c);
	line_start = c == '\n';
}

int console_at_line_start(void) { return line_start; }

void console_write(const char *s, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		console_putc(s[i]);
}
