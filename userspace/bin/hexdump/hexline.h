/*
 * The canonical hex+ASCII format of `hexdump -C`, pure (ci/unit/
 * test_hexdump.c): 16 bytes a line, the offset in 8+ hex digits, the
 * bytes in two groups of 8, the printable ones between bars; a run of
 * lines equal to the one before is one "*" line (unless all is set); the
 * offset after the last byte ends the dump (an empty input prints nothing).
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define HEX_PER_LINE 16
#define HEX_LINE_MAX 96         /* one line with its '\n' and NUL */

struct hexdump {
	unsigned char cur[HEX_PER_LINE], prev[HEX_PER_LINE];
	size_t n;               /* bytes in cur */
	uint64_t off;           /* offset of cur[0] */
	int have_prev;          /* prev holds the last full line */
	int starred;            /* "*" printed for the run of lines like prev */
	int all;                /* -v: no "*" */
	void (*emit)(void *ctx, const char *line, size_t len);
	void *ctx;
};

/* Format one line of n (1..16) bytes at offset off into out
 * (HEX_LINE_MAX bytes); returns its length. */
size_t hex_line(char *out, uint64_t off, const unsigned char *b, size_t n);
void hd_init(struct hexdump *h, int all, void (*emit)(void *, const char *, size_t), void *ctx);
void hd_feed(struct hexdump *h, const void *data, size_t n);
void hd_finish(struct hexdump *h);
