/*
 * Basic regular expressions: compile to an NFA program, run it as a Pike
 * VM (regex.h says what is supported and why it is safe).
 *
 * The program: RE_CHAR, RE_ANY and RE_CLASS consume a byte; RE_BOL and
 * RE_EOL assert a position; RE_SPLIT continues at both x and y, RE_JMP at
 * x; RE_MATCH ends. Jumps are relative, so a quantifier can insert a SPLIT
 * in front of the atom it applies to, and an interval can copy an atom,
 * without fixing up any target: every jump stays inside its atom or
 * lands at the start of the one after it.
 */
#include "regex.h"
#include <string.h>

enum { RE_CHAR = 1, RE_ANY, RE_CLASS, RE_BOL, RE_EOL, RE_SPLIT, RE_JMP, RE_MATCH };

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

static int emit(struct re *re, int op, int arg, int x, int y)
{
	if (re->len >= RE_PROG_MAX)
		return -1;
	re->prog[re->len++] = (struct re_inst){ (uint8_t)op, (uint8_t)arg, (int16_t)x, (int16_t)y };
	return 0;
}

/* Insert an instruction at pc, moving the rest up by one. */
static int insert(struct re *re, int pc, int op, int x, int y)
{
	if (re->len >= RE_PROG_MAX)
		return -1;
	memmove(&re->prog[pc + 1], &re->prog[pc], (size_t)(re->len - pc) * sizeof(re->prog[0]));
	re->len++;
	re->prog[pc] = (struct re_inst){ (uint8_t)op, 0, (int16_t)x, (int16_t)y };
	return 0;
}

/* atom[s, len) repeated any number of times. */
static int star(struct re *re, int s)
{
	int n = re->len - s;
	if (insert(re, s, RE_SPLIT, 1, n + 2))
		return -1;
	return emit(re, RE_JMP, 0, s - re->len, 0);
}

/* atom[s, s + n) made optional. */
static int optional(struct re *re, int s, int n)
{
	return insert(re, s, RE_SPLIT, 1, n + 1);
}

/* atom[s, len) repeated lo..hi times (hi < 0: no upper bound). */
static int interval(struct re *re, int s, int lo, int hi)
{
	int n = re->len - s;
	if (hi == 0) {
		re->len = s;
		return 0;
	}
	int copies = hi < 0 ? lo + 1 : hi;
	if (copies < 1)
		copies = 1;
	if (s + (long)n * copies + (copies - lo) + 1 > RE_PROG_MAX)
		return -1;              /* the copies would not fit behind what is there */
	for (int i = 1; i < copies; i++) {
		memcpy(&re->prog[re->len], &re->prog[s], (size_t)n * sizeof(re->prog[0]));
		re->len += n;
	}
	if (hi < 0)
		return star(re, s + lo * n);    /* the last copy, after lo plain ones */
	/* Copies lo..hi-1 are optional; from the last, so earlier ones stay put. */
	for (int i = copies - 1; i >= lo; i--)
		if (optional(re, s + i * n, n))
			return -1;
	return 0;
}

static void set_bit(uint8_t *set, int c) { set[(uint8_t)c >> 3] |= (uint8_t)(1u << (c & 7)); }
static int has_bit(const uint8_t *set, int c) { return set[(uint8_t)c >> 3] >> (c & 7) & 1; }

static int in_named_class(const char *name, size_t len, int c)
{
	static const char *const names[] = { "alpha", "digit", "alnum", "upper", "lower", "space",
					     "blank", "punct", "print", "graph", "cntrl", "xdigit" };
	int alpha = (c | 32) >= 'a' && (c | 32) <= 'z', digit = c >= '0' && c <= '9';
	int graph = c > ' ' && c < 127;
	for (int i = 0; i < 12; i++) {
		if (strlen(names[i]) != len || strncmp(names[i], name, len))
			continue;
		switch (i) {
		case 0: return alpha;
		case 1: return digit;
		case 2: return alpha || digit;
		case 3: return c >= 'A' && c <= 'Z';
		case 4: return c >= 'a' && c <= 'z';
		case 5: return c == ' ' || (c >= '\t' && c <= '\r');
		case 6: return c == ' ' || c == '\t';
		case 7: return graph && !alpha && !digit;
		case 8: return graph || c == ' ';
		case 9: return graph;
		case 10: return c < ' ' || c == 127;
		default: return digit || ((c | 32) >= 'a' && (c | 32) <= 'f');
		}
	}
	return -1;
}

