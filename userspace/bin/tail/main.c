/*
 * tail: the last N lines (10 unless -n N or -N) of each file or stdin, or
 * with -n +N everything from line N on. The last lines are kept in a ring
 * (ring.c) of TAIL_KEEP bytes, read in one pass, the same for a file and a
 * pipe; lines that do not fit in it are lost from the front.
 */
#include "ring.h"
#include <stdio.h>
#include <stdlib.h>
#include <tern/tool.h>

#define USAGE "[-n N | -n +N | -N] [FILE...]\n" \
	"  Print the last N lines (default 10) of each FILE (stdin when none or \"-\");\n" \
	"  with +N, the lines from line N on. At most the last 32 KiB are kept."
#define TAIL_KEEP (32 * 1024)

static unsigned long want = 10;
static int from_start;          /* -n +N: from line `want` on */
static char *keep;

/* Copy in to stdout from line `want` (1-based) on. */
static long tail_from(struct tool_in *in)
{
	unsigned char buf[FS_IO_MAX];
	unsigned long line = 1;
	long n;
	while ((n = tool_read(in, buf, sizeof(buf))) > 0) {
		long i = 0;
		while (line < want && i < n)
			if (buf[i++] == '\n')
				line++;
		if (i < n)
			stdout_write(buf + i, (size_t)(n - i));
	}
	return n;
}

static long tail_last(struct tool_in *in)
{
	unsigned char buf[FS_IO_MAX];
	struct tail_ring r;
	long n;
	tr_init(&r, keep, TAIL_KEEP, want);
	while ((n = tool_read(in, buf, sizeof(buf))) > 0)
		tr_feed(&r, buf, (size_t)n);
	tr_finish(&r);
	const char *a, *b;
	size_t an, bn;
	tr_pieces(&r, &a, &an, &b, &bn);
	stdout_write(a, an);
	stdout_write(b, bn);
	return n;
}

static int tail_one(const char *arg)
{
	struct tool_in in;
	if (tool_open(&in, arg))
		return 1;
	long n = from_start ? tail_from(&in) : tail_last(&in);
	tool_close(&in);
	return n < 0 ? tool_fs_error(arg ? arg : "-", n) : 0;
}

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	int c, st = 0;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "hn:#")) != -1) {
		if (c == 'n' || c == '#') {
			const char *s = o.arg;
			from_start = c == 'n' && *s == '+';
			if (tool_opt_count(s + from_start, &want)) {
				tool_error("%s: not a line count", o.arg);
				return 2;
			}
		} else {
			return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
		}
	}
	if (!from_start && !(keep = malloc(TAIL_KEEP)))
		return tool_error("out of memory");
	if (o.ind == argc)
		return tail_one(0);
	for (int i = o.ind; i < argc; i++) {
		if (argc - o.ind > 1)
			printf("%s==> %s <==\n", i > o.ind ? "\n" : "", argv[i]);
		st |= tail_one(argv[i]);
	}
	return st;
}
