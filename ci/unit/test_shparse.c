/*
 * Unit tests for the shell's parser (userspace/bin/sh/shparse.c): words,
 * quotes, operators, lists, redirections, $?, syntax errors and random
 * lines; and path resolution (userspace/lib/path.c).
 */
#include "unit.h"
#include "tern/path.h"
#include "shparse.h"
#include <string.h>

static struct shp_line L;
static char errbuf[64];
static const char **argv;

/* Parse line; the first command's words joined with '|' land in joined.
 * Returns the number of words of the first command, or -SHP_E_*. */
static char joined[200];
static int split(const char *line)
{
	memset(&L, 0x55, sizeof(L));
	int err = shp_parse(line, &L);
	joined[0] = '\0';
	if (err)
		return err;
	if (!L.ncmd)
		return 0;
	argv = L.cmds[0].argv;
	for (int i = 0; i < L.cmds[0].argc; i++) {
		if (i)
			strcat(joined, "|");
		strcat(joined, argv[i]);
	}
	return L.cmds[0].argc;
}

/* The whole parse as text: commands "[w w <f >g]", '|' between the
 * commands of a pipeline, and the separators ; && || &. */
static char shape[200];
static const char *parsed(const char *line)
{
	static const char *const rk[] = { "<", ">", ">>", "2>", "2>>", "2>&1", ">&2" };
	static const char *const sep[] = { ";", "&&", "||", "&" };
	memset(&L, 0x55, sizeof(L));
	int err = shp_parse(line, &L);
	if (err)
		return shp_strerror(err, &L, errbuf, sizeof(errbuf));
	shape[0] = '\0';
	for (int p = 0; p < L.npipe; p++) {
		const struct shp_pipeline *pl = &L.pipes[p];
		for (int c = pl->first; c < pl->first + pl->ncmd; c++) {
			const struct shp_cmd *cmd = &L.cmds[c];
			strcat(shape, c > pl->first ? "|[" : "[");
			for (int i = 0; i < cmd->argc; i++) {
				if (i)
					strcat(shape, " ");
				strcat(shape, cmd->argv[i]);
			}
			for (int i = 0; i < cmd->nredir; i++) {
				strcat(shape, " ");
				strcat(shape, rk[cmd->redir[i].kind]);
				if (cmd->redir[i].path)
					strcat(shape, cmd->redir[i].path);
			}
			strcat(shape, "]");
		}
		if (pl->sep != SHP_SEP_END || p + 1 < L.npipe)
			strcat(shape, sep[pl->sep]);
	}
	return shape;
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
	CHECK_EQ(L.npipe, 0);
	CHECK_EQ(split(" \t "), 0);
	CHECK_EQ(L.npipe, 0);
}

TEST(shp_single_quotes_are_literal)
{
	CHECK_EQ(split("echo 'a  b' 'x\\y\"z' '$?' '|;&<>'"), 5);
	CHECK_STR(argv[1], "a  b");
	CHECK_STR(argv[2], "x\\y\"z");
	CHECK_STR(argv[3], "$?");
	CHECK_STR(argv[4], "|;&<>");
}

TEST(shp_double_quotes_with_escapes)
{
	CHECK_EQ(split("echo \"a  b\""), 2);
	CHECK_STR(argv[1], "a  b");
	CHECK_EQ(split("echo \"say \\\"hi\\\" \\\\ \\n\""), 2);
	CHECK_STR(argv[1], "say \"hi\" \\ \\n");    /* \n is not an escape: kept */
	CHECK_EQ(split("echo \"it's\" \"a | b > c\""), 3);
	CHECK_STR(argv[1], "it's");
	CHECK_STR(argv[2], "a | b > c");
}

TEST(shp_backslash_outside_quotes)
{
	CHECK_EQ(split("a\\ b c\\'d \\\\ \\\"e \\| \\>"), 6);
	CHECK_STR(joined, "a b|c'd|\\|\"e|||>");
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
	CHECK_EQ(split("echo a#b # the rest | x"), 2);
	CHECK_STR(joined, "echo|a#b");
	CHECK_EQ(L.npipe, 1);
	CHECK_EQ(split("# only a comment"), 0);
	CHECK_EQ(split("echo '#' \"#\" \\#"), 4);
	CHECK_STR(joined, "echo|#|#|#");
	CHECK_STR(parsed("a;#b"), "[a]");
}

