/* The loader's console (con.h). */
#include <con.h>
#include <format.h>
#include <stdarg.h>
#include <string.h>

#define COM1 0x3f8

static struct efi_system_table *con_st;
static int con_com1;            /* write COM1 ourselves */

static void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* Does the device path list (the ConOut variable) name a UART? */
static int path_has_uart(const uint8_t *p, uint64_t size)
{
	uint64_t off = 0;
	while (off + 4 <= size) {
		const struct efi_device_path *n = (const void *)(p + off);
		unsigned len = n->length[0] | n->length[1] << 8;
		if (len < 4 || len > size - off)
			return 0;
		if (n->type == EFI_DP_MESSAGING && n->subtype == EFI_DP_MESSAGING_UART)
			return 1;
		off += len;
	}
	return 0;
}

/* A 16550 answers at COM1 if its scratch register keeps what we write. */
static int com1_present(void)
{
	outb(COM1 + 7, 0x5a);
	if (inb(COM1 + 7) != 0x5a)
		return 0;
	outb(COM1 + 7, 0xa5);
	return inb(COM1 + 7) == 0xa5;
}

static void com1_init(void)
{
	outb(COM1 + 1, 0x00);           /* no interrupts */
	outb(COM1 + 3, 0x80);           /* divisor latch */
	outb(COM1 + 0, 0x01);           /* 115200 */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);           /* 8N1 */
	outb(COM1 + 2, 0xc7);           /* FIFO on, cleared */
	outb(COM1 + 4, 0x03);           /* DTR, RTS */
}

static void com1_putc(char c)
{
	for (int i = 0; i < 100000 && !(inb(COM1 + 5) & 0x20); i++)
		;
	outb(COM1, (uint8_t)c);
}

void con_init(struct efi_system_table *st)
{
	static uint8_t buf[1024];
	uint64_t size = sizeof(buf);
	uint32_t attr;
	con_st = st;
	int mirrored = st->runtime->get_variable(u"ConOut", &efi_global_variable_guid, &attr,
						 &size, buf) == EFI_SUCCESS &&
		       path_has_uart(buf, size);
	if (!mirrored && com1_present()) {
		com1_init();
		con_com1 = 1;
	}
}

struct line {
	char16 wide[160];
	int n;
};

static void flush(struct line *l)
{
	l->wide[l->n] = 0;
	if (con_st && con_st->con_out)
		con_st->con_out->output_string(con_st->con_out, l->wide);
	l->n = 0;
}

static void put(void *ctx, char c)
{
	struct line *l = ctx;
	if (c == '\n')
		put(ctx, '\r');
	l->wide[l->n++] = (unsigned char)c;
	if (c == '\n' || l->n == (int)(sizeof(l->wide) / sizeof(l->wide[0])) - 1)
		flush(l);
	if (con_com1)
		com1_putc(c);
}

void con_printf(const char *fmt, ...)
{
	struct line l = { .n = 0 };
	const char *prefix = "tern-efi: ";
	while (*prefix)
		put(&l, *prefix++);
	va_list ap;
	va_start(ap, fmt);
	fmt_vformat(put, &l, fmt, ap);
	va_end(ap);
	if (l.n)
		flush(&l);
}

int con_wait_key(unsigned seconds)
{
	struct efi_input_key key;
	if (!con_st->con_in)
		return 0;
	for (unsigned i = 0; i < seconds * 10; i++) {
		if (con_st->con_in->read_key_stroke(con_st->con_in, &key) == EFI_SUCCESS)
			return 1;
		con_st->boot->stall(100000);
	}
	return 0;
}
