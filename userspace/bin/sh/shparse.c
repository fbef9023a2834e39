/* The shell's word splitter (see shparse.h): one pass, one output byte per input byte at most. */
#include "shparse.h"

struct shp_out {
	char *buf;
	size_t size, n;
};

static int shp_put(struct shp_out *o, char c)
{
	if (o->n == o->size)
		return -SHP_E_TOOLONG;
	o->buf[o->n++] = c;
	return 0;
}

/* Copy one word from *sp into o, NUL-terminated; *sp ends after it. */
static int shp_word(const char **sp, struct shp_out *o)
{
	const char *s = *sp;
	int err = 0;
	while (!err && *s && *s != ' ' && *s != '\t') {
		char c = *s++;
		if (c == '\'') {
			for (; *s != '\''; s++) {
				if (!*s)
					return -SHP_E_SQUOTE;
				if ((err = shp_put(o, *s)))
					return err;
			}
			s++;
		} else if (c == '"') {
			for (; *s != '"'; s++) {
				if (!*s)
					return -SHP_E_DQUOTE;
				if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
					s++;
				if ((err = shp_put(o, *s)))
					return err;
			}
			s++;
		} else if (c == '\\') {
			if (!*s)
				return -SHP_E_ESCAPE;
			err = shp_put(o, *s++);
		} else {
			err = shp_put(o, c);
		}
	}
	*sp = s;
	return err ? err : shp_put(o, '\0');
}

int shp_split(const char *line, char *out, size_t size, const char **argv, int max)
{
	struct shp_out o = { out, size, 0 };
	int argc = 0;
	for (;;) {
		while (*line == ' ' || *line == '\t')
			line++;
		if (!*line || *line == '#')
			break;
		if (argc == max)
			return -SHP_E_TOOMANY;
		argv[argc++] = out + o.n;
		int err = shp_word(&line, &o);
		if (err)
			return err;
	}
	argv[argc] = 0;
	return argc;
}

const char *shp_strerror(int err)
{
	switch (err < 0 ? -err : err) {
	case SHP_OK: return "ok";
	case SHP_E_SQUOTE: return "unterminated '";
	case SHP_E_DQUOTE: return "unterminated \"";
	case SHP_E_ESCAPE: return "backslash at the end of the line";
	case SHP_E_TOOMANY: return "too many words";
	case SHP_E_TOOLONG: return "line too long";
	default: return "syntax error";
	}
}
