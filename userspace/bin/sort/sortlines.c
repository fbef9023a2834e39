/*
 * sort's comparison and a bottom-up merge sort (sortlines.h). No
 * recursion and no allocation: the caller gives the scratch array.
 */
#include "sortlines.h"
#include <string.h>

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Compare the numbers at the start of a and b (after blanks), digit by
 * digit, so any length works: <0, 0, >0. */
static int num_cmp(const char *a, const char *b)
{
	a = skip_blanks(a);
	b = skip_blanks(b);
	int na = *a == '-', nb = *b == '-';
	a += na;
	b += nb;
	while (*a == '0')
		a++;
	while (*b == '0')
		b++;
	size_t ia = 0, ib = 0;
	while (a[ia] >= '0' && a[ia] <= '9')
		ia++;
	while (b[ib] >= '0' && b[ib] <= '9')
		ib++;
	/* Magnitudes: more integer digits is bigger, else digit by digit,
	 * then the fractions. */
	int mag = ia != ib ? (ia < ib ? -1 : 1) : 0;
	for (size_t i = 0; !mag && i < ia; i++)
		if (a[i] != b[i])
			mag = a[i] < b[i] ? -1 : 1;
	const char *fa = a[ia] == '.' ? a + ia + 1 : "", *fb = b[ib] == '.' ? b + ib + 1 : "";
	while (!mag) {
		int da = *fa >= '0' && *fa <= '9' ? *fa++ : '0';
		int db = *fb >= '0' && *fb <= '9' ? *fb++ : '0';
		if (da != db)
			mag = da < db ? -1 : 1;
		else if (!(*fa >= '0' && *fa <= '9') && !(*fb >= '0' && *fb <= '9'))
			break;
	}
	if (!mag)
		return 0;       /* -0 and 0 are the same number */
	if (na != nb)
		return na ? -1 : 1;
	return na ? -mag : mag;
}

int sort_cmp(const char *a, const char *b, int flags)
{
	int c = 0;
	if (flags & SORT_NUMERIC)
		c = num_cmp(a, b);
	if (!c && !((flags & SORT_UNIQUE) && (flags & SORT_NUMERIC))) {
		c = strcmp(a, b);       /* unsigned bytes, as in the C locale */
		c = c < 0 ? -1 : c > 0;
	}
	return flags & SORT_REVERSE ? -c : c;
}

void sort_lines(const char **v, const char **tmp, size_t n, int flags)
{
	const char **src = v, **dst = tmp;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				dst[k++] = sort_cmp(src[j], src[i], flags) < 0 ? src[j++] : src[i++];
			while (i < mid)
				dst[k++] = src[i++];
			while (j < hi)
				dst[k++] = src[j++];
		}
		const char **t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof(*v));
}

size_t sort_unique(const char **v, size_t n, int flags)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!k || sort_cmp(v[k - 1], v[i], flags | SORT_UNIQUE))
			v[k++] = v[i];
	return k;
}