TEST(shp_quote_errors)
{
	CHECK_EQ(split("echo 'abc"), -SHP_E_SQUOTE);
	CHECK_EQ(split("echo \"abc"), -SHP_E_DQUOTE);
	CHECK_EQ(split("echo \"abc\\\""), -SHP_E_DQUOTE);   /* the escaped quote does not close */
	CHECK_EQ(split("echo abc\\"), -SHP_E_ESCAPE);
	CHECK_STR(shp_strerror(-SHP_E_SQUOTE, 0, 0, 0), "unterminated '");
	CHECK_STR(shp_strerror(SHP_E_DQUOTE, 0, 0, 0), "unterminated \"");
}

TEST(shp_too_many_words)
{
	char line[SHP_LINE_MAX + 2];
	size_t n = 0;
	for (int i = 0; i < SHP_ARGS_MAX; i++) {
		line[n++] = 'w';
		line[n++] = ' ';
	}
	line[n] = '\0';
	CHECK_EQ(split(line), SHP_ARGS_MAX);
	CHECK(argv[SHP_ARGS_MAX] == NULL);
	line[n++] = 'x';
	line[n] = '\0';
	CHECK_EQ(split(line), -SHP_E_TOOMANY);
	/* the limit is per command */
	line[2 * 16 - 1] = '|';
	CHECK_EQ(split(line), 16);
	CHECK_EQ(L.cmds[1].argc, SHP_ARGS_MAX + 1 - 16);
}

TEST(shp_line_too_long)
{
	char line[SHP_LINE_MAX + 2];
	memset(line, 'a', sizeof(line));
	line[SHP_LINE_MAX] = '\0';
	CHECK_EQ(shp_parse(line, &L), 0);
	CHECK_EQ(strlen(L.cmds[0].argv[0]), SHP_LINE_MAX);
	line[SHP_LINE_MAX] = 'a';
	line[SHP_LINE_MAX + 1] = '\0';
	CHECK_EQ(shp_parse(line, &L), -SHP_E_TOOLONG);
}

TEST(shp_pipelines)
{
	CHECK_STR(parsed("a | b|c"), "[a]|[b]|[c]");
	CHECK_STR(parsed("cat /etc/init.conf | grep start | wc -l"),
		  "[cat /etc/init.conf]|[grep start]|[wc -l]");
	CHECK_EQ(L.npipe, 1);
	CHECK_EQ(L.pipes[0].ncmd, 3);
}

TEST(shp_lists)
{
	CHECK_STR(parsed("a; b ;c"), "[a];[b];[c]");
	CHECK_STR(parsed("a && b || c"), "[a]&&[b]||[c]");
	CHECK_STR(parsed("a&&b||c;d"), "[a]&&[b]||[c];[d]");
	CHECK_STR(parsed("false && echo no || echo yes"), "[false]&&[echo no]||[echo yes]");
	CHECK_STR(parsed("a;"), "[a]");
	CHECK_EQ(L.npipe, 1);
	CHECK_STR(parsed("a | b && c | d"), "[a]|[b]&&[c]|[d]");
}

TEST(shp_background)
{
	CHECK_STR(parsed("sleep 10 &"), "[sleep 10]&");
	CHECK_EQ(L.pipes[0].sep, SHP_SEP_BG);
	CHECK_STR(parsed("a&b&"), "[a]&[b]&");
	CHECK_STR(parsed("a | b & c"), "[a]|[b]&[c]");
	CHECK_STR(parsed("a && b &"), "'&' cannot end an && or || list");
	CHECK_STR(parsed("a; b && c; d &"), "[a];[b]&&[c];[d]&");
}

