/* cp: copy files (lib/toolcopy.c does the work, shared with mv). */
#include <tern/tool.h>

#define USAGE "SRC DST | SRC... DIR\n" \
	"  Copy the file SRC to DST (made or emptied), or each SRC into the directory DIR.\n" \
	"  Files only: a directory is refused."

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	int c;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "h")) != -1)
		return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	if (argc - o.ind < 2)
		return tool_usage(USAGE);
	return tool_copy_args(argc, argv, o.ind, 0);
}
