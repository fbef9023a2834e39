/* console=com1|com2|screen, a comma list (see conslist.h). */
#include <conslist.h>

static const char *const names[CONS_COUNT] = { "com1", "com2", "screen" };

const char *conslist_name(int id)
{
	return id >= 0 && id < CONS_COUNT ? names[id] : "?";
}

static int same(const char *w, unsigned long n, const char *name)
{
	unsigned long i = 0;
	while (i < n && name[i] && w[i] == name[i])
		i++;
	return i == n && !name[i];
}

int conslist_parse(const char *s, int *ids, int max, char *bad, unsigned long badsize)
{
	int n = 0;
	if (badsize)
		bad[0] = '\0';
	while (*s) {
		const char *w = s;
		while (*s && *s != ',')
			s++;
		unsigned long len = (unsigned long)(s - w);
		if (*s == ',')
			s++;
		if (!len)
			continue;
		int id = -1;
		for (int i = 0; i < CONS_COUNT && id < 0; i++)
			if (same(w, len, names[i]))
				id = i;
		if (id < 0) {
			if (badsize && !bad[0]) {
				unsigned long k = len < badsize - 1 ? len : badsize - 1;
				for (unsigned long i = 0; i < k; i++)
					bad[i] = w[i];
				bad[k] = '\0';
			}
			continue;
		}
		int dup = 0;
		for (int i = 0; i < n; i++)
			dup |= ids[i] == id;
		if (!dup && n < max)
			ids[n++] = id;
	}
	return n;
}
