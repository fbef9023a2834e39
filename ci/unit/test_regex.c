/*
 * Unit tests for grep's basic regular expressions
 * (userspace/bin/grep/regex.c): each construct, the errors, and patterns
 * that would take exponential time or deep recursion in a backtracking
 * matcher.
 */
#include "unit.h"
#include "regex.h"
#include <regex.h>
#include <stdlib.h>
#include <string.h>

static struct re re;

/* Does pat match s? -1 if pat does not compile. */
static int m(const char *pat, const char *s)
{
	if (re_compile(&re, pat, 0))
		return -1;
	return re_match(&re, s, strlen(s));
}

static int mi(const char *pat, const char *s)
{
	if (re_compile(&re, pat, RE_ICASE))
		return -1;
	return re_match(&re, s, strlen(s));
}

TEST(re_literals_match_anywhere)
{
	CHECK_EQ(m("start", "start /bin/getty"), 1);
	CHECK_EQ(m("getty", "start /bin/getty"), 1);
	CHECK_EQ(m("gettyx", "start /bin/getty"), 0);
	CHECK_EQ(m("", "anything"), 1);
	CHECK_EQ(m("", ""), 1);
	CHECK_EQ(m("a", ""), 0);
	CHECK_EQ(m("aab", "aaab"), 1);
}

TEST(re_dot_and_star)
{
	CHECK_EQ(m("a.c", "xabcx"), 1);
	CHECK_EQ(m("a.c", "ac"), 0);
	CHECK_EQ(m("ab*c", "ac"), 1);
	CHECK_EQ(m("ab*c", "abbbbc"), 1);
	CHECK_EQ(m("ab*c", "abxc"), 0);
	CHECK_EQ(m("a.*z", "a to z"), 1);
	CHECK_EQ(m("a.*z", "z to a"), 0);
	CHECK_EQ(m("x*", ""), 1);
	CHECK_EQ(m("a**", "aaa"), 1);
}

TEST(re_star_first_is_literal)
{
	CHECK_EQ(m("*a", "x*a"), 1);
	CHECK_EQ(m("*a", "xa"), 0);
	CHECK_EQ(m("^*", "*x"), 1);
	CHECK_EQ(m("^*", "x*"), 0);
	CHECK_EQ(m("\\(*a\\)", "*a"), 1);
	CHECK_EQ(m("\\(*a\\)", "a"), 0);
}

TEST(re_anchors)
{
	CHECK_EQ(m("^start", "start x"), 1);
	CHECK_EQ(m("^start", " start"), 0);
	CHECK_EQ(m("getty$", "/bin/getty"), 1);
	CHECK_EQ(m("getty$", "getty "), 0);
	CHECK_EQ(m("^$", ""), 1);
	CHECK_EQ(m("^$", "x"), 0);
	CHECK_EQ(m("^abc$", "abc"), 1);
	CHECK_EQ(m("^abc$", "abcd"), 0);
	/* Elsewhere ^ and $ are ordinary characters. */
	CHECK_EQ(m("a^b", "a^b"), 1);
	CHECK_EQ(m("a$b", "a$b"), 1);
	CHECK_EQ(m("a$b", "ab"), 0);
	/* In a group, they anchor. */
	CHECK_EQ(m("\\(^a\\)", "ab"), 1);
	CHECK_EQ(m("\\(^a\\)", "ba"), 0);
	CHECK_EQ(m("\\(a$\\)", "ba"), 1);
	CHECK_EQ(m("\\(a$\\)", "ab"), 0);
}

