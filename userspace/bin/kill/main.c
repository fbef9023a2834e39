/*
 * kill: ask init to end programs (INIT_KILL), by init's id as ps shows it.
 * Its manifest asks for [init] control, so it may end any program when
 * its spawner may (docs/manifest.md, "Authority"); a driver ended this
 * way is restarted by init.
 *
 *   kill [-9|-KILL|-TERM] ID...
 *
 * tern has one way to end a program (init ends it, status 137), so the
 * signal names a Unix hand types out of habit are taken and ignored.
 */
#include <proto/init.h>
#include <stdlib.h>
#include <string.h>
#include <tern/tool.h>

static int is_signal(const char *a)
{
	return !strcmp(a, "-9") || !strcmp(a, "-KILL") || !strcmp(a, "-15") || !strcmp(a, "-TERM");
}

int main(int argc, const char **argv)
{
	static const char usage[] = "[-9|-KILL|-TERM] ID...";
	int status = 0, i = 1;
	tool_init(argc, argv);
	if (i < argc && is_signal(argv[i]))
		i++;
	if (i == argc)
		return tool_usage(usage);
	for (; i < argc; i++) {
		if (argv[i][0] == '-')
			return tool_usage(usage);
		char *end;
		long id = strtol(argv[i], &end, 10);
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
