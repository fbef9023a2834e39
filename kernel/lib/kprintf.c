/* kprintf: formatted output on the kernel console. */
#include <console.h>
#include <format.h>
#include <kprintf.h>

static void console_sink(void *ctx, char c)
{
	(void)ctx;
	console_putc(c);
}

int kvprintf(const char *fmt, va_list ap)
{
	int n = fmt_vformat(console_sink, 0, fmt, ap);
	console_flush();
	return n;
}

int kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kvprintf(fmt, ap);
	va_end(ap);
	return n;
}