TEST(re_brackets)
{
	CHECK_EQ(m("[abc]", "xxbxx"), 1);
	CHECK_EQ(m("[abc]", "xyz"), 0);
	CHECK_EQ(m("[^abc]", "abc"), 0);
	CHECK_EQ(m("[^abc]", "abcd"), 1);
	CHECK_EQ(m("^[0-9][0-9]*$", "8086"), 1);
	CHECK_EQ(m("^[0-9][0-9]*$", "80x86"), 0);
	CHECK_EQ(m("[a-fA-F]", "G1E"), 1);
	CHECK_EQ(m("[]x]", "]"), 1);
	CHECK_EQ(m("[^]x]", "]x"), 0);
	CHECK_EQ(m("[a-]", "-"), 1);
	CHECK_EQ(m("[-a]", "-"), 1);
	CHECK_EQ(m("[.*]", "a"), 0);
	CHECK_EQ(m("[.*]", "*"), 1);
	CHECK_EQ(m("[\\]", "\\"), 1);        /* no escapes inside brackets */
	CHECK_EQ(m("[[:digit:]]", "ab3"), 1);
	CHECK_EQ(m("[[:digit:]]", "abc"), 0);
	CHECK_EQ(m("^[[:alpha:]_][[:alnum:]_]*$", "init_conf2"), 1);
	CHECK_EQ(m("^[[:alpha:]_][[:alnum:]_]*$", "2init"), 0);
	CHECK_EQ(m("[[:space:]]", "a\tb"), 1);
	CHECK_EQ(m("[^[:space:]]", " \t "), 0);
}

TEST(re_escapes)
{
	CHECK_EQ(m("a\\.c", "a.c"), 1);
	CHECK_EQ(m("a\\.c", "abc"), 0);
	CHECK_EQ(m("a\\*", "a*"), 1);
	CHECK_EQ(m("a\\*", "aa"), 0);
	CHECK_EQ(m("\\[x\\]", "[x]"), 1);
	CHECK_EQ(m("\\^a", "b^a"), 1);
	CHECK_EQ(m("a\\$", "a$b"), 1);
	CHECK_EQ(m("\\\\", "a\\b"), 1);
}

TEST(re_groups_and_intervals)
{
	CHECK_EQ(m("\\(ab\\)*c", "ababc"), 1);
	CHECK_EQ(m("^\\(ab\\)*c", "abac"), 0);
	CHECK_EQ(m("^a\\{3\\}$", "aaa"), 1);
	CHECK_EQ(m("^a\\{3\\}$", "aa"), 0);
	CHECK_EQ(m("^a\\{3\\}$", "aaaa"), 0);
	CHECK_EQ(m("^a\\{2,\\}$", "a"), 0);
	CHECK_EQ(m("^a\\{2,\\}$", "aaaaaa"), 1);
	CHECK_EQ(m("^a\\{1,3\\}$", "aaa"), 1);
	CHECK_EQ(m("^a\\{1,3\\}$", "aaaa"), 0);
	CHECK_EQ(m("^a\\{1,3\\}$", ""), 0);
	CHECK_EQ(m("^a\\{0,1\\}b$", "b"), 1);
	CHECK_EQ(m("^xa\\{0\\}y$", "xy"), 1);
	CHECK_EQ(m("^a\\{,2\\}$", ""), 1);
	CHECK_EQ(m("^a\\{,2\\}$", "aa"), 1);
	CHECK_EQ(m("^a\\{,2\\}$", "aaa"), 0);
	CHECK_EQ(m("^\\(ab\\)\\{2\\}$", "abab"), 1);
	CHECK_EQ(m("^\\(ab\\)\\{2\\}$", "ab"), 0);
	CHECK_EQ(m("^[0-9]\\{1,2\\}:[0-9]\\{2\\}$", "7:05"), 1);
	CHECK_EQ(m("^a\\+$", "aaa"), 1);
	CHECK_EQ(m("^a\\+$", ""), 0);
	CHECK_EQ(m("^ab\\?c$", "ac"), 1);
	CHECK_EQ(m("^ab\\?c$", "abbc"), 0);
	CHECK_EQ(m("\\(\\)", "x"), 1);
	CHECK_EQ(m("\\(\\)*", "x"), 1);
}

TEST(re_ignore_case)
{
	CHECK_EQ(mi("START", "start /bin/getty"), 1);
	CHECK_EQ(m("START", "start /bin/getty"), 0);
	CHECK_EQ(mi("[a-c]x", "BX"), 1);
	CHECK_EQ(mi("[^a]", "A"), 0);
	CHECK_EQ(mi("[[:upper:]]", "q"), 1);
}