TEST(shp_redirections)
{
	CHECK_STR(parsed("echo hi > /f"), "[echo hi >/f]");
	CHECK_STR(parsed("echo hi>/f"), "[echo hi >/f]");
	CHECK_STR(parsed("echo b >> /f"), "[echo b >>/f]");
	CHECK_STR(parsed("cat < /f"), "[cat </f]");
	CHECK_STR(parsed("cat </f >/g 2>/e"), "[cat </f >/g 2>/e]");
	CHECK_STR(parsed("cat 2>>/e"), "[cat 2>>/e]");
	CHECK_STR(parsed("cat /nope 2>&1 | wc"), "[cat /nope 2>&1]|[wc]");
	CHECK_STR(parsed("echo x >&2"), "[echo x >&2]");
	CHECK_STR(parsed("> /f a b"), "[a b >/f]");
	CHECK_STR(parsed(">/f"), "[ >/f]");
	CHECK_STR(parsed("a >f 2>&1 >g"), "[a >f 2>&1 >g]");
	CHECK_STR(parsed("a > 'x y'"), "[a >x y]");
}

TEST(shp_io_number_only_at_word_start)
{
	CHECK_STR(parsed("echo a2>f"), "[echo a2 >f]");
	CHECK_STR(parsed("echo 2>f"), "[echo 2>f]");
	CHECK_STR(parsed("echo '2'>f"), "[echo 2 >f]");
	CHECK_STR(parsed("echo 22>f"), "[echo 22 >f]");
	CHECK_STR(parsed("echo 2 >f"), "[echo 2 >f]");
}

TEST(shp_syntax_errors_name_the_operator)
{
	CHECK_STR(parsed("| a"), "syntax error near '|'");
	CHECK_STR(parsed("a |"), "syntax error near '|'");
	CHECK_STR(parsed("a | | b"), "syntax error near '|'");
	CHECK_STR(parsed("a || | b"), "syntax error near '|'");
	CHECK_STR(parsed("a &&"), "syntax error near '&&'");
	CHECK_STR(parsed("&& a"), "syntax error near '&&'");
	CHECK_STR(parsed(";"), "syntax error near ';'");
	CHECK_STR(parsed("a ;; b"), "syntax error near ';'");
	CHECK_STR(parsed("&"), "syntax error near '&'");
	CHECK_STR(parsed("a >"), "syntax error near '>'");
	CHECK_STR(parsed("a > | b"), "syntax error near '|'");
	CHECK_STR(parsed("a <"), "syntax error near '<'");
	CHECK_STR(parsed("a 2>"), "syntax error near '2>'");
	CHECK_STR(parsed("a >> ;"), "syntax error near ';'");
	CHECK_STR(parsed("a >&1"), "syntax error near '&'");
	CHECK_EQ(L.npipe, 0);
	CHECK_EQ(L.ncmd, 0);
}

TEST(shp_status_marks)
{
	CHECK_EQ(split("echo $? \"s=$?\" '$?' \\$? $x $"), 7);
	CHECK_STR(argv[1], "\x01");
	CHECK_STR(argv[2], "s=\x01");
	CHECK_STR(argv[3], "$?");
	CHECK_STR(argv[4], "$?");
	CHECK_STR(argv[5], "$x");
	CHECK_STR(argv[6], "$");
	CHECK(shp_has_status(argv[2]));
	CHECK(!shp_has_status(argv[3]));
	CHECK_EQ(split("echo \"\\$?\""), 2);
	CHECK_STR(argv[1], "$?");
	/* a raw mark byte typed in is dropped, never a status */
	CHECK_EQ(split("echo a\x01" "b '\x01' \"\x01\""), 4);
	CHECK_STR(joined, "echo|ab||");
}

TEST(shp_expand_status)
{
	char out[16];
	CHECK_EQ(shp_expand("\x01", 0, out, sizeof(out)), 0);
	CHECK_STR(out, "0");
	CHECK_EQ(shp_expand("s=\x01!\x01", 130, out, sizeof(out)), 0);
	CHECK_STR(out, "s=130!130");
	CHECK_EQ(shp_expand("\x01", 4294967, out, sizeof(out)), 0);
	CHECK_STR(out, "4294967");
	CHECK_EQ(shp_expand("\x01", -5, out, sizeof(out)), 0);
	CHECK_STR(out, "-5");
	CHECK_EQ(shp_expand("plain", 1, out, sizeof(out)), 0);
	CHECK_STR(out, "plain");
	char small[4];
	CHECK_EQ(shp_expand("abc", 1, small, sizeof(small)), 0);
	CHECK_EQ(shp_expand("abcd", 1, small, sizeof(small)), -1);
	CHECK_EQ(shp_expand("a\x01", 141, small, sizeof(small)), -1);
	CHECK_EQ(shp_expand("x", 1, small, 0), -1);
}

