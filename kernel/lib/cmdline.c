/*
 * Kernel command line: space-separated words, "key=value" or bare "key".
 * The first word is the kernel's path (from the loader) when it has no '='.
 */
#include <cmdline.h>

int cmdline_get(const char *cmd, const char *key, char *val, unsigned long size)
{
	const char *p = cmd;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		const char *k = key;
		const char *q = w;
		while (*k && q < p && *q == *k)
			q++, k++;
		if (*k || (q < p && *q != '='))
			continue;
		unsigned long n = 0;
		if (q < p)
			for (q++; q < p && n + 1 < size; q++)
				val[n++] = *q;
		if (size)
			val[n] = '\0';
		return 1;
	}
	return 0;
}