TEST(re_errors)
{
	CHECK_EQ(re_compile(&re, "[abc", 0), RE_EBRACK);
	CHECK_EQ(re_compile(&re, "[[:nope:]]", 0), RE_ECTYPE);
	CHECK_EQ(re_compile(&re, "[z-a]", 0), RE_ERANGE);
	CHECK_EQ(re_compile(&re, "\\(a", 0), RE_EPAREN);
	CHECK_EQ(re_compile(&re, "a\\)", 0), RE_EPAREN);
	CHECK_EQ(re_compile(&re, "a\\{1", 0), RE_EBRACE);
	CHECK_EQ(re_compile(&re, "a\\{2,1\\}", 0), RE_EBRACE);
	CHECK_EQ(re_compile(&re, "a\\{x\\}", 0), RE_EBRACE);
	CHECK_EQ(re_compile(&re, "a\\{\\}", 0), RE_EBRACE);
	CHECK_EQ(re_compile(&re, "a\\{1,2,3\\}", 0), RE_EBRACE);
	CHECK_EQ(re_compile(&re, "a\\{256\\}", 0), RE_EBRACE);
	CHECK_EQ(re_compile(&re, "\\{1\\}", 0), RE_EBRACE);
	CHECK_EQ(re_compile(&re, "ab\\", 0), RE_EESCAPE);
	CHECK_EQ(re_compile(&re, "\\(a\\)\\1", 0), RE_ESUBREG);
	CHECK_EQ(re_compile(&re, "\\(\\(\\(\\(\\(\\(\\(\\(\\(\\(\\(\\(\\(\\(\\(\\(\\(", 0), RE_ESIZE);
	CHECK(strcmp(re_strerror(RE_EBRACK), "unmatched [") == 0);
}

TEST(re_size_is_bounded)
{
	/* 255 copies of 255 copies would be 65025 instructions. */
	CHECK_EQ(re_compile(&re, "\\(a\\{255\\}\\)\\{255\\}", 0), RE_ESIZE);
	char big[RE_PROG_MAX + 8];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK_EQ(re_compile(&re, big, 0), RE_ESIZE);
	/* An interval late in a long pattern: its copies must fit behind it. */
	memset(big, 'a', 1000);
	strcpy(big + 1000, "x\\{255\\}");
	CHECK_EQ(re_compile(&re, big, 0), RE_ESIZE);
	strcpy(big + 1000, "[xy]\\{23\\}");
	CHECK_EQ(re_compile(&re, big, 0), RE_OK);
	strcpy(big + 1000, "[xy]\\{24\\}");
	CHECK_EQ(re_compile(&re, big, 0), RE_ESIZE);
	CHECK_EQ(re_compile(&re, "x\\{255\\}", 0), RE_OK);
	char line[300];
	memset(line, 'x', 255);
	line[255] = '\0';
	CHECK_EQ(re_match(&re, line, 255), 1);
	CHECK_EQ(re_match(&re, line, 254), 0);
}

TEST(re_pathological_patterns_are_fast)
{
	/* Exponential for a backtracking matcher; linear here. */
	size_t n = 100000;
	char *line = malloc(n + 1);
	memset(line, 'a', n);
	line[n] = '\0';
	CHECK_EQ(re_compile(&re, "a*a*a*a*a*a*a*a*a*a*b", 0), RE_OK);
	CHECK_EQ(re_match(&re, line, n), 0);
	CHECK_EQ(re_compile(&re, "\\(a*\\)*\\(a*\\)*b", 0), RE_OK);
	CHECK_EQ(re_match(&re, line, n), 0);
	CHECK_EQ(re_compile(&re, "^\\(a\\{0,20\\}\\)\\{0,20\\}$", 0), RE_OK);
	CHECK_EQ(re_match(&re, line, 400), 1);
	CHECK_EQ(re_match(&re, line, 401), 0);
	line[n - 1] = 'b';
	CHECK_EQ(re_compile(&re, "a*a*a*a*a*b", 0), RE_OK);
	CHECK_EQ(re_match(&re, line, n), 1);
	free(line);
}

