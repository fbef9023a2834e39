/*
 * Buffered output for the line-oriented tools (tern/tool.h): as C stdio
 * does, line buffered when stdout is a terminal (a line shows when it is
 * complete), otherwise written in whole buffers, so a tool printing many
 * short lines into a pipe or a file makes a few stream calls, not one per
 * line.
 */
#include <stdio.h>
#include <string.h>
#include <tern/tool.h>

static char obuf[1024];
static size_t on;
static int line_mode = -1;      /* unknown until the first output */

void tool_flush(void)
{
	if (on)
		stdout_write(obuf, on);
	on = 0;
}

static void put(void *ctx, char c)
{
	(void)ctx;
	obuf[on++] = c;
	if (on == sizeof(obuf))
		tool_flush();
}

static void after_output(void)
{
	if (line_mode < 0)
		line_mode = isatty(PROG_STDOUT);
	if (line_mode)
		tool_flush();
}

void tool_write(const void *buf, size_t len)
{
	const char *s = buf;
	for (size_t i = 0; i < len; i++)
		put(0, s[i]);
	after_output();
}

int tool_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = fmt_vformat(put, 0, fmt, ap);
	va_end(ap);
	after_output();
	return n;
}
