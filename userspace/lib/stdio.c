/*
 * printf and friends on top of format.c. Output is gathered in a small
 * buffer and handed to stdio_write in chunks, so one printf is (almost
 * always) one write: lines from different tasks do not interleave.
 *
 * Where the bytes go (tern/program.h): printf to the program's stdout
 * stream, eprintf to its stderr; an empty slot falls back to the kernel
 * console (if the manifest gave it, else the bytes vanish), and so does
 * everything of a task not started by init. A write whose reader has gone
 * (STREAM_EPIPE: the far end of a pipe was closed) ends the program with
 * status 141, as SIGPIPE ends a Unix program: `cat big | head -1` must
 * not leave cat writing into nothing.
 */
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>
#include <tern/sys.h>

/* Does slot hold an endpoint (a stream)? Asked once per slot: the
 * standard slots do not change under a running program. */
static int stream_present(uint64_t slot)
{
	static uint8_t known[PROG_STDERR + 1], present[PROG_STDERR + 1];
	if (!prog_info)
		return 0;
	if (!known[slot]) {
		struct tern_capinfo ci;
		present[slot] = tern_cap_identify(slot, &ci) == TERN_OK && ci.type == CAP_ENDPOINT;
		known[slot] = 1;
	}
	return present[slot];
}

/* All of buf to the stream in slot (or the kernel console): len, or -error. */
static long write_to(uint64_t slot, const void *buf, size_t len)
{
	if (!stream_present(slot)) {
		tern_debug_write(buf, len);
		return (long)len;
	}
	long r = stream_write(slot, buf, len);
	if (r == -STREAM_EPIPE)
		tern_exit(STDIO_EPIPE_STATUS);
	return r;
}

static void stdout_default(const char *buf, size_t len) { write_to(PROG_STDOUT, buf, len); }
void (*stdio_write)(const char *buf, size_t len) = stdout_default;

long stdout_write(const void *buf, size_t len)
{
	return write_to(PROG_STDOUT, buf, len);
}

long stdin_read(void *buf, size_t max)
{
	if (!stream_present(PROG_STDIN))
		return 0;
	return stream_read(PROG_STDIN, buf, max);
}

int isatty(uint64_t slot)
{
	return stream_present(slot) && stream_info(slot) == STREAM_KIND_TERMINAL;
}

struct out {
	char buf[256];
	size_t n;
	void (*write)(const char *buf, size_t len);
};

static void out_put(void *ctx, char c)
{
	struct out *o = ctx;
	o->buf[o->n++] = c;
	if (o->n == sizeof(o->buf)) {
		o->write(o->buf, o->n);
		o->n = 0;
	}
}

static int out_vformat(void (*write)(const char *, size_t), const char *fmt, va_list ap)
{
	struct out o;
	o.n = 0;
	o.write = write;
	int n = fmt_vformat(out_put, &o, fmt, ap);
	if (o.n)
		write(o.buf, o.n);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return out_vformat(stdio_write, fmt, ap);
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

static void stderr_write(const char *buf, size_t len) { write_to(PROG_STDERR, buf, len); }

int veprintf(const char *fmt, va_list ap)
{
	return out_vformat(stderr_write, fmt, ap);
}

int eprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = veprintf(fmt, ap);
	va_end(ap);
	return n;
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
