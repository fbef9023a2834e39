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
	return tool_error("%s: %s", arg, fs_strerror(err));
}

int tool_path(const char *arg, char *out)
{
	const char *cwd = prog_info && prog_info->cwd[0] == '/' ? prog_info->cwd : "/";
	if (!path_resolve(cwd, arg, out, FS_PATH_MAX + 1))
		return 0;
	tool_fs_error(arg, -FS_ENAMETOOLONG);
	return -1;
}

int tool_open(struct tool_in *in, const char *path)
{
	memset(in, 0, sizeof(*in));
	if (!path || !strcmp(path, "-"))
		return 0;
	char abs[FS_PATH_MAX + 1];
	if (tool_path(path, abs))
		return 1;
	long h = fs_open(TOOL_FS, abs, 0);
	if (h < 0)
		return tool_fs_error(path, h);
	in->is_file = 1;
	in->handle = (uint64_t)h;
	return 0;
}

/* Refill the buffer: > 0 bytes, 0 at the end, or -error. */
static long tool_fill(struct tool_in *in)
{
	if (in->eof)
		return 0;
	long n;
	if (in->is_file) {
		n = fs_read_at(TOOL_FS, in->handle, in->off, in->buf, sizeof(in->buf));
		if (n > 0)
			in->off += (uint64_t)n;
	} else {
		n = stdin_read(in->buf, sizeof(in->buf) < STREAM_CHUNK ? sizeof(in->buf) : STREAM_CHUNK);
	}
	if (n <= 0) {
		in->eof = n == 0;
		return n;
	}
	in->pos = 0;
	in->len = (size_t)n;
	return n;
}

long tool_read(struct tool_in *in, void *buf, size_t max)
{
	if (in->pos == in->len) {
		long n = tool_fill(in);
		if (n <= 0)
			return n;
	}
	size_t k = in->len - in->pos < max ? in->len - in->pos : max;
	memcpy(buf, in->buf + in->pos, k);
	in->pos += k;
	return (long)k;
}

long tool_getline(struct tool_in *in, char *line, size_t max)
{
	size_t n = 0;
	while (n + 1 < max) {
		if (in->pos == in->len) {
			long r = tool_fill(in);
			if (r < 0)
				return n ? (long)n : r;
			if (r == 0)
				break;
		}
		char c = (char)in->buf[in->pos++];
		line[n++] = c;
		if (c == '\n')
			break;
	}
	line[n] = '\0';
	return (long)n;
}

void tool_close(struct tool_in *in)
{
	if (in->is_file)
		fs_close(TOOL_FS, in->handle);
	in->is_file = 0;
}
