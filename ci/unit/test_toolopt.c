/* Unit tests for the /bin tools' option parser (userspace/lib/toolopt.c). */
#include "unit.h"
#include "tern/toolopt.h"
#include <string.h>

#define ARGC(a) ((int)(sizeof(a) / sizeof((a)[0])))

TEST(opt_single_and_grouped_letters)
{
	const char *argv[] = { "wc", "-l", "-wc", "file" };
	struct tool_opt o = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "lwc"), 'l');
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "lwc"), 'w');
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "lwc"), 'c');
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "lwc"), -1);
	CHECK_EQ(o.ind, 3);
}

TEST(opt_argument_attached_or_next_word)
{
	const char *argv[] = { "head", "-n", "5", "-n12", "-vn", "7", "x" };
	struct tool_opt o = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "vn:"), 'n');
	CHECK_STR(o.arg, "5");
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "vn:"), 'n');
	CHECK_STR(o.arg, "12");
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "vn:"), 'v');
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "vn:"), 'n');
	CHECK_STR(o.arg, "7");
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "vn:"), -1);
	CHECK_EQ(o.ind, 6);
}

TEST(opt_missing_argument_and_unknown_letter)
{
	const char *argv[] = { "head", "-x", "-n" };
	struct tool_opt o = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "n:"), '?');
	CHECK_EQ(o.bad, 'x');
	CHECK_EQ(o.missing, 0);
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "n:"), '?');
	CHECK_EQ(o.bad, 'n');
	CHECK_EQ(o.missing, 1);
	/* ':' and '#' are spec syntax, never letters. */
	const char *argv2[] = { "x", "-:" , "-#" };
	struct tool_opt p = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&p, ARGC(argv2), argv2, "n:#"), '?');
	CHECK_EQ(tool_opt_next(&p, ARGC(argv2), argv2, "n:#"), '?');
	CHECK_EQ(tool_opt_next(&p, ARGC(argv2), argv2, "n:#"), -1);
}

TEST(opt_operands_end_the_options)
{
	const char *argv[] = { "cat", "-", "-n" };
	struct tool_opt o = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "n"), -1);
	CHECK_EQ(o.ind, 1);                     /* "-" is stdin, an operand */
	const char *argv2[] = { "rm", "--", "-f" };
	struct tool_opt p = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&p, ARGC(argv2), argv2, "f"), -1);
	CHECK_EQ(p.ind, 2);
	const char *argv3[] = { "ls", "dir", "-l" };
	struct tool_opt q = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&q, ARGC(argv3), argv3, "l"), -1);
	CHECK_EQ(q.ind, 1);
	const char *argv4[] = { "ls" };
	struct tool_opt r = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&r, ARGC(argv4), argv4, "l"), -1);
	CHECK_EQ(r.ind, 1);
}

TEST(opt_digits_only_where_hash_is_in_spec)
{
	const char *argv[] = { "head", "-5", "f" };
	struct tool_opt o = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "n:#"), '#');
	CHECK_STR(o.arg, "5");
	CHECK_EQ(tool_opt_next(&o, ARGC(argv), argv, "n:#"), -1);
	CHECK_EQ(o.ind, 2);
	struct tool_opt p = TOOL_OPT_INIT;
	CHECK_EQ(tool_opt_next(&p, ARGC(argv), argv, "n:"), '?');
	CHECK_EQ(p.bad, '5');
}

TEST(opt_count_digits_only)
{
	unsigned long n = 99;
	CHECK_EQ(tool_opt_count("0", &n), 0);
	CHECK_EQ(n, 0);
	CHECK_EQ(tool_opt_count("120", &n), 0);
	CHECK_EQ(n, 120);
	n = 7;
	CHECK_EQ(tool_opt_count("", &n), -1);
	CHECK_EQ(tool_opt_count("-1", &n), -1);
	CHECK_EQ(tool_opt_count("+1", &n), -1);
	CHECK_EQ(tool_opt_count("1x", &n), -1);
	CHECK_EQ(tool_opt_count("99999999999999999999999", &n), -1);
	CHECK_EQ(n, 7);
	CHECK_EQ(tool_opt_count("18446744073709551615", &n), 0);
	CHECK(n == ~0ul);
	CHECK_EQ(tool_opt_count("18446744073709551616", &n), -1);
}