/* A bracket expression from p (just after '['); emits RE_CLASS and
 * returns where the pattern goes on, or 0 with *err set. */
static const char *bracket(struct re *re, const char *p, int *err)
{
	if (re->ncls == RE_CLASS_MAX) {
		*err = RE_ESIZE;
		return 0;
	}
	uint8_t *set = re->cls[re->ncls];
	memset(set, 0, 32);
	int negate = *p == '^';
	if (negate)
		p++;
	for (int first = 1;; first = 0) {
		if (!*p) {
			*err = RE_EBRACK;
			return 0;
		}
		if (*p == ']' && !first)
			break;
		if (p[0] == '[' && p[1] == ':') {
			const char *end = strstr(p + 2, ":]");
			if (!end) {
				*err = RE_EBRACK;
				return 0;
			}
			for (int c = 0; c < 256; c++) {
				int in = in_named_class(p + 2, (size_t)(end - p - 2), c);
				if (in < 0) {
					*err = RE_ECTYPE;
					return 0;
				}
				if (in)
					set_bit(set, c);
			}
			p = end + 2;
			continue;
		}
		int lo = (uint8_t)*p++, hi = lo;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			hi = (uint8_t)p[1];
			p += 2;
			if (hi < lo) {
				*err = RE_ERANGE;
				return 0;
			}
		}
		for (int c = lo; c <= hi; c++)
			set_bit(set, c);
	}
	if (re->flags & RE_ICASE)
		for (int c = 'a'; c <= 'z'; c++)
			if (has_bit(set, c) || has_bit(set, upper(c))) {
				set_bit(set, c);
				set_bit(set, upper(c));
			}
	if (negate)
		for (int i = 0; i < 32; i++)
			set[i] = (uint8_t)~set[i];
	if (emit(re, RE_CLASS, re->ncls++, 0, 0)) {
		*err = RE_ESIZE;
		return 0;
	}
	return p + 1;
}

/* "\{lo,hi\}" from p (just after "\{"): the bounds, or 0. */
static const char *bounds(const char *p, int *lo, int *hi)
{
	int v = -1;
	*lo = -1;
	for (;; p++) {
		if (*p >= '0' && *p <= '9') {
			v = (v < 0 ? 0 : v) * 10 + (*p - '0');
			if (v > RE_DUP_MAX)
				return 0;
		} else if (*p == ',' && *lo < 0) {
			*lo = v < 0 ? 0 : v;    /* "\{,m\}" is "\{0,m\}", as GNU has it */
			v = -1;
		} else if (p[0] == '\\' && p[1] == '}') {
			if (*lo < 0) {
				if (v < 0)
					return 0;
				*lo = *hi = v;
			} else {
				*hi = v;        /* -1: "\{n,\}" */
			}
			return *hi >= 0 && *hi < *lo ? 0 : p + 2;
		} else {
			return 0;
		}
	}
}

int re_compile(struct re *re, const char *pat, int flags)
{
	int groups[RE_GROUP_MAX], ngroups = 0;
	int atom = -1;          /* where the last quantifiable atom starts */
	int err = RE_OK;
	int begin = 1;          /* at the start of the pattern or of a group */
	re->len = 0;
	re->ncls = 0;
	re->flags = flags;
	const char *p = pat;
	while (*p) {
		int start = re->len, r = 0, was_begin = begin;
		char c = *p++;
		begin = 0;
		if ((c == '^' && was_begin) || (c == '$' && (!*p || (p[0] == '\\' && p[1] == ')')))) {
			if (emit(re, c == '^' ? RE_BOL : RE_EOL, 0, 0, 0))
				return RE_ESIZE;
			atom = -1;      /* an anchor is not repeated: "^*" is a literal star */
			continue;
		}
		if (c == '*' && atom >= 0) {
			if (star(re, atom))
				return RE_ESIZE;
			continue;
		}
		if (c == '[') {
			p = bracket(re, p, &err);
			if (!p)
				return err;
			atom = start;
			continue;
		}
		if (c == '.') {
			r = emit(re, RE_ANY, 0, 0, 0);
		} else if (c == '\\') {
			c = *p++;
			if (!c)
				return RE_EESCAPE;
			if (c == '(') {
				if (ngroups == RE_GROUP_MAX)
					return RE_ESIZE;
				groups[ngroups++] = re->len;
				atom = -1;
				begin = 1;
				continue;
			}
			if (c == ')') {
				if (!ngroups)
					return RE_EPAREN;
				atom = groups[--ngroups];
				continue;
			}
			if (c == '{' || c == '+' || c == '?') {
				if (atom < 0 && c == '{')
					return RE_EBRACE;
				if (atom < 0) {         /* nothing to repeat: a plain + or ? */
					if (emit(re, RE_CHAR, (uint8_t)c, 0, 0))
						return RE_ESIZE;
					atom = start;
					continue;
				}
				int lo = 0, hi = -1;
				if (c == '{') {
					p = bounds(p, &lo, &hi);
					if (!p)
						return RE_EBRACE;
				} else if (c == '+') {
					lo = 1;
				} else {
					hi = 1;
				}
				if (interval(re, atom, lo, hi))
					return RE_ESIZE;
				continue;
			}
			if (c >= '1' && c <= '9')
				return RE_ESUBREG;
			r = emit(re, RE_CHAR, (uint8_t)c, 0, 0);
		} else {
			r = emit(re, RE_CHAR, (uint8_t)c, 0, 0);
		}
		if (r)
			return RE_ESIZE;
		atom = start;
	}
	if (ngroups)
		return RE_EPAREN;
	if (emit(re, RE_MATCH, 0, 0, 0))
		return RE_ESIZE;
	return RE_OK;
}