TEST(re_matches_bytes_beyond_ascii)
{
	CHECK_EQ(m("\xc3\xa9", "caf\xc3\xa9"), 1);
	CHECK_EQ(m("caf.", "caf\xc3"), 1);
	CHECK_EQ(m("[\x80-\xff]", "plain"), 0);
	CHECK_EQ(m("[\x80-\xff]", "caf\xc3\xa9"), 1);
}

/* Random patterns from the constructs whose meaning POSIX fixes, matched
 * against random strings, must agree with the host's regcomp/regexec. */
static unsigned rnd_state = 2024;
static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 16) % n;
}

static void gen_seq(char *p, size_t *n, int depth);

static void gen_atom(char *p, size_t *n, int depth)
{
	static const char *const atoms[] = { "a", "b", "c", "A", ".", "[ab]", "[^a]", "[b-c]", "\\.",
					     "[[:upper:]]" };
	if (depth < 2 && rnd(5) == 0) {
		*n += (size_t)sprintf(p + *n, "\\(");
		gen_seq(p, n, depth + 1);
		*n += (size_t)sprintf(p + *n, "\\)");
	} else {
		*n += (size_t)sprintf(p + *n, "%s", atoms[rnd(10)]);
	}
	switch (rnd(6)) {
	case 0: case 1: *n += (size_t)sprintf(p + *n, "*"); break;
	case 2: {
		unsigned lo = rnd(3), hi = lo + rnd(3);
		*n += (size_t)sprintf(p + *n, "\\{%u,%u\\}", lo, hi);
		break;
	}
	default: break;
	}
}

static void gen_seq(char *p, size_t *n, int depth)
{
	unsigned k = 1 + rnd(4);
	for (unsigned i = 0; i < k; i++)
		gen_atom(p, n, depth);
}

TEST(re_agrees_with_the_host_regex)
{
	char pat[512], s[16];
	int disagree = 0, compared = 0;
	for (int t = 0; t < 3000 && !disagree; t++) {
		size_t n = 0;
		if (rnd(3) == 0)
			pat[n++] = '^';
		gen_seq(pat, &n, 0);
		if (rnd(3) == 0)
			pat[n++] = '$';
		pat[n] = '\0';
		int icase = rnd(4) == 0;
		regex_t host;
		if (regcomp(&host, pat, REG_NOSUB | (icase ? REG_ICASE : 0)))
			continue;
		CHECK_EQ(re_compile(&re, pat, icase ? RE_ICASE : 0), RE_OK);
		compared++;
		for (int k = 0; k < 20; k++) {
			size_t len = rnd(9);
			for (size_t i = 0; i < len; i++)
				s[i] = "abcAB."[rnd(6)];
			s[len] = '\0';
			int want = regexec(&host, s, 0, 0, 0) == 0, got = re_match(&re, s, len);
			if (want != got) {
				printf("pattern \"%s\" on \"%s\": host %d, ours %d\n", pat, s, want, got);
				disagree = 1;
				break;
			}
		}
		regfree(&host);
	}
	CHECK(!disagree);
	CHECK(compared > 2900);
}

/* Garbage from the special characters: compiling it answers (RE_OK or an
 * error) and matching stays in bounds (ASan and UBSan watch). */
TEST(re_garbage_patterns_are_safe)
{
	static const char alphabet[] = "ab\\\\\\(){}[[]]^$**..,-:0129+?";
	char pat[64], s[32];
	int ok = 0;
	for (int t = 0; t < 20000; t++) {
		size_t n = rnd(sizeof(pat) - 1);
		for (size_t i = 0; i < n; i++)
			pat[i] = alphabet[rnd(sizeof(alphabet) - 1)];
		pat[n] = '\0';
		if (re_compile(&re, pat, rnd(2) ? RE_ICASE : 0))
			continue;
		ok++;
		size_t len = rnd(sizeof(s));
		for (size_t i = 0; i < len; i++)
			s[i] = alphabet[rnd(sizeof(alphabet) - 1)];
		re_match(&re, s, len);
	}
	CHECK(ok > 100);
}
