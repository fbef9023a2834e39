/* Shared parts of the /bin tools (see tern/tool.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <tern/path.h>
#include <tern/tool.h>

const char *tool_name = "?";

void tool_init(int argc, const char **argv)
{
	if (argc < 1 || !argv[0])
		return;
	const char *slash = strrchr(argv[0], '/');
	tool_name = slash ? slash + 1 : argv[0];
}

int tool_usage(const char *usage)
{
	eprintf("usage: %s%s%s\n", tool_name, *usage ? " " : "", usage);
	return 2;
}

int tool_bad_option(const struct tool_opt *o, const char *usage)
{
	eprintf("%s: -%c: %s\n", tool_name, o->bad, o->missing ? "needs an argument" : "unknown option");
	return tool_usage(usage);
}

int tool_error(const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	eprintf("%s: %s\n", tool_name, msg);   /* one write: one line, never split */
	return 1;
}

int tool_fs_error(const char *arg, long err)
{
	/* Inputs and outputs may be streams too (stdin, a pipe). */
	const char *why = err == -STREAM_EPIPE ? "broken pipe" : err == -STREAM_EBADF ? "stream closed" : fs_strerror(err);
	return tool_error("%s: %s", arg, why);
}

int tool_path(const char *arg, char *out)
{
	const char *cwd = prog_info && prog_info->cwd[0] == '/' ? prog_info->cwd : "/";
	if (!path_resolve(cwd, arg, out, FS_PATH_MAX + 1))
		return 0;
	tool_fs_error(arg, -FS_ENAMETOOLONG);
	return -1;
}

const char *tool_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
