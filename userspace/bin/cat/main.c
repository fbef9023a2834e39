/*
 * cat: the files named (or stdin, also for "-") one after the other on
 * stdout. A file that cannot be read is reported and skipped.
 */
#include <stdio.h>
#include <tern/tool.h>

#define USAGE "[FILE...]\n  Print the files in order; stdin when none or for \"-\"."

static void put(void *ctx, const void *buf, size_t n)
{
	(void)ctx;
	stdout_write(buf, n);
}

static int cat_one(const char *arg)
{
	return tool_each(arg, put, 0);
}

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	int c, st = 0;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "h")) != -1)
		return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	if (o.ind == argc)
		return cat_one(0);
	for (int i = o.ind; i < argc; i++)
		st |= cat_one(argv[i]);
	return st;
}
