/*
 * The tools' inputs (tern/tool.h): a file read at explicit offsets, or
 * stdin, a terminal read in typed lines. Apart from tool.c so that tools
 * that read nothing do not carry it.
 */
#include <stdio.h>
#include <string.h>
#include <tern/tool.h>
#include <tern/ttyline.h>

int tool_open(struct tool_in *in, const char *path)
{
	memset(in, 0, sizeof(*in));
	if (!path || !strcmp(path, "-")) {
		in->tty = isatty(PROG_STDIN);
		return 0;
	}
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

/*
 * stdin from a terminal: a line at a time, echoed on the terminal itself,
 * ^D for the end (tern/ttyline.h), since terminals pass raw keys. One
 * stdin per program, so its state is ours; bytes typed past a line wait
 * in raw for the next call.
 */
static long tty_fill(struct tool_in *in)
{
	static struct ttyline tty;
	static unsigned char raw[STREAM_CHUNK];
	static size_t rpos, rlen;
	enum ttyline_status st = TTYLINE_MORE;
	while (st == TTYLINE_MORE) {
		if (rpos == rlen) {
			if (tty.echo_len)
				stream_write(PROG_STDIN, tty.echo, tty.echo_len);
			tty.echo_len = 0;
			long n = stdin_read(raw, sizeof(raw));
			if (n <= 0)
				return n;
			rpos = 0;
			rlen = (size_t)n;
		}
		st = ttyline_key(&tty, raw[rpos++]);
	}
	if (tty.echo_len)
		stream_write(PROG_STDIN, tty.echo, tty.echo_len);
	tty.echo_len = 0;
	if (st == TTYLINE_EOF)
		return 0;
	memcpy(in->buf, tty.line, tty.len);
	long n = (long)tty.len;
	tty.len = 0;
	return n;
}

/* Refill the buffer: > 0 bytes, 0 at the end, or -error. */
static long tool_fill(struct tool_in *in)
{
	if (in->eof)
		return 0;
	long n;
	if (in->tty) {
		n = tty_fill(in);
	} else if (in->is_file) {
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

int tool_each(const char *path, void (*feed)(void *ctx, const void *buf, size_t n), void *ctx)
{
	struct tool_in in;
	unsigned char buf[FS_IO_MAX];
	long n;
	if (tool_open(&in, path))
		return 1;
	while ((n = tool_read(&in, buf, sizeof(buf))) > 0)
		feed(ctx, buf, (size_t)n);
	tool_close(&in);
	return n < 0 ? tool_fs_error(path ? path : "-", n) : 0;
}
