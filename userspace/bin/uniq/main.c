/*
 * uniq: print each run of adjacent equal lines once (uniqlines.h).
 *
 *   uniq [-cdu] [FILE]
 *
 * -c puts the run's length in front ("%7lu " as POSIX), -d prints only
 * runs of two or more, -u only lines that are not repeated. With no FILE
 * (or "-") it reads stdin. A line longer than UNIQ_LINE_MAX bytes is cut
 * there (the rest is skipped), and stderr says so.
 */
#include "uniqlines.h"
#include <string.h>
#include <tern/tool.h>

static struct uniq u;
static char line[UNIQ_LINE_MAX + 1];
static int opt_count;

static void emit(void *ctx, const char *s, size_t len, unsigned long count)
{
	(void)ctx;
	if (opt_count)
		tool_printf("%7lu ", count);
	tool_write(s, len);
	tool_write("\n", 1);
}

static int uniq_main(int argc, const char **argv)
{
	static const char usage[] = "[-cdu] [FILE]";
	static struct tool_in in;
	int flags = 0, i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			switch (*o) {
			case 'c': opt_count = 1; break;
			case 'd': flags |= UNIQ_REPEATED; break;
			case 'u': flags |= UNIQ_SINGLE; break;
			default: return tool_usage(usage);
			}
		}
	}
	if (argc - i > 1)
		return tool_usage(usage);
	const char *path = i < argc ? argv[i] : 0;
	if (tool_open(&in, path))
		return 1;
	uniq_init(&u, flags, emit, 0);
	long r;
	size_t len;
	int cut, warned = 0;
	while ((r = tool_line(&in, line, sizeof(line), &len, &cut)) > 0) {
		if (cut && !warned) {
			tool_error("%s: a line is longer than %u bytes: cut", path ? path : "(standard input)",
				   UNIQ_LINE_MAX);
			warned = 1;
		}
		uniq_line(&u, line, len);
	}
	tool_close(&in);
	if (r < 0)
		return tool_fs_error(path ? path : "(standard input)", r);
	uniq_end(&u);
	return 0;
}

int main(int argc, const char **argv)
{
	tool_init(argc, argv);
	int status = uniq_main(argc, argv);
	tool_flush();
	return status;
}
