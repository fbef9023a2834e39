/*
 * INI parser (syntax in ini.h). One pass over the text, line by line; each
 * line is checked whole (length, bytes) before it is split, so the rest of
 * the code can trust it. Names and values are copied into fixed buffers on
 * the stack, NUL-terminated for the handler; anything longer than a buffer
 * is an error rather than silently cut, since a cut key could mean another
 * capability. No libc: this file links into every program.
 */
#include "ini.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_name_char(char ch)
{
	unsigned char c = (unsigned char)ch;
	return c > ' ' && c < 0x7f && c != '[' && c != ']' && c != '=';
}

static void trim(const char **b, const char **e)
{
	while (*b < *e && is_blank(**b))
		(*b)++;
	while (*e > *b && is_blank((*e)[-1]))
		(*e)--;
}

/* Copy [b, e) into dst (size max + 1) if it fits. */
static bool copy_out(char *dst, size_t max, const char *b, const char *e)
{
	size_t n = (size_t)(e - b);
	if (n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		dst[i] = b[i];
	dst[n] = 0;
	return true;
}

static const char *check_name(const char *b, const char *e, const char *what_empty,
			      const char *what_bad, const char *what_long)
{
	if (b == e)
		return what_empty;
	for (const char *p = b; p < e; p++)
		if (!is_name_char(*p))
			return what_bad;
	if (e - b > INI_NAME_MAX)
		return what_long;
	return 0;
}

static const char *check_line(const char *b, const char *e)
{
	if (e - b > INI_LINE_MAX)
		return "line too long";
	for (const char *p = b; p < e; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == 0)
			return "NUL byte in text";
		if ((c < ' ' && c != '\t') || c == 0x7f)
			return "control character in text";
	}
	return 0;
}

/* b..e is a trimmed line starting with '['. */
static const char *parse_section(const char *b, const char *e, char *section)
{
	const char *close = b + 1;
	while (close < e && *close != ']')
		close++;
	if (close == e)
		return "missing ']'";
	const char *after = close + 1;
	trim(&after, &e);
	if (after != e)
		return "text after ']'";
	const char *nb = b + 1, *ne = close;
	trim(&nb, &ne);
	const char *r = check_name(nb, ne, "empty section name",
				   "bad character in section name", "section name too long");
	if (r)
		return r;
	copy_out(section, INI_NAME_MAX, nb, ne);
	return 0;
}

static const char *parse_key(const char *b, const char *e, char *key, char *value,
			     size_t *value_len)
{
	const char *eq = b;
	while (eq < e && *eq != '=')
		eq++;
	if (eq == e)
		return "key without '='";
	const char *kb = b, *ke = eq, *vb = eq + 1, *ve = e;
	trim(&kb, &ke);
	trim(&vb, &ve);
	const char *r = check_name(kb, ke, "empty key", "bad character in key", "key too long");
	if (r)
		return r;
	if (!copy_out(value, INI_VALUE_MAX, vb, ve))
		return "value too long";
	copy_out(key, INI_NAME_MAX, kb, ke);
	*value_len = (size_t)(ve - vb);
	return 0;
}

static int fail(struct ini_error *err, unsigned line, const char *reason, int ret)
{
	err->line = line;
	err->reason = reason;
	return ret;
}

int ini_parse(const char *text, size_t len, ini_handler fn, void *ctx, struct ini_error *err)
{
	char section[INI_NAME_MAX + 1], key[INI_NAME_MAX + 1], value[INI_VALUE_MAX + 1];
	bool in_section = false;
	struct ini_error ignored;
	const char *p = text, *end = len ? text + len : text;      /* NULL + 0 is UB */
	unsigned line = 0;

	if (!err)
		err = &ignored;
	err->line = 0;
	err->reason = 0;
	while (p < end) {
		const char *b = p, *e = p, *r;
		line++;
		while (e < end && *e != '\n')
			e++;
		p = e < end ? e + 1 : e;
		if (e > b && e[-1] == '\r')
			e--;
		if ((r = check_line(b, e)))
			return fail(err, line, r, INI_ESYNTAX);
		trim(&b, &e);
		if (b == e || *b == '#' || *b == ';')
			continue;
		if (*b == '[') {
			if ((r = parse_section(b, e, section)))
				return fail(err, line, r, INI_ESYNTAX);
			in_section = true;
			continue;
		}
		struct ini_item item = { section, key, value, 0, line };
		if ((r = parse_key(b, e, key, value, &item.value_len)))
			return fail(err, line, r, INI_ESYNTAX);
		if (!in_section)
			return fail(err, line, "key outside any section", INI_ESYNTAX);
		if (fn) {
			const char *why = 0;
			int ret = fn(ctx, &item, &why);
			if (ret)
				return fail(err, line, why ? why : "rejected by handler", ret);
		}
	}
	return 0;
}

void ini_kv_init(struct ini_kv_iter *it, const char *list, size_t len)
{
	it->p = list;
	it->end = len ? list + len : list;
	it->error = 0;
	it->want_item = false;
}

static int kv_fail(struct ini_kv_iter *it, const char *why)
{
	it->error = why;
	it->p = it->end;
	return -1;
}

int ini_kv_next(struct ini_kv_iter *it, struct ini_kv *kv)
{
	if (it->error)
		return -1;
	const char *b = it->p, *c = it->p;
	while (c < it->end && *c != ',')
		c++;
	const char *e = c;
	trim(&b, &e);
	if (b == e && c == it->end && !it->want_item)
		return 0;               /* end of a (possibly empty) list */
	if (b == e)
		return kv_fail(it, "empty item in list");
	const char *eq = b;
	while (eq < e && *eq != '=')
		eq++;
	if (eq == e)
		return kv_fail(it, "item without '='");
	const char *kb = b, *ke = eq, *vb = eq + 1, *ve = e;
	trim(&kb, &ke);
	trim(&vb, &ve);
	if (kb == ke)
		return kv_fail(it, "empty key in list");
	for (const char *q = kb; q < ke; q++)
		if (!is_name_char(*q))
			return kv_fail(it, "bad character in list key");
	kv->key = kb;
	kv->key_len = (size_t)(ke - kb);
	kv->val = vb;
	kv->val_len = (size_t)(ve - vb);
	it->want_item = c < it->end;    /* a ',' promises another item */
	it->p = c < it->end ? c + 1 : c;
	return 1;
}

bool ini_kv_is(const struct ini_kv *kv, const char *name)
{
	size_t i = 0;
	for (; i < kv->key_len; i++)
		if (name[i] != kv->key[i])
			return false;   /* also stops at name's NUL */
	return name[i] == 0;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

static int parse_base(const char *s, size_t len, unsigned base, uint64_t *out)
{
	uint64_t v = 0;
	if (len == 0)
		return -1;
	for (size_t i = 0; i < len; i++) {
		unsigned d = (unsigned)digit_value(s[i]);
		if (d >= base || v > (UINT64_MAX - d) / base)
			return -1;
		v = v * base + d;
	}
	*out = v;
	return 0;
}

static bool has_0x(const char *s, size_t len)
{
	return len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
}

int ini_parse_hex(const char *s, size_t len, uint64_t *out)
{
	if (has_0x(s, len))
		return parse_base(s + 2, len - 2, 16, out);
	return parse_base(s, len, 16, out);
}

int ini_parse_num(const char *s, size_t len, uint64_t *out)
{
	if (has_0x(s, len))
		return parse_base(s + 2, len - 2, 16, out);
	return parse_base(s, len, 10, out);
}
