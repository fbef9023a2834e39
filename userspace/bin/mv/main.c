/*
 * mv: move files. The file system has no rename (proto/fs.h), so a move
 * is a copy (lib/toolcopy.c, as cp) and then an unlink of the source;
 * the source stays if the copy failed.
 */
#include <tern/tool.h>

#define USAGE "SRC DST | SRC... DIR\n" \
	"  Move the file SRC to DST, or each SRC into the directory DIR.\n" \
	"  Files only (a copy, then the source is removed): a directory is refused."

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	int c;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "h")) != -1)
		return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	if (argc - o.ind < 2)
		return tool_usage(USAGE);
	return tool_copy_args(argc, argv, o.ind, 1);
}
