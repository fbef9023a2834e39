/*
 * wc: count lines, words and bytes of each file (or stdin), with a total
 * line when there are several. Columns are 7 wide; a lone count of a lone
 * input is printed bare, so `... | wc -l` says "3", as GNU wc does.
 */
#include "count.h"
#include <stdio.h>
#include <tern/tool.h>

#define USAGE "[-lwc] [FILE...]\n" \
	"  Count lines, words and bytes of each FILE (stdin when none or \"-\").\n" \
	"  -l lines  -w words  -c bytes (default: all three, in that order)"

static int show_lines, show_words, show_bytes, bare;

/* The line in one write, so it stays whole in a shared pipe. */
static void print_counts(const struct wc_count *c, const char *name)
{
	const uint64_t v[3] = { c->lines, c->words, c->bytes };
	const int show[3] = { show_lines, show_words, show_bytes };
	char line[3 * 21 + FS_PATH_MAX + 2];
	size_t len = 0;
	for (int i = 0; i < 3; i++)
		if (show[i])
			len += (size_t)snprintf(line + len, sizeof(line) - len, bare ? "%s%lu" : "%s%7lu",
						len ? " " : "", (unsigned long)v[i]);
	snprintf(line + len, sizeof(line) - len, name ? " %s\n" : "\n", name);
	printf("%s", line);
}

/* Count one input into c: 0, or 1 after reporting. */
static void feed(void *c, const void *buf, size_t n)
{
	wc_feed(c, buf, n);
}

static int count(const char *arg, struct wc_count *c)
{
	return tool_each(arg, feed, c);
}

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	int c, st = 0;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "hlwc")) != -1) {
		if (c == 'l')
			show_lines = 1;
		else if (c == 'w')
			show_words = 1;
		else if (c == 'c')
			show_bytes = 1;
		else
			return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = 1;
	int files = argc - o.ind;
	bare = files <= 1 && show_lines + show_words + show_bytes == 1;
	if (!files) {
		struct wc_count one = { 0 };
		st = count(0, &one);
		if (!st)
			print_counts(&one, 0);
		return st;
	}
	struct wc_count total = { 0 };
	for (int i = o.ind; i < argc; i++) {
		struct wc_count one = { 0 };
		if (count(argv[i], &one)) {
			st = 1;
			continue;
		}
		print_counts(&one, argv[i]);
		total.lines += one.lines;
		total.words += one.words;
		total.bytes += one.bytes;
	}
	if (files > 1)
		print_counts(&total, "total");
	return st;
}
