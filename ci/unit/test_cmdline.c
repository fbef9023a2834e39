/* Unit tests for kernel/lib/cmdline.c. */
#include "unit.h"
#include <cmdline.h>
#include <string.h>

TEST(cmdline_finds_values_and_flags)
{
	char v[32];
	const char *c = "build/kernel/tern.elf ktest=ud  poweroff init=/sbin/init";
	CHECK(cmdline_get(c, "ktest", v, sizeof(v)));
	CHECK_STR(v, "ud");
	CHECK(cmdline_get(c, "poweroff", v, sizeof(v)));
	CHECK_STR(v, "");
	CHECK(cmdline_get(c, "init", v, sizeof(v)));
	CHECK_STR(v, "/sbin/init");
}

TEST(cmdline_no_prefix_matches)
{
	char v[32];
	CHECK(!cmdline_get("ktests=1 kt=2", "ktest", v, sizeof(v)));
	CHECK(!cmdline_get("", "ktest", v, sizeof(v)));
	CHECK(!cmdline_get("power", "poweroff", v, sizeof(v)));
}

TEST(cmdline_truncates_long_values)
{
	char v[4];
	CHECK(cmdline_get("k=abcdef", "k", v, sizeof(v)));
	CHECK_STR(v, "abc");
}
