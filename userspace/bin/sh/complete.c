/* Tab completion's pure part (see complete.h). */
#include "complete.h"
#include <string.h>

static int is_break(char c)
{
	return c == ' ' || c == '\t' || c == '|' || c == '&' || c == ';' || c == '<' || c == '>';
}

void cpl_find(const char *line, size_t cur, struct cpl_word *w)
{
	size_t start = cur, len = strnlen(line, cur);
	if (cur > len)
		start = cur = len;
	while (start && !is_break(line[start - 1]))
		start--;
	w->start = start;
	w->dirlen = 0;
	for (size_t i = start; i < cur; i++)
		if (line[i] == '/')
			w->dirlen = i + 1 - start;
	size_t k = start;
	while (k && (line[k - 1] == ' ' || line[k - 1] == '\t'))
		k--;
	w->command = !w->dirlen && (!k || line[k - 1] == '|' || line[k - 1] == '&' || line[k - 1] == ';');
}

void cpl_set_init(struct cpl_set *s, const char *prefix, size_t len)
{
	memset(s, 0, sizeof(*s));
	if (len > CPL_NAME_MAX)
		len = CPL_NAME_MAX;
	memcpy(s->prefix, prefix, len);
	s->prefix[len] = '\0';
	s->prefixlen = len;
}

void cpl_add(struct cpl_set *s, const char *name, int is_dir)
{
	size_t len = strnlen(name, CPL_NAME_MAX + 1);
	if (len > CPL_NAME_MAX || len < s->prefixlen || memcmp(name, s->prefix, s->prefixlen))
		return;
	for (int i = 0; i < s->nlisted; i++) {
		size_t k = strlen(s->names[i]);
		if (s->names[i][k - 1] == '/')
			k--;
		if (k == len && !memcmp(s->names[i], name, len))
			return;         /* already there (a builtin that is also in /bin) */
	}
	if (!s->n) {
		memcpy(s->common, name, len + 1);
	} else {
		size_t k = 0;
		while (s->common[k] && s->common[k] == name[k])
			k++;
		s->common[k] = '\0';
	}
	s->n++;
	s->dir = is_dir;
	if (s->nlisted < CPL_LIST_MAX) {
		memcpy(s->names[s->nlisted], name, len);
		if (is_dir)
			s->names[s->nlisted][len++] = '/';
		s->names[s->nlisted][len] = '\0';
		s->nlisted++;
	}
}

void cpl_insertion(const struct cpl_set *s, char *out, size_t size)
{
	size_t n = 0;
	if (!size)
		return;
	for (const char *p = s->common + s->prefixlen; s->n && *p && n + 1 < size; p++)
		out[n++] = *p;
	if (s->n == 1 && n + 1 < size)
		out[n++] = s->dir ? '/' : ' ';
	out[n] = '\0';
}

void cpl_sort(struct cpl_set *s)
{
	for (int i = 1; i < s->nlisted; i++) {
		char t[CPL_NAME_MAX + 2];
		memcpy(t, s->names[i], sizeof(t));
		int j = i;
		for (; j && strcmp(s->names[j - 1], t) > 0; j--)
			memcpy(s->names[j], s->names[j - 1], sizeof(t));
		memcpy(s->names[j], t, sizeof(t));
	}
}
