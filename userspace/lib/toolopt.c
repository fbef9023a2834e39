/* Option parsing for the /bin tools (see tern/toolopt.h). */
#include "tern/toolopt.h"
#include <string.h>

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int tool_opt_next(struct tool_opt *o, int argc, const char *const *argv, const char *spec)
{
	o->arg = 0;
	if (!o->pos) {
		if (o->ind >= argc)
			return -1;
		const char *w = argv[o->ind];
		if (w[0] != '-' || !w[1])
			return -1;
		if (!strcmp(w, "--")) {
			o->ind++;
			return -1;
		}
		if (is_digit(w[1]) && strchr(spec, '#')) {
			o->arg = w + 1;
			o->ind++;
			return '#';
		}
		o->pos = 1;
	}
	const char *w = argv[o->ind];
	char c = w[o->pos++];
	const char *s = c && c != ':' && c != '#' ? strchr(spec, c) : 0;
	int last = !w[o->pos];
	if (!s) {
		o->bad = c;
		o->missing = 0;
		if (last) {
			o->pos = 0;
			o->ind++;
		}
		return '?';
	}
	if (s[1] != ':') {
		if (last) {
			o->pos = 0;
			o->ind++;
		}
		return c;
	}
	/* The argument is the rest of this word, or the next word. */
	const char *rest = w + o->pos;
	o->pos = 0;
	o->ind++;
	if (!last) {
		o->arg = rest;
		return c;
	}
	if (o->ind >= argc) {
		o->bad = c;
		o->missing = 1;
		return '?';
	}
	o->arg = argv[o->ind++];
	return c;
}

int tool_opt_count(const char *s, unsigned long *n)
{
	unsigned long v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (!is_digit(*s))
			return -1;
		unsigned long d = (unsigned long)(*s - '0');
		if (v > (~0ul - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*n = v;
	return 0;
}
