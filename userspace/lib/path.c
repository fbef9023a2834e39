/* Making paths absolute and canonical (see path.h). */
#include "tern/path.h"
#include <string.h>

/* Append the components of p to out[0, *len), which holds "" or "/a/b". */
static int path_add(char *out, size_t *len, size_t size, const char *p)
{
	while (*p) {
		while (*p == '/')
			p++;
		size_t n = 0;
		while (p[n] && p[n] != '/')
			n++;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (*len && out[--*len] != '/')
				;
		} else if (n && !(n == 1 && p[0] == '.')) {
			if (*len + 1 + n + 1 > size)
				return -1;
			out[(*len)++] = '/';
			memcpy(out + *len, p, n);
			*len += n;
		}
		p += n;
	}
	return 0;
}

int path_resolve(const char *cwd, const char *path, char *out, size_t size)
{
	size_t len = 0;
	if (size < 2)
		return -1;
	if (path[0] != '/' && path_add(out, &len, size, cwd))
		return -1;
	if (path_add(out, &len, size, path))
		return -1;
	if (!len)
		out[len++] = '/';
	out[len] = '\0';
	return 0;
}
