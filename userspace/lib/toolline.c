/* Whole lines for the line-oriented tools (tern/tool.h): tool_getline's
 * pieces put together, a line too long for the caller's buffer cut. */
#include <tern/tool.h>

long tool_line(struct tool_in *in, char *line, size_t max, size_t *len, int *cut)
{
	long r = tool_getline(in, line, max);
	*cut = 0;
	if (r <= 0)
		return r;
	size_t n = (size_t)r;
	if (line[n - 1] == '\n') {
		line[--n] = '\0';
	} else if (n == max - 1) {
		/* Skip to the end of the line; only bytes before its '\n' are lost. */
		char skip[128];
		long s;
		while ((s = tool_getline(in, skip, sizeof(skip))) > 0) {
			if (s > 1 || skip[0] != '\n')
				*cut = 1;
			if (skip[s - 1] == '\n')
				break;
		}
		if (s < 0)
			return s;
	}
	*len = n;
	return 1;
}