/* Add pc and what it reaches without consuming a byte, at position pos,
 * to list (n entries); 1 if that reaches RE_MATCH. */
static int add(struct re *re, uint16_t *list, int *n, int pc, size_t pos, size_t len)
{
	int sp = 0;
	if (re->mark[pc] == re->step)
		return 0;
	re->mark[pc] = re->step;
	re->stack[sp++] = (uint16_t)pc;
	while (sp) {
		pc = re->stack[--sp];
		const struct re_inst *in = &re->prog[pc];
		int next[2], k = 0;
		switch (in->op) {
		case RE_MATCH:
			return 1;
		case RE_JMP:
			next[k++] = pc + in->x;
			break;
		case RE_SPLIT:
			next[k++] = pc + in->x;
			next[k++] = pc + in->y;
			break;
		case RE_BOL:
			if (pos == 0)
				next[k++] = pc + 1;
			break;
		case RE_EOL:
			if (pos == len)
				next[k++] = pc + 1;
			break;
		default:
			list[(*n)++] = (uint16_t)pc;
			break;
		}
		for (int i = 0; i < k; i++)
			if (re->mark[next[i]] != re->step) {
				re->mark[next[i]] = re->step;
				re->stack[sp++] = (uint16_t)next[i];
			}
	}
	return 0;
}

static int consumes(const struct re *re, const struct re_inst *in, uint8_t c)
{
	switch (in->op) {
	case RE_CHAR:
		return re->flags & RE_ICASE ? lower(in->arg) == lower(c) : in->arg == c;
	case RE_ANY:
		return 1;
	default:
		return has_bit(re->cls[in->arg], c);
	}
}

int re_match(struct re *re, const char *s, size_t len)
{
	uint16_t *cur = re->list[0], *nxt = re->list[1];
	int ncur = 0;
	memset(re->mark, 0, sizeof(re->mark));
	re->step = 1;
	if (add(re, cur, &ncur, 0, 0, len))
		return 1;
	for (size_t i = 0; i < len; i++) {
		int nnxt = 0;
		re->step++;
		for (int t = 0; t < ncur; t++) {
			int pc = cur[t];
			if (consumes(re, &re->prog[pc], (uint8_t)s[i]) && add(re, nxt, &nnxt, pc + 1, i + 1, len))
				return 1;
		}
		if (add(re, nxt, &nnxt, 0, i + 1, len))         /* a match may start here */
			return 1;
		uint16_t *t = cur;
		cur = nxt;
		nxt = t;
		ncur = nnxt;
	}
	return 0;
}

const char *re_strerror(int err)
{
	switch (err) {
	case RE_OK: return "success";
	case RE_EBRACK: return "unmatched [";
	case RE_EPAREN: return "unmatched \\( or \\)";
	case RE_EBRACE: return "invalid interval \\{\\}";
	case RE_ERANGE: return "invalid range end";
	case RE_ECTYPE: return "unknown character class";
	case RE_EESCAPE: return "trailing backslash";
	case RE_ESUBREG: return "back-references are not supported";
	case RE_ESIZE: return "pattern too large";
	default: return "invalid pattern";
	}
}
