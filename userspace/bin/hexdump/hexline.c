/* hexdump -C's lines (see hexline.h). */
#include "hexline.h"
#include <string.h>

static const char hex[] = "0123456789abcdef";

/* The offset: at least 8 hex digits, more if it needs them. */
static size_t put_off(char *out, uint64_t off)
{
	int digits = 8;
	while (digits < 16 && (off >> (4 * digits)))
		digits++;
	for (int i = 0; i < digits; i++)
		out[i] = hex[(off >> (4 * (digits - 1 - i))) & 15];
	return (size_t)digits;
}

size_t hex_line(char *out, uint64_t off, const unsigned char *b, size_t n)
{
	size_t k = put_off(out, off);
	out[k++] = ' ';
	for (size_t i = 0; i < HEX_PER_LINE; i++) {
		if (i % 8 == 0)
			out[k++] = ' ';
		out[k++] = i < n ? hex[b[i] >> 4] : ' ';
		out[k++] = i < n ? hex[b[i] & 15] : ' ';
		out[k++] = ' ';
	}
	out[k++] = ' ';
	out[k++] = '|';
	for (size_t i = 0; i < n; i++)
		out[k++] = b[i] >= 0x20 && b[i] < 0x7f ? (char)b[i] : '.';
	out[k++] = '|';
	out[k++] = '\n';
	out[k] = '\0';
	return k;
}

void hd_init(struct hexdump *h, int all, void (*emit)(void *, const char *, size_t), void *ctx)
{
	memset(h, 0, sizeof(*h));
	h->all = all;
	h->emit = emit;
	h->ctx = ctx;
}

/* cur is full or the input ended: print it (or the "*" for it). */
static void flush_line(struct hexdump *h)
{
	char line[HEX_LINE_MAX];
	if (!h->all && h->n == HEX_PER_LINE && h->have_prev && !memcmp(h->cur, h->prev, HEX_PER_LINE)) {
		if (!h->starred)
			h->emit(h->ctx, "*\n", 2);
		h->starred = 1;
	} else {
		h->emit(h->ctx, line, hex_line(line, h->off, h->cur, h->n));
		h->starred = 0;
	}
	if (h->n == HEX_PER_LINE) {
		memcpy(h->prev, h->cur, HEX_PER_LINE);
		h->have_prev = 1;
	}
	h->off += h->n;
	h->n = 0;
}

void hd_feed(struct hexdump *h, const void *data, size_t n)
{
	const unsigned char *p = data;
	while (n) {
		size_t k = HEX_PER_LINE - h->n < n ? HEX_PER_LINE - h->n : n;
		memcpy(h->cur + h->n, p, k);
		h->n += k;
		p += k;
		n -= k;
		if (h->n == HEX_PER_LINE)
			flush_line(h);
	}
}

void hd_finish(struct hexdump *h)
{
	char line[24];
	if (h->n)
		flush_line(h);
	if (!h->off)
		return;
	size_t k = put_off(line, h->off);
	line[k++] = '\n';
	h->emit(h->ctx, line, k);
}
