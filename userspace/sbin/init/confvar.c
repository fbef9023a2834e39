/* ${NAME} and ${NAME:-DEFAULT} from the kernel command line (confvar.h). */
#include "confvar.h"
#include <string.h>

/* NAME's value on the command line: *val and *len, or 0 if absent. */
static int lookup(const char *cmdline, const char *name, size_t n, const char **val, size_t *len)
{
	for (const char *p = cmdline; p && *p; p++) {
		if ((p != cmdline && p[-1] != ' ') || strncmp(p, name, n) || p[n] != '=')
			continue;
		*val = p + n + 1;
		*len = 0;
		while ((*val)[*len] && (*val)[*len] != ' ')
			(*len)++;
		return 1;
	}
	return 0;
}

static int put(char *out, size_t size, size_t *o, const char *s, size_t n)
{
	if (*o + n >= size)
		return -1;
	memcpy(out + *o, s, n);
	*o += n;
	return 0;
}

int conf_expand(const char *cmdline, const char *in, char *out, size_t size)
{
	size_t o = 0;
	if (!size)
		return -1;
	while (*in) {
		if (in[0] != '$' || in[1] != '{') {
			if (put(out, size, &o, in++, 1))
				return -1;
			continue;
		}
		const char *name = in + 2, *close = strchr(name, '}');
		if (!close)
			return -1;
		const char *dflt = 0;
		size_t n = (size_t)(close - name), dn = 0;
		const char *colon = memchr(name, ':', n);
		if (colon && colon[1] == '-') {
			dflt = colon + 2;
			dn = (size_t)(close - dflt);
			n = (size_t)(colon - name);
		}
		const char *val;
		size_t len;
		if (!lookup(cmdline, name, n, &val, &len) || !len) {
			val = dflt ? dflt : "";
			len = dflt ? dn : 0;
		}
		if (put(out, size, &o, val, len))
			return -1;
		in = close + 1;
	}
	out[o] = '\0';
	return 0;
}
