/*
 * grep: print the lines that match a basic regular expression (regex.h).
 *
 *   grep [-cinqv] [-e] PATTERN [FILE...]
 *
 * -c counts matching lines instead, -i ignores case, -n numbers the lines,
 * -q prints nothing (the status says), -v selects the lines that do not
 * match; -e PATTERN gives the pattern (one), even one starting with '-'.
 * With no FILE (or "-") it reads stdin; with more than one, each line or
 * count is prefixed "FILE:". Status 0 if a line was selected, 1 if
 * none, 2 on an error (a bad pattern, an unreadable file), as POSIX grep.
 * Of a line longer than GREP_LINE_MAX - 1 bytes only the start is
 * matched and printed, and stderr says so (once for each input).
 */
#include "regex.h"
#include <stdio.h>
#include <string.h>
#include <tern/tool.h>

#define GREP_LINE_MAX 65536

static struct re re;
static char line[GREP_LINE_MAX];
static int opt_count, opt_number, opt_quiet, opt_invert;

/* Lines of one input: how many were selected, or -1 after an error. */
static long grep_input(const char *path, int prefix)
{
	static struct tool_in in;
	if (tool_open(&in, path))
		return -1;
	const char *name = path ? path : "(standard input)";
	long selected = 0, r;
	unsigned long lineno = 0;
	size_t len;
	int cut, warned = 0;
	while ((r = tool_line(&in, line, sizeof(line), &len, &cut)) > 0) {
		lineno++;
		if (cut && !warned) {
			tool_error("%s: line %lu is longer than %u bytes: cut", name, lineno, GREP_LINE_MAX - 1);
			warned = 1;
		}
		if (re_match(&re, line, len) == opt_invert)
			continue;
		selected++;
		if (opt_quiet)
			break;          /* the answer is known */
		if (opt_count)
			continue;
		if (prefix)
			tool_printf("%s:", name);
		if (opt_number)
			tool_printf("%lu:", lineno);
		line[len] = '\n';
		tool_write(line, len + 1);
	}
	tool_close(&in);
	if (r < 0) {
		tool_fs_error(name, r);
		return -1;
	}
	if (opt_count && !opt_quiet) {
		if (prefix)
			tool_printf("%s:", name);
		tool_printf("%ld\n", selected);
	}
	return selected;
}

static int grep_main(int argc, const char **argv)
{
	static const char usage[] = "[-cinqv] [-e] PATTERN [FILE...]";
	const char *pattern = 0;
	int flags = 0, i = 1;
	tool_init(argc, argv);
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		int took = 0;   /* -e took the rest of this word or the next */
		for (const char *o = argv[i] + 1; *o && !took; o++) {
			switch (*o) {
			case 'e':
				if (pattern)
					return tool_usage(usage);       /* one pattern */
				pattern = o[1] ? o + 1 : i + 1 < argc ? argv[++i] : 0;
				if (!pattern)
					return tool_usage(usage);
				took = 1;
				break;
			case 'c': opt_count = 1; break;
			case 'i': flags |= RE_ICASE; break;
			case 'n': opt_number = 1; break;
			case 'q': opt_quiet = 1; break;
			case 'v': opt_invert = 1; break;
			default: return tool_usage(usage);
			}
		}
	}
	if (!pattern && i == argc)
		return tool_usage(usage);
	if (!pattern)
		pattern = argv[i++];
	int err = re_compile(&re, pattern, flags);
	if (err) {
		tool_error("%s: %s", pattern, re_strerror(err));
		return 2;
	}
	int nfiles = argc - i, failed = 0;
	long selected = 0;
	if (!nfiles)
		selected = grep_input(0, 0);
	for (; i < argc; i++) {
		long n = grep_input(strcmp(argv[i], "-") ? argv[i] : 0, nfiles > 1);
		if (n < 0)
			failed = 1;
		else
			selected += n;
		if (opt_quiet && selected)
			return 0;
	}
	if (selected < 0)
		failed = 1;
	if (opt_quiet && selected > 0)
		return 0;
	return failed ? 2 : selected > 0 ? 0 : 1;
}

int main(int argc, const char **argv)
{
	int status = grep_main(argc, argv);
	tool_flush();
	return status;
}