TEST(shp_source_spans)
{
	const char *line = "  sleep 5 | cat &  echo  hi ;x";
	CHECK_EQ(shp_parse(line, &L), 0);
	CHECK_EQ(L.npipe, 3);
	CHECK_EQ((int)L.pipes[0].srclen, 13);
	CHECK(!strncmp(line + L.pipes[0].src, "sleep 5 | cat", 13));
	CHECK(!strncmp(line + L.pipes[1].src, "echo  hi", L.pipes[1].srclen));
	CHECK_EQ((int)L.pipes[1].srclen, 8);
	CHECK_EQ((int)L.pipes[2].srclen, 1);
}

TEST(shp_limits)
{
	char line[SHP_LINE_MAX + 1] = "";
	for (int i = 0; i < SHP_PIPE_CMDS_MAX; i++)
		strcat(line, i ? "|a" : "a");
	CHECK_EQ(shp_parse(line, &L), 0);
	strcat(line, "|a");
	CHECK_EQ(shp_parse(line, &L), -SHP_E_COMPLEX);
	/* a line holds more commands than a pipeline, up to SHP_CMDS_MAX */
	line[0] = '\0';
	for (int i = 0; i < SHP_CMDS_MAX; i++)
		strcat(line, i % 2 ? "|a" : i ? ";a" : "a");
	CHECK_EQ(shp_parse(line, &L), 0);
	CHECK_EQ(L.ncmd, SHP_CMDS_MAX);
	CHECK_EQ(L.npipe, SHP_CMDS_MAX / 2);
	strcat(line, ";a");
	CHECK_EQ(shp_parse(line, &L), -SHP_E_COMPLEX);
	line[0] = '\0';
	for (int i = 0; i < SHP_PIPES_MAX; i++)
		strcat(line, i ? ";a" : "a");
	CHECK_EQ(shp_parse(line, &L), 0);
	CHECK_EQ(L.npipe, SHP_PIPES_MAX);
	strcpy(line, "a");
	for (int i = 0; i < SHP_REDIR_MAX; i++)
		strcat(line, ">f");
	CHECK_EQ(shp_parse(line, &L), 0);
	strcat(line, ">f");
	CHECK_EQ(shp_parse(line, &L), -SHP_E_COMPLEX);
}

/* Any line at all: no crash, no read or write out of bounds (ASan), and
 * either an error or a parse whose words lie inside the word buffer. */
TEST(shp_random_lines_are_safe)
{
	static const char alphabet[] = "ab2 |&;<>'\"\\$?#\t\x01\x7f\x80-1";
	unsigned seed = 12345;
	char line[SHP_LINE_MAX + 8];
	for (int round = 0; round < 200000; round++) {
		seed = seed * 1103515245u + 12345u;
		size_t len = (seed >> 16) % (SHP_LINE_MAX + 4);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			line[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		line[len] = '\0';
		int err = shp_parse(line, &L);
		if (err) {
			CHECK(err < 0);
			CHECK(shp_strerror(err, &L, errbuf, sizeof(errbuf))[0]);
			continue;
		}
		CHECK(L.npipe <= SHP_PIPES_MAX && L.ncmd <= SHP_CMDS_MAX);
		for (int c = 0; c < L.ncmd; c++) {
			const struct shp_cmd *cmd = &L.cmds[c];
			CHECK(cmd->argc + cmd->nredir > 0);
			CHECK(cmd->argv[cmd->argc] == NULL);
			for (int i = 0; i < cmd->argc; i++)
				CHECK(cmd->argv[i] >= L.words && cmd->argv[i] < L.words + sizeof(L.words));
			for (int i = 0; i < cmd->nredir; i++)
				CHECK(cmd->redir[i].path == NULL ||
				      (cmd->redir[i].path >= L.words && cmd->redir[i].path < L.words + sizeof(L.words)));
		}
		for (int p = 0; p < L.npipe; p++)
			CHECK(L.pipes[p].src + L.pipes[p].srclen <= len);
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
