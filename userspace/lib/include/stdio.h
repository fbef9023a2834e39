/* Formatted output for tern programs: printf to the program's stdout
 * stream, eprintf to its stderr, the kernel console when a slot is empty
 * (lib/stdio.c; tern/program.h says who fills the slots). */
#pragma once
#include <format.h>
#include <stddef.h>
#include <stdint.h>

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int puts(const char *s);
int eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int veprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* Raw bytes to stdout (all of them, or -E_* / -STREAM_E*) and from stdin
 * (1..max bytes; 0 at its end or when the slot is empty; or -error). */
long stdout_write(const void *buf, size_t len);
long stdin_read(void *buf, size_t max);
/* Is the stream in slot (PROG_STDIN, ...) a terminal? */
int isatty(uint64_t slot);

/* The exit status of a program whose stdout reader went away (128 + 13,
 * as a shell reports SIGPIPE). */
#define STDIO_EPIPE_STATUS 141

/* Where printf's bytes go; defaults to stdout as above. */
extern void (*stdio_write)(const char *buf, size_t len);
