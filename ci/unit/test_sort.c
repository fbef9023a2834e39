/*
 * Unit tests for sort's ordering (userspace/bin/sort/sortlines.c): byte
 * order, numbers, reverse, unique, and the merge sort on many lines.
 */
#include "unit.h"
#include "sortlines.h"
#include <stdlib.h>
#include <string.h>

static const char *v[64], *tmp[64];
static char joined[200];

/* Sort the '|'-separated lines of in under flags; the result joined by
 * '|' in joined. */
static void run(const char *in, int flags)
{
	static char buf[200];
	size_t n = 0;
	strcpy(buf, in);
	for (char *p = buf;; p++) {
		v[n++] = p;
		p = strchr(p, '|');
		if (!p)
			break;
		*p = '\0';
	}
	sort_lines(v, tmp, n, flags);
	if (flags & SORT_UNIQUE)
		n = sort_unique(v, n, flags);
	joined[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(joined, "|");
		strcat(joined, v[i]);
	}
}

TEST(sort_bytes)
{
	run("start /bin/getty|alias console=serial|start /drv/pcserial|# tern", 0);
	CHECK_STR(joined, "# tern|alias console=serial|start /bin/getty|start /drv/pcserial");
	run("b|B|a|A||ab|a", 0);
	CHECK_STR(joined, "|A|B|a|a|ab|b");
	run("\xc3\xa9|z", 0);           /* bytes are unsigned: 0xc3 after 'z' */
	CHECK_STR(joined, "z|\xc3\xa9");
	run("one", 0);
	CHECK_STR(joined, "one");
}

TEST(sort_reverse)
{
	run("b|c|a", SORT_REVERSE);
	CHECK_STR(joined, "c|b|a");
}

TEST(sort_numbers)
{
	run("10|9|100|-5|0|2.5|2.25| 3|x", SORT_NUMERIC);
	CHECK_STR(joined, "-5|0|x|2.25|2.5| 3|9|10|100");
	run("-1|-10|-2", SORT_NUMERIC);
	CHECK_STR(joined, "-10|-2|-1");
	run("007|7|06", SORT_NUMERIC);
	CHECK_STR(joined, "06|007|7");              /* equal numbers: then bytes */
	run("1.50|1.5|1.05", SORT_NUMERIC);
	CHECK_STR(joined, "1.05|1.5|1.50");
	run("99999999999999999999999|100000000000000000000000|1", SORT_NUMERIC);
	CHECK_STR(joined, "1|99999999999999999999999|100000000000000000000000");
	run("-0|0|-|a", SORT_NUMERIC);
	CHECK_STR(joined, "-|-0|0|a");
	run("3|10|2", SORT_NUMERIC | SORT_REVERSE);
	CHECK_STR(joined, "10|3|2");
}

TEST(sort_unique_keeps_the_first)
{
	run("b|a|b|c|a|a", SORT_UNIQUE);
	CHECK_STR(joined, "a|b|c");
	/* -n -u: one line per number, the first of them in the input. */
	run("07 x|7 y|3|007", SORT_NUMERIC | SORT_UNIQUE);
	CHECK_STR(joined, "3|07 x");
	run("b|a|b", SORT_UNIQUE | SORT_REVERSE);
	CHECK_STR(joined, "b|a");
}

TEST(sort_many_lines_is_a_sort)
{
	enum { N = 5000 };
	const char **lines = malloc(N * sizeof(*lines)), **scratch = malloc(N * sizeof(*lines));
	char (*text)[16] = malloc(N * 16);
	unsigned x = 12345;
	for (int i = 0; i < N; i++) {
		x = x * 1103515245u + 12345u;
		snprintf(text[i], 16, "%u", (x >> 8) % 100000);
		lines[i] = text[i];
	}
	sort_lines(lines, scratch, N, SORT_NUMERIC);
	int ordered = 1;
	for (int i = 1; i < N; i++)
		if (atol(lines[i - 1]) > atol(lines[i]))
			ordered = 0;
	sort_lines(lines, scratch, N, 0);
	for (int i = 1; i < N; i++)
		if (strcmp(lines[i - 1], lines[i]) > 0)
			ordered = 0;
	free(lines);
	free(scratch);
	free(text);
	CHECK(ordered);
}
