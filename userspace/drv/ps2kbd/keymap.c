/* Keyboard layouts from text (keymap.h). */
#include "keymap.h"
#include <string.h>

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The length of the UTF-8 character starting with byte c (0 if c cannot start one). */
static size_t utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 :
	       (c & 0xF8) == 0xF0 ? 4 : 0;
}

/* One token [s, s+n) into out; 0 on success. */
static int token_char(char out[KEYMAP_CHAR], const char *s, size_t n)
{
	if (n == 5 && !memcmp(s, "space", 5)) {
		strcpy(out, " ");
		return 0;
	}
	if (n == 5 && !memcmp(s, "minus", 5)) {
		strcpy(out, "-");       /* "-" alone means none */
		return 0;
	}
	if (n == 1 && s[0] == '-') {
		out[0] = '\0';
		return 0;
	}
	if (!n || utf8_len((unsigned char)s[0]) != n)
		return -1;
	for (size_t i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

static int hex_code(const char *s, size_t n, unsigned *code)
{
	if (n < 3 || n > 4 || s[0] != '0' || s[1] != 'x')
		return -1;
	unsigned v = 0;
	for (size_t i = 2; i < n; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + (unsigned)d;
	}
	*code = v;
	return v < KEYMAP_KEYS ? 0 : -1;
}

static int parse_line(struct keymap *m, const char *s, const char *e)
{
	const char *tok[KEYMAP_LEVELS + 2];
	size_t len[KEYMAP_LEVELS + 2];
	int n = 0;
	const char *first = s;
	while (first < e && blank(*first))
		first++;
	if (first == e || *first == '#')
		return 0;       /* empty or a comment */
	while (s < e) {
		while (s < e && blank(*s))
			s++;
		if (s == e)
			break;
		if (n == KEYMAP_LEVELS + 1)
			return -1;      /* too many fields */
		tok[n] = s;
		while (s < e && !blank(*s))
			s++;
		len[n] = (size_t)(s - tok[n]);
		n++;
	}
	unsigned code;
	if (n < 2 || hex_code(tok[0], len[0], &code))
		return -1;
	char ch[KEYMAP_LEVELS][KEYMAP_CHAR] = { { 0 } };
	for (int i = 1; i < n; i++)
		if (token_char(ch[i - 1], tok[i], len[i]))
			return -1;
	memcpy(m->ch[code], ch, sizeof(ch));
	return 0;
}

int keymap_parse(struct keymap *m, const char *text, size_t len)
{
	memset(m, 0, sizeof(*m));
	const char *p = text, *end = text + len;
	for (int line = 1; p < end; line++) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		if (parse_line(m, p, e))
			return line;
		p = e < end ? e + 1 : end;
	}
	return 0;
}

int keymap_is_letter(const struct keymap *m, unsigned code)
{
	if (code >= KEYMAP_KEYS)
		return 0;
	const char *plain = m->ch[code][KEYMAP_PLAIN], *shift = m->ch[code][KEYMAP_SHIFT];
	unsigned char c = (unsigned char)plain[0];
	int alpha = (c >= 'a' && c <= 'z') || c >= 0x80;
	return alpha && shift[0] && strcmp(plain, shift);
}
