/*
 * Unit tests for the shell's Tab completion (userspace/bin/sh/complete.c):
 * which word is completed and how, and what gets inserted.
 */
#include "unit.h"
#include "complete.h"
#include <string.h>

static struct cpl_word w;
static struct cpl_set s;
static char ins[80];

/* The word at the end of line (the cursor there): "start/dirlen/command". */
static const char *word(const char *line)
{
	static char t[32];
	cpl_find(line, strlen(line), &w);
	snprintf(t, sizeof(t), "%zu/%zu/%d", w.start, w.dirlen, w.command);
	return t;
}

TEST(cpl_first_word_is_a_command)
{
	CHECK_STR(word(""), "0/0/1");
	CHECK_STR(word("ec"), "0/0/1");
	CHECK_STR(word("  ec"), "2/0/1");
	CHECK_STR(word("cat /etc/motd | gr"), "16/0/1");
	CHECK_STR(word("a;b"), "2/0/1");
	CHECK_STR(word("a && b"), "5/0/1");
	CHECK_STR(word("a &"), "3/0/1");
}

TEST(cpl_later_words_are_paths)
{
	CHECK_STR(word("cat "), "4/0/0");
	CHECK_STR(word("cat /et"), "4/1/0");
	CHECK_STR(word("cat /etc/mo"), "4/5/0");
	CHECK_STR(word("cat etc/"), "4/4/0");
	CHECK_STR(word("echo hi >/tm"), "9/1/0");
	CHECK_STR(word("echo hi > t"), "10/0/0");
	CHECK_STR(word("cat <f"), "5/0/0");
	CHECK_STR(word("/bin/c"), "0/5/0");     /* a command with a '/' is a path */
	CHECK_STR(word("./x"), "0/2/0");
}

TEST(cpl_cursor_inside_the_line)
{
	cpl_find("cat /etc/motd", 8, &w);       /* cursor after "/etc" */
	CHECK_EQ(w.start, 4);
	CHECK_EQ(w.dirlen, 1);
	cpl_find("ab", 99, &w);                 /* a cursor past the end is the end */
	CHECK_EQ(w.start, 0);
}

TEST(cpl_one_match_completes_whole)
{
	cpl_set_init(&s, "mo", 2);
	cpl_add(&s, "init.conf", 0);
	cpl_add(&s, "motd", 0);
	cpl_add(&s, "m", 0);
	CHECK_EQ(s.n, 1);
	cpl_insertion(&s, ins, sizeof(ins));
	CHECK_STR(ins, "td ");
	cpl_set_init(&s, "e", 1);
	cpl_add(&s, "etc", 1);
	cpl_insertion(&s, ins, sizeof(ins));
	CHECK_STR(ins, "tc/");
	cpl_set_init(&s, "etc", 3);             /* already whole: just the end */
	cpl_add(&s, "etc", 1);
	cpl_insertion(&s, ins, sizeof(ins));
	CHECK_STR(ins, "/");
}

TEST(cpl_several_complete_the_common_prefix)
{
	cpl_set_init(&s, "u", 1);
	cpl_add(&s, "uptime", 0);
	cpl_add(&s, "uname", 0);
	cpl_add(&s, "uniq", 0);
	CHECK_EQ(s.n, 3);
	cpl_insertion(&s, ins, sizeof(ins));
	CHECK_STR(ins, "");
	cpl_set_init(&s, "ca", 2);
	cpl_add(&s, "caps", 0);
	cpl_add(&s, "cat", 0);
	cpl_add(&s, "cd", 0);
	cpl_insertion(&s, ins, sizeof(ins));
	CHECK_STR(ins, "");
	cpl_set_init(&s, "h", 1);
	cpl_add(&s, "hexdump", 0);
	cpl_add(&s, "head", 0);
	cpl_add(&s, "help", 0);
	cpl_insertion(&s, ins, sizeof(ins));
	CHECK_STR(ins, "e");
	cpl_sort(&s);
	CHECK_STR(s.names[0], "head");
	CHECK_STR(s.names[1], "help");
	CHECK_STR(s.names[2], "hexdump");
}

TEST(cpl_duplicates_count_once)
{
	cpl_set_init(&s, "ec", 2);
	cpl_add(&s, "echo", 0);                 /* the builtin */
	cpl_add(&s, "echo", 0);                 /* and /bin/echo */
	CHECK_EQ(s.n, 1);
	cpl_insertion(&s, ins, sizeof(ins));
	CHECK_STR(ins, "ho ");
}

TEST(cpl_nothing_matches)
{
	cpl_set_init(&s, "zz", 2);
	cpl_add(&s, "a", 0);
	CHECK_EQ(s.n, 0);
	cpl_insertion(&s, ins, sizeof(ins));
	CHECK_STR(ins, "");
	cpl_set_init(&s, "", 0);                /* an empty prefix takes everything */
	cpl_add(&s, "bin", 1);
	cpl_add(&s, "etc", 1);
	CHECK_EQ(s.n, 2);
}

TEST(cpl_bounds)
{
	char big[200];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	cpl_set_init(&s, big, strlen(big));     /* a prefix longer than any name */
	CHECK_EQ(s.prefixlen, CPL_NAME_MAX);
	cpl_add(&s, big, 0);                    /* a name too long: ignored */
	CHECK_EQ(s.n, 0);
	cpl_set_init(&s, "", 0);
	for (int i = 0; i < CPL_LIST_MAX + 10; i++) {
		char name[16];
		snprintf(name, sizeof(name), "n%d", i);
		cpl_add(&s, name, i & 1);
	}
	CHECK_EQ(s.n, CPL_LIST_MAX + 10);
	CHECK_EQ(s.nlisted, CPL_LIST_MAX);
	cpl_set_init(&s, "x", 1);
	cpl_add(&s, "xylophone", 0);
	char small[4];
	cpl_insertion(&s, small, sizeof(small));
	CHECK_STR(small, "ylo");
	cpl_insertion(&s, small, 0);
}

/* Random lines and cursors: no out-of-bounds reads, sane results. */
TEST(cpl_random_lines)
{
	static const char alphabet[] = "ab/ |&;<>.\t";
	char line[64];
	unsigned seed = 7;
	for (int round = 0; round < 100000; round++) {
		seed = seed * 1103515245u + 12345u;
		size_t len = (seed >> 16) % sizeof(line);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			line[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		line[len] = '\0';
		size_t cur = (seed >> 8) % (len + 1);
		cpl_find(line, cur, &w);
		CHECK(w.start <= cur);
		CHECK(w.start + w.dirlen <= cur);
		cpl_set_init(&s, line + w.start + w.dirlen, cur - w.start - w.dirlen);
		cpl_add(&s, "ab", 0);
		cpl_add(&s, "a/b", 1);
		cpl_insertion(&s, ins, sizeof(ins));
		CHECK(strlen(ins) < sizeof(ins));
	}
}
