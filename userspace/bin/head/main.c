/*
 * head: the first N lines (10 unless -n N or -N) of each file or stdin.
 * It stops reading once it has them, so in `cat big | head -1` cat gets a
 * broken pipe when head ends. With several files each gets a
 * "==> NAME <==" header, as GNU head prints.
 */
#include <stdio.h>
#include <tern/tool.h>

#define USAGE "[-n N | -N] [FILE...]\n" \
	"  Print the first N lines (default 10) of each FILE (stdin when none or \"-\")."

static unsigned long want = 10;

static int head_one(const char *arg)
{
	struct tool_in in;
	char line[FS_IO_MAX + 1];
	unsigned long lines = 0;
	long n = 0;
	if (tool_open(&in, arg))
		return 1;
	while (lines < want && (n = tool_getline(&in, line, sizeof(line))) > 0) {
		stdout_write(line, (size_t)n);
		if (line[n - 1] == '\n')
			lines++;        /* a long line comes in pieces: count its end */
	}
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
			if (tool_opt_count(o.arg, &want)) {
				tool_error("%s: not a line count", o.arg);
				return 2;
			}
		} else {
			return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
		}
	}
	if (o.ind == argc)
		return head_one(0);
	for (int i = o.ind; i < argc; i++) {
		if (argc - o.ind > 1)
			printf("%s==> %s <==\n", i > o.ind ? "\n" : "", argv[i]);
		st |= head_one(argv[i]);
	}
	return st;
}
