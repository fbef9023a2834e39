/*
 * caps: what a program may do, which is what its manifest asked for and
 * init gave: the manifest embedded in its file, as init holds it
 * (INIT_MANIFEST). By init's id (as ps shows it) or by the name of a
 * running program (the first one ps lists). With no argument, the shell's
 * ("sh"): what the user at the prompt may do, as the shell's old builtin
 * showed it. Every sh runs the same file, so any running one will do.
 *
 *   caps [ID|NAME]...
 */
#include <proto/init.h>
#include <stdlib.h>
#include <string.h>
#include <tern/tool.h>

/* Program id for arg: digits, or the name of a running program; -1 if
 * none (reported). */
static long lookup(const char *arg)
{
	char *end;
	long id = strtol(arg, &end, 10);
	if (arg[0] >= '0' && arg[0] <= '9' && !*end)
		return id;
	id = init_find(PROG_INIT, arg);
	if (id <= 0) {
		tool_error("%s: no such program running", arg);
		return -1;
	}
	return id;
}

static int show(const char *arg, uint64_t id)
{
	char text[MSGBUF_MAX];
	uint64_t off = 0;
	for (;;) {
		long n = init_manifest(PROG_INIT, id, off, text, sizeof(text));
		if (n < 0)
			return tool_error("%s: %s", arg, init_strerror(-n));
		if (!n)
			break;
		tool_write(text, (size_t)n);
		off += (uint64_t)n;
	}
	if (!off)
		return tool_error("%s: no manifest", arg);
	return 0;
}

static int caps(int argc, const char **argv)
{
	int status = 0;
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-')
			return tool_usage("[ID|NAME]...");
	if (argc < 2) {
		long id = lookup("sh");
		return id < 0 ? 1 : show("sh", (uint64_t)id);
	}
	for (int i = 1; i < argc; i++) {
		long id = lookup(argv[i]);
		if (id < 0 || show(argv[i], (uint64_t)id))
			status = 1;
		tool_flush();
	}
	return status;
}

int main(int argc, const char **argv)
{
	tool_init(argc, argv);
	int status = caps(argc, argv);
	tool_flush();
	return status;
}
