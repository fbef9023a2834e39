/*
 * Unit tests for uniq's groups (userspace/bin/uniq/uniqlines.c).
 */
#include "unit.h"
#include "uniqlines.h"
#include <string.h>

static struct uniq u;
static char out[200];

static void emit(void *ctx, const char *line, size_t len, unsigned long count)
{
	(void)ctx;
	size_t n = strlen(out);
	snprintf(out + n, sizeof(out) - n, "%lu:%.*s|", count, (int)len, line);
}

/* Feed the '|'-separated lines of in; what came out is in out. */
static void run(const char *in, int flags)
{
	out[0] = '\0';
	uniq_init(&u, flags, emit, 0);
	for (const char *p = in;;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		uniq_line(&u, p, len);
		if (!bar)
			break;
		p = bar + 1;
	}
	uniq_end(&u);
}

TEST(uniq_groups_adjacent_lines)
{
	run("a|a|b|a|c|c|c", 0);
	CHECK_STR(out, "2:a|1:b|1:a|3:c|");
	run("x", 0);
	CHECK_STR(out, "1:x|");
	run("|", 0);
	CHECK_STR(out, "2:|");
	run("ab|a|abc", 0);
	CHECK_STR(out, "1:ab|1:a|1:abc|");
}

TEST(uniq_repeated_and_single)
{
	run("a|a|b|a|c|c|c", UNIQ_REPEATED);
	CHECK_STR(out, "2:a|3:c|");
	run("a|a|b|a|c|c|c", UNIQ_SINGLE);
	CHECK_STR(out, "1:b|1:a|");
	run("a|b", UNIQ_REPEATED);
	CHECK_STR(out, "");
}

TEST(uniq_nothing_in_nothing_out)
{
	out[0] = '\0';
	uniq_init(&u, 0, emit, 0);
	uniq_end(&u);
	CHECK_STR(out, "");
}

TEST(uniq_long_lines_compare_by_their_start)
{
	static char a[UNIQ_LINE_MAX + 10], b[UNIQ_LINE_MAX + 10];
	memset(a, 'x', sizeof(a));
	memset(b, 'x', sizeof(b));
	b[UNIQ_LINE_MAX + 5] = 'y';
	out[0] = '\0';
	uniq_init(&u, UNIQ_REPEATED, emit, 0);
	uniq_line(&u, a, sizeof(a));
	uniq_line(&u, b, sizeof(b));
	uniq_end(&u);
	CHECK(strncmp(out, "2:", 2) == 0);
}
