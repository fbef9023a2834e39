/* Unit tests for userspace/sbin/init/confvar.c: kernel arguments in init.conf. */
#include "unit.h"
#include <confvar.h>
#include <string.h>

static const char *ex(const char *cmdline, const char *in)
{
	static char out[64];
	return conf_expand(cmdline, in, out, sizeof(out)) ? "(error)" : out;
}

TEST(confvar_values_and_defaults)
{
	const char *cmd = "tern.elf keymap=de console=com2,screen quiet";
	CHECK_STR(ex(cmd, "${keymap}"), "de");
	CHECK_STR(ex(cmd, "${keymap:-us}"), "de");
	CHECK_STR(ex("tern.elf", "${keymap:-us}"), "us");
	CHECK_STR(ex("tern.elf keymap=", "${keymap:-us}"), "us");     /* empty: the default */
	CHECK_STR(ex(cmd, "${nothing}"), "");
	CHECK_STR(ex(cmd, "a${keymap}b${console}c"), "adebcom2,screenc");
	CHECK_STR(ex(cmd, "plain"), "plain");
	CHECK_STR(ex(cmd, "$keymap"), "$keymap");                     /* only ${...} */
}

TEST(confvar_matches_whole_names)
{
	/* "xkeymap=" and "keymapx=" are other arguments. */
	CHECK_STR(ex("tern.elf xkeymap=fr keymapx=it", "${keymap:-us}"), "us");
	CHECK_STR(ex("keymap=fr", "${keymap}"), "fr");                /* at the very start */
}

TEST(confvar_errors)
{
	char small[4];
	CHECK_EQ(conf_expand("", "${open", small, sizeof(small)), -1);
	CHECK_EQ(conf_expand("k=longvalue", "${k}", small, sizeof(small)), -1);
	CHECK_EQ(conf_expand("", "abc", small, sizeof(small)), 0);
	CHECK_EQ(conf_expand("", "abcd", small, sizeof(small)), -1);
}
