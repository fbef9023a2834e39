/* tail's ring of the last lines (see ring.h). */
#include "ring.h"

void tr_init(struct tail_ring *r, char *buf, size_t cap, uint64_t want)
{
	r->buf = buf;
	r->cap = cap;
	r->head = r->len = 0;
	r->lines = 0;
	r->want = want;
}

static char byte_at(const struct tail_ring *r, size_t i)
{
	return r->buf[(r->head + i) % r->cap];
}

static void drop_front(struct tail_ring *r, size_t n)
{
	r->head = (r->head + n) % r->cap;
	r->len -= n;
}

/* Drop the oldest line with its '\n' (all of it if it has none yet). */
static void drop_line(struct tail_ring *r)
{
	size_t i = 0;
	while (i < r->len && byte_at(r, i) != '\n')
		i++;
	if (i < r->len) {
		r->lines--;
		i++;
	}
	drop_front(r, i);
}

void tr_feed(struct tail_ring *r, const void *data, size_t n)
{
	const char *p = data;
	if (!r->want || !r->cap)
		return;
	for (size_t k = 0; k < n; k++) {
		if (r->len == r->cap) {
			/* Full: the oldest line goes, or, if all is one unfinished
			 * line, its oldest byte. */
			if (r->lines)
				drop_line(r);
			else
				drop_front(r, 1);
		}
		r->buf[(r->head + r->len) % r->cap] = p[k];
		r->len++;
		if (p[k] == '\n' && ++r->lines > r->want)
			drop_line(r);
	}
}

void tr_finish(struct tail_ring *r)
{
	if (r->len && byte_at(r, r->len - 1) != '\n' && r->lines >= r->want)
		drop_line(r);
}

void tr_pieces(const struct tail_ring *r, const char **a, size_t *an, const char **b, size_t *bn)
{
	size_t first = r->cap - r->head < r->len ? r->cap - r->head : r->len;
	*a = r->buf + r->head;
	*an = first;
	*b = r->buf;
	*bn = r->len - first;
}
