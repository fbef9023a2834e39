/*
 * tee: stdin to stdout and to each file named. Files are written at
 * explicit offsets (the fs protocol has no file position): from 0 after
 * emptying them, or from their size with -a. A file that fails is
 * reported once and dropped; the others and stdout go on.
 */
#include <stdio.h>
#include <tern/tool.h>

#define USAGE "[-a] [FILE...]\n" \
	"  Copy stdin to stdout and to each FILE (made or emptied).\n" \
	"  -a  append to the files instead"

struct out {
	const char *arg;
	uint64_t handle, off;
	int open;
};

static struct out outs[PROG_ARGV_MAX];

static int out_open(struct out *o, const char *arg, int append)
{
	char path[FS_PATH_MAX + 1];
	unsigned type;
	uint64_t size = 0;
	o->arg = arg;
	if (tool_path(arg, path))
		return 1;
	long h = fs_open(TOOL_FS, path, FS_O_CREATE | (append ? 0 : FS_O_TRUNC));
	long r = h < 0 ? h : append ? fs_stat(TOOL_FS, path, &type, &size) : 0;
	if (r < 0) {
		if (h >= 0)
			fs_close(TOOL_FS, (uint64_t)h);
		return tool_fs_error(arg, r);
	}
	o->handle = (uint64_t)h;
	o->off = size;
	o->open = 1;
	return 0;
}

/* All of buf to the file, or report and drop it: 0 or 1. */
static int out_write(struct out *o, const unsigned char *buf, size_t n)
{
	for (size_t done = 0; done < n;) {
		long w = fs_write_at(TOOL_FS, o->handle, o->off, buf + done, n - done);
		if (w <= 0) {
			fs_close(TOOL_FS, o->handle);
			o->open = 0;
			return tool_fs_error(o->arg, w ? w : -FS_ENOSPC);
		}
		done += (size_t)w;
		o->off += (uint64_t)w;
	}
	return 0;
}

int main(int argc, const char **argv)
{
	struct tool_opt o = TOOL_OPT_INIT;
	int c, st = 0, append = 0;
	tool_init(argc, argv);
	while ((c = tool_opt_next(&o, argc, argv, "ha")) != -1) {
		if (c == 'a')
			append = 1;
		else
			return c == 'h' ? tool_usage(USAGE) : tool_bad_option(&o, USAGE);
	}
	int n = argc - o.ind;
	for (int i = 0; i < n; i++)
		st |= out_open(&outs[i], argv[o.ind + i], append);
	struct tool_in in;
	unsigned char buf[FS_IO_MAX];
	long r;
	tool_open(&in, 0);              /* stdin: a terminal is read as lines, until ^D */
	while ((r = tool_read(&in, buf, sizeof(buf))) > 0) {
		stdout_write(buf, (size_t)r);
		for (int i = 0; i < n; i++)
			if (outs[i].open)
				st |= out_write(&outs[i], buf, (size_t)r);
	}
	if (r < 0)
		st = tool_fs_error("-", r);
	for (int i = 0; i < n; i++)
		if (outs[i].open)
			fs_close(TOOL_FS, outs[i].handle);
	return st;
}
