/*
 * Unit tests for the shell's word splitter (userspace/bin/sh/shparse.c)
 * and path resolution (userspace/lib/path.c).
 */
#include "unit.h"
#include "tern/path.h"
#include "shparse.h"
#include <string.h>

#define MAXW 8

static char out[128];
static const char *argv[MAXW + 1];

/* Split line; the words joined with '|' land in joined. */
static char joined[256];
static int split(const char *line)
{
	memset(out, 0x55, sizeof(out));
	int n = shp_split(line, out, sizeof(out), argv, MAXW);
	joined[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(joined, "|");
		strcat(joined, argv[i]);
	}
	return n;
}

TEST(shp_blanks_separate_words)
{
	CHECK_EQ(split("ls"), 1);
	CHECK_STR(joined, "ls");
	CHECK_EQ(split("  cat\t/etc/motd   /x  "), 3);
	CHECK_STR(joined, "cat|/etc/motd|/x");
	CHECK(argv[3] == NULL);
}

TEST(shp_empty_and_blank_lines)
{
	CHECK_EQ(split(""), 0);
	CHECK(argv[0] == NULL);
	CHECK_EQ(split(" \t "), 0);
}

TEST(shp_single_quotes_are_literal)
{
	CHECK_EQ(split("echo 'a  b' 'x\\y\"z'"), 3);
	CHECK_STR(argv[1], "a  b");
	CHECK_STR(argv[2], "x\\y\"z");
}

TEST(shp_double_quotes_with_escapes)
{
	CHECK_EQ(split("echo \"a  b\""), 2);
	CHECK_STR(argv[1], "a  b");
	CHECK_EQ(split("echo \"say \\\"hi\\\" \\\\ \\n\""), 2);
	CHECK_STR(argv[1], "say \"hi\" \\ \\n");    /* \n is not an escape: kept */
	CHECK_EQ(split("echo \"it's\""), 2);
	CHECK_STR(argv[1], "it's");
}

TEST(shp_backslash_outside_quotes)
{
	CHECK_EQ(split("a\\ b c\\'d \\\\ \\\"e"), 4);
	CHECK_STR(joined, "a b|c'd|\\|\"e");
}

TEST(shp_quotes_join_adjacent_text)
{
	CHECK_EQ(split("pre\"mid dle\"'post'x"), 1);
	CHECK_STR(argv[0], "premid dlepostx");
}

TEST(shp_empty_quotes_make_empty_words)
{
	CHECK_EQ(split("echo \"\" '' x"), 4);
	CHECK_STR(argv[1], "");
	CHECK_STR(argv[2], "");
	CHECK_STR(argv[3], "x");
}

TEST(shp_comments)
{
	CHECK_EQ(split("echo a#b # the rest"), 2);
	CHECK_STR(joined, "echo|a#b");
	CHECK_EQ(split("# only a comment"), 0);
	CHECK_EQ(split("echo '#' \"#\" \\#"), 4);
	CHECK_STR(joined, "echo|#|#|#");
}

TEST(shp_errors)
{
	CHECK_EQ(split("echo 'abc"), -SHP_E_SQUOTE);
	CHECK_EQ(split("echo \"abc"), -SHP_E_DQUOTE);
	CHECK_EQ(split("echo \"abc\\\""), -SHP_E_DQUOTE);   /* the escaped quote does not close */
	CHECK_EQ(split("echo abc\\"), -SHP_E_ESCAPE);
	CHECK_EQ(split("1 2 3 4 5 6 7 8"), 8);
	CHECK_EQ(split("1 2 3 4 5 6 7 8 9"), -SHP_E_TOOMANY);
	CHECK_STR(shp_strerror(-SHP_E_SQUOTE), "unterminated '");
	CHECK_STR(shp_strerror(SHP_E_DQUOTE), "unterminated \"");
}

TEST(shp_output_bounded)
{
	char small[8];
	const char *av[4];
	CHECK_EQ(shp_split("abc def", small, sizeof(small), av, 3), 2);   /* exactly fits */
	CHECK_STR(av[1], "def");
	CHECK_EQ(shp_split("abcd def", small, sizeof(small), av, 3), -SHP_E_TOOLONG);
	CHECK_EQ(shp_split("'abcdefgh'", small, sizeof(small), av, 3), -SHP_E_TOOLONG);
	CHECK_EQ(shp_split("\"abcdefgh\"", small, sizeof(small), av, 3), -SHP_E_TOOLONG);
	CHECK_EQ(shp_split("abcdefg\\h", small, sizeof(small), av, 3), -SHP_E_TOOLONG);
}

/* strlen(line) + 1 bytes always suffice. */
TEST(shp_line_length_suffices)
{
	static const char *const lines[] = {
		"a", "a b", "'a' \"b\" c\\ d", "\"\"", "''", "x '' y", "\\a\\b", "   a   ",
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		char buf[64];
		const char *av[8];
		CHECK(shp_split(lines[i], buf, strlen(lines[i]) + 1, av, 7) >= 0);
	}
}

static char resolved[64];
static const char *res(const char *cwd, const char *p)
{
	if (path_resolve(cwd, p, resolved, sizeof(resolved)))
		return "(too long)";
	return resolved;
}

TEST(path_absolute_and_relative)
{
	CHECK_STR(res("/", "/etc/motd"), "/etc/motd");
	CHECK_STR(res("/tmp", "x"), "/tmp/x");
	CHECK_STR(res("/", "x"), "/x");
	CHECK_STR(res("/a/b", "c/d"), "/a/b/c/d");
	CHECK_STR(res("/a/b", "/c"), "/c");
	CHECK_STR(res("/", ""), "/");
	CHECK_STR(res("/tmp", ""), "/tmp");
}

TEST(path_dots_and_slashes)
{
	CHECK_STR(res("/a/b", ".."), "/a");
	CHECK_STR(res("/a/b", "../.."), "/");
	CHECK_STR(res("/a/b", "../../../.."), "/");
	CHECK_STR(res("/a", "./x/./y/"), "/a/x/y");
	CHECK_STR(res("/", "//etc///motd"), "/etc/motd");
	CHECK_STR(res("/a", "x/../y"), "/a/y");
	CHECK_STR(res("/", "..."), "/...");
	CHECK_STR(res("/", ".x/..y"), "/.x/..y");
}

TEST(path_too_long)
{
	char small[6];
	CHECK_EQ(path_resolve("/", "abcd", small, sizeof(small)), 0);     /* "/abcd" fits */
	CHECK_STR(small, "/abcd");
	CHECK_EQ(path_resolve("/", "abcde", small, sizeof(small)), -1);
	CHECK_EQ(path_resolve("/abc", "de", small, sizeof(small)), -1);
	CHECK_EQ(path_resolve("/", "a/b/../..", small, sizeof(small)), 0);
	CHECK_STR(small, "/");
	CHECK_EQ(path_resolve("/", "/", small, 1), -1);
}
