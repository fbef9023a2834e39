/* wc's counting (see count.h). Blanks are POSIX isspace in the C locale. */
#include "count.h"

static int is_blank(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

void wc_feed(struct wc_count *c, const void *buf, size_t n)
{
	const unsigned char *p = buf;
	c->bytes += n;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n')
			c->lines++;
		if (is_blank(p[i])) {
			c->in_word = 0;
		} else if (!c->in_word) {
			c->in_word = 1;
			c->words++;
		}
	}
}
