/* Formatted output for tern programs. Output goes to the console hook:
 * the kernel debug console until a program points it at a stream. */
#pragma once
#include <format.h>
#include <stddef.h>

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int puts(const char *s);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* Where printf's bytes go; defaults to the kernel console. */
extern void (*stdio_write)(const char *buf, size_t len);
