/*
 * kill: ask init to end programs (INIT_KILL), by init's id as ps shows it.
 * Its manifest asks for [init] control, so it may end any program when
 * its spawner may (docs/manifest.md, "Authority"); a driver ended this
 * way is restarted by init.
 *
 *   kill ID...
 */
#include <proto/init.h>
#include <stdlib.h>
#include <tern/tool.h>

int main(int argc, const char **argv)
{
	int status = 0;
	tool_init(argc, argv);
	if (argc < 2)
		return tool_usage("ID...");
	for (int i = 1; i < argc; i++) {
		char *end;
		long id = strtol(argv[i], &end, 10);
		if (argv[i][0] == '-')
			return tool_usage("ID...");
		if (!argv[i][0] || *end || id < 0) {
			status = tool_error("%s: not a program id", argv[i]);
			continue;
		}
		long r = init_kill(PROG_INIT, (uint64_t)id);
		if (r < 0)
			status = tool_error("%s: %s", argv[i], init_strerror(-r));
	}
	return status;
}
