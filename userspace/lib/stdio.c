/*
 * printf and friends on top of format.c. Output is gathered in a small
 * buffer and handed to stdio_write in chunks, so one printf is (almost
 * always) one write: lines from different tasks do not interleave.
 */
#include <stdio.h>
#include <string.h>
#include <tern/sys.h>

static void console_write(const char *buf, size_t len) { tern_debug_write(buf, len); }
void (*stdio_write)(const char *buf, size_t len) = console_write;

struct out {
	char buf[256];
	size_t n;
};

static void out_put(void *ctx, char c)
{
	struct out *o = ctx;
	o->buf[o->n++] = c;
	if (o->n == sizeof(o->buf)) {
		stdio_write(o->buf, o->n);
		o->n = 0;
	}
}

int vprintf(const char *fmt, va_list ap)
{
	struct out o;
	o.n = 0;
	int n = fmt_vformat(out_put, &o, fmt, ap);
	if (o.n)
		stdio_write(o.buf, o.n);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int puts(const char *s)
{
	return printf("%s\n", s);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return fmt_vsnprintf(buf, size, fmt, ap);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
