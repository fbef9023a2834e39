/*
 * hexdump: the canonical hex+ASCII dump (hexline.c) of the files, one
 * after the other as one stream, or of stdin. -C is the only format, so
 * it may be given or not; -v shows repeated lines instead of "*".
 */
#include "hexline.h"
#include <stdio.h>
#include <tern/tool.h>

#define USAGE "[-C] [-v] [FILE...]\n" \
	"  Dump the FILEs (stdin when none or \"-\"), as one stream, in hex and ASCII:\n" \
	"  offset, 16 bytes, |text|. -C: this format (the only one). -v: no \"*\" for\n" \
	"  repeated lines."

static void emit(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	stdout_write(line, len);
}

static void feed(void *h, const void *buf, size_t n)
{
	hd_feed(h, buf, n);
}

static int dump(struct hexdump *h, const char *arg)
{
	return tool_each(arg, feed, h);
}

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	struct hexdump h;
	int c, st = 0, all = 0;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "hCv")) != -1) {
		if (c == 'v')
			all = 1;
		else if (c != 'C')
			return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	}
	hd_init(&h, all, emit, 0);
	if (o.ind == argc)
		st = dump(&h, 0);
	for (int i = o.ind; i < argc; i++)
		st |= dump(&h, argv[i]);
	hd_finish(&h);
	return st;
}
