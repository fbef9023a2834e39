/*
 * printf-style formatting into a character sink. Pure code with no kernel
 * dependencies so the host unit tests can check it, and so userspace can
 * build the same file. Supports %d %i %u %x %X %o %p %s %c %%, the length
 * modifiers hh h l ll z, and the flags '-', '0', width and precision
 * (precision only for strings and as a minimum digit count).
 */
#include <format.h>
#include <stddef.h>
#include <stdint.h>

struct spec {
	int left, zero, width, prec;
};

static int emit(fmt_sink_fn put, void *ctx, char c)
{
	put(ctx, c);
	return 1;
}

static int pad(fmt_sink_fn put, void *ctx, char c, int n)
{
	int out = 0;
	while (n-- > 0)
		out += emit(put, ctx, c);
	return out;
}

static int put_str(fmt_sink_fn put, void *ctx, const char *s, const struct spec *sp)
{
	int len = 0, out = 0;
	if (!s)
		s = "(null)";
	while (s[len] && (sp->prec < 0 || len < sp->prec))
		len++;
	if (!sp->left)
		out += pad(put, ctx, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		out += emit(put, ctx, s[i]);
	if (sp->left)
		out += pad(put, ctx, ' ', sp->width - len);
	return out;
}

static int put_num(fmt_sink_fn put, void *ctx, uint64_t v, int neg, unsigned base,
		   int upper, const char *prefix, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];
	int n = 0, out = 0;
	do {
		buf[n++] = digits[v % base];
		v /= base;
	} while (v);
	int ndig = n > sp->prec ? n : sp->prec;
	int plen = 0;
	while (prefix[plen])
		plen++;
	int total = ndig + plen + (neg ? 1 : 0);
	int zero = sp->zero && !sp->left && sp->prec < 0;
	if (!sp->left && !zero)
		out += pad(put, ctx, ' ', sp->width - total);
	if (neg)
		out += emit(put, ctx, '-');
	for (int i = 0; i < plen; i++)
		out += emit(put, ctx, prefix[i]);
	if (zero)
		out += pad(put, ctx, '0', sp->width - total);
	out += pad(put, ctx, '0', ndig - n);
	while (n)
		out += emit(put, ctx, buf[--n]);
	if (sp->left)
		out += pad(put, ctx, ' ', sp->width - total);
	return out;
}

int fmt_vformat(fmt_sink_fn put, void *ctx, const char *fmt, va_list ap)
{
	int out = 0;
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			out += emit(put, ctx, *fmt);
			continue;
		}
		struct spec sp = { 0, 0, 0, -1 };
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = 1;
			else if (*fmt == '0')
				sp.zero = 1;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.left = 1;
				sp.width = -sp.width;
			}
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp.width = sp.width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			sp.prec = 0;
			fmt++;
			if (*fmt == '*') {
				sp.prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				sp.prec = sp.prec * 10 + (*fmt++ - '0');
		}
		/* Length: 1 long, 2 long long, 3 size_t. They differ where long
		 * is 32 bits (the UEFI loader is built for the Windows ABI). */
		int lng = 0;
		while (*fmt == 'l' || *fmt == 'z' || *fmt == 'h') {
			if (*fmt == 'l')
				lng = lng ? 2 : 1;
			else if (*fmt == 'z')
				lng = 3;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i': {
			int64_t v = lng == 1 ? va_arg(ap, long) : lng == 2 ? va_arg(ap, long long) :
				    lng == 3 ? (int64_t)va_arg(ap, size_t) : va_arg(ap, int);
			uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
			out += put_num(put, ctx, u, v < 0, 10, 0, "", &sp);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o': {
			uint64_t v = lng == 1 ? va_arg(ap, unsigned long) :
				     lng == 2 ? va_arg(ap, unsigned long long) :
				     lng == 3 ? va_arg(ap, size_t) : va_arg(ap, unsigned int);
			unsigned base = *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16;
			out += put_num(put, ctx, v, 0, base, *fmt == 'X', "", &sp);
			break;
		}
		case 'p':
			out += put_num(put, ctx, (uint64_t)(uintptr_t)va_arg(ap, void *), 0, 16, 0, "0x", &sp);
			break;
		case 's':
			out += put_str(put, ctx, va_arg(ap, const char *), &sp);
			break;
		case 'c':
			sp.prec = -1;
			{
				char c[2] = { (char)va_arg(ap, int), 0 };
				out += put_str(put, ctx, c, &sp);
			}
			break;
		case '%':
			out += emit(put, ctx, '%');
			break;
		case '\0':
			return out;
		default:
			/* Unknown conversion: show it rather than guess. */
			out += emit(put, ctx, '%');
			out += emit(put, ctx, *fmt);
			break;
		}
	}
	return out;
}

struct buf_sink {
	char *buf;
	unsigned long size, len;
};

static void buf_put(void *ctx, char c)
{
	struct buf_sink *b = ctx;
	if (b->len + 1 < b->size)
		b->buf[b->len] = c;
	b->len++;
}

int fmt_vsnprintf(char *buf, unsigned long size, const char *fmt, va_list ap)
{
	struct buf_sink b = { buf, size, 0 };
	int n = fmt_vformat(buf_put, &b, fmt, ap);
	if (size)
		buf[b.len < size ? b.len : size - 1] = '\0';
	return n;
}

int fmt_snprintf(char *buf, unsigned long size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
