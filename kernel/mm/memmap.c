/*
 * Usable memory = available ranges minus reserved ones. Loaders hand us
 * maps with overlaps, odd alignment and holes; firmware maps of real
 * machines have all three. We normalise: align each available range inward
 * to pages, merge, then cut out reserved ranges (aligned outward).
 */
#include <memmap.h>

#define PAGE 4096ull

static uint64_t up(uint64_t v) { return v > ~0ull - (PAGE - 1) ? ~0ull & ~(PAGE - 1) : (v + PAGE - 1) & ~(PAGE - 1); }
static uint64_t down(uint64_t v) { return v & ~(PAGE - 1); }

static int add(struct memmap *m, uint64_t b, uint64_t e)
{
	if (b >= e)
		return 0;
	if (m->n == MEMMAP_MAX)
		return -1;
	m->r[m->n].base = b;
	m->r[m->n].len = e - b;
	m->n++;
	return 0;
}

static void sort_merge(struct memmap *m)
{
	for (int i = 1; i < m->n; i++) {
		struct mem_range x = m->r[i];
		int j = i - 1;
		while (j >= 0 && m->r[j].base > x.base) {
			m->r[j + 1] = m->r[j];
			j--;
		}
		m->r[j + 1] = x;
	}
	int w = 0;
	for (int i = 0; i < m->n; i++) {
		if (w && m->r[i].base <= m->r[w - 1].base + m->r[w - 1].len) {
			uint64_t end = m->r[i].base + m->r[i].len;
			uint64_t wend = m->r[w - 1].base + m->r[w - 1].len;
			if (end > wend)
				m->r[w - 1].len = end - m->r[w - 1].base;
		} else {
			m->r[w++] = m->r[i];
		}
	}
	m->n = w;
}

/* Saturating end of a range, so a bogus length cannot wrap around. */
static uint64_t end_of(const struct mem_range *r)
{
	return r->len > ~0ull - r->base ? ~0ull : r->base + r->len;
}

int memmap_build(struct memmap *out, const struct mem_range *avail, int navail,
		 const struct mem_range *reserved, int nreserved)
{
	int err = 0;
	out->n = 0;
	for (int i = 0; i < navail; i++)
		err |= add(out, up(avail[i].base), down(end_of(&avail[i])));
	sort_merge(out);

	for (int k = 0; k < nreserved; k++) {
		uint64_t rb = down(reserved[k].base), re = up(end_of(&reserved[k]));
		struct memmap cut = { .n = 0 };
		for (int i = 0; i < out->n; i++) {
			uint64_t b = out->r[i].base, e = b + out->r[i].len;
			if (re <= b || rb >= e) {
				err |= add(&cut, b, e);
				continue;
			}
			err |= add(&cut, b, rb);
			err |= add(&cut, re, e);
		}
		*out = cut;
	}
	return err ? -1 : 0;
}

uint64_t memmap_total(const struct memmap *m)
{
	uint64_t t = 0;
	for (int i = 0; i < m->n; i++)
		t += m->r[i].len;
	return t;
}

uint64_t memmap_end(const struct memmap *m)
{
	return m->n ? m->r[m->n - 1].base + m->r[m->n - 1].len : 0;
}

int memmap_overlaps(const struct mem_range *r, int n, uint64_t first, uint64_t last)
{
	for (int i = 0; i < n; i++) {
		if (!r[i].len)
			continue;
		uint64_t b = r[i].base, l = r[i].len - 1;
		uint64_t e = b > UINT64_MAX - l ? UINT64_MAX : b + l;   /* last byte, saturated */
		if (b <= last && first <= e)
			return 1;
	}
	return 0;
}
