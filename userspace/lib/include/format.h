/* printf-style formatting, shared by the kernel and userspace. */
#pragma once
#include <stdarg.h>

typedef void (*fmt_sink_fn)(void *ctx, char c);

int fmt_vformat(fmt_sink_fn put, void *ctx, const char *fmt, va_list ap);
int fmt_vsnprintf(char *buf, unsigned long size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, unsigned long size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
