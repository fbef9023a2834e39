/*
 * What the programs in /bin share (lib/tool.c, toolin.c, toolcopy.c, toolopt.c): their name for messages,
 * usage and errors on stderr, paths made absolute against the working
 * directory the spawner gave (prog_info->cwd), and input read the same way
 * from a named file or from stdin (a terminal, a pipe, a redirected file).
 *
 * Conventions: a tool that touches files has `0:endpoint = service=fs` in
 * its manifest (TOOL_FS); output goes through printf/stdout_write (a
 * closed pipe ends the tool quietly with status 141, lib/stdio.c); errors
 * are "NAME: what: why" on stderr and status 1; `-h` prints the usage to
 * stderr, status 2 (also what a wrong option gets).
 */
#pragma once
#include <proto/fs.h>
#include <proto/stream.h>
#include <stddef.h>
#include <stdint.h>
#include <tern/toolopt.h>
#include <tern/program.h>

#define TOOL_FS PROG_CAP(0)

extern const char *tool_name;
/* Remember argv[0]'s last component as the tool's name. */
void tool_init(int argc, const char **argv);
/* "usage: NAME USAGE" on stderr ("usage: NAME" if USAGE is ""); returns 2. */
int tool_usage(const char *usage);
/* What tool_opt_next's '?' gets: "NAME: -x: unknown option" (or "needs an
 * argument") and the usage; returns 2. */
int tool_bad_option(const struct tool_opt *o, const char *usage);
/* "NAME: " + the message + "\n" on stderr; returns 1. */
int tool_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "NAME: ARG: <fs error text>"; returns 1. */
int tool_fs_error(const char *arg, long err);
/* arg made absolute against the working directory into out
 * (FS_PATH_MAX + 1 bytes): 0, or -1 after reporting a too-long path. */
int tool_path(const char *arg, char *out);

/* The last component of an absolute path ("" for "/"). */
const char *tool_basename(const char *path);
/* Copy the file src to dst (absolute paths; dst is made or emptied),
 * naming them src_arg and dst_arg in errors (lib/toolcopy.c, cp and mv):
 * 0, or 1 after reporting. */
int tool_copy(const char *src_arg, const char *src, const char *dst_arg, const char *dst);
/* cp and mv after their options: argv[first .. argc-2] are the sources,
 * argv[argc-1] the destination (a directory if there are several);
 * move unlinks each source once copied. The exit status. */
int tool_copy_args(int argc, const char **argv, int first, int move);

/* An input: a file of the file system, or stdin. */
struct tool_in {
	int is_file;
	int tty;                        /* stdin is a terminal: lines typed, ^D ends (ttyline.h) */
	uint64_t handle, off;           /* a file: its fs handle, the next offset */
	unsigned char buf[FS_IO_MAX];
	size_t pos, len;
	int eof;
};
/* Open path (NULL or "-": stdin) for reading; reports a failure and
 * returns 1 (0 when open). A terminal as stdin is read in lines, echoed,
 * until ^D on an empty line, as a Unix tty does it. */
int tool_open(struct tool_in *in, const char *path);
/* Up to max bytes: > 0, 0 at the end, or -error (reported by the caller). */
long tool_read(struct tool_in *in, void *buf, size_t max);
/* The next line with its '\n' (unless the input ended without one), NUL
 * terminated, at most max - 1 bytes (a longer line comes in pieces):
 * its length, 0 at the end, or -error. */
long tool_getline(struct tool_in *in, char *line, size_t max);
/* The next line without its '\n' in line, NUL terminated, its length in
 * *len; of a line longer than max - 1 bytes only the first max - 1 (the
 * rest is skipped, *cut set): 1, 0 at the end, or -error
 * (lib/toolline.c). */
long tool_line(struct tool_in *in, char *line, size_t max, size_t *len, int *cut);
void tool_close(struct tool_in *in);
/* All of path (NULL or "-": stdin) in pieces of up to FS_IO_MAX bytes,
 * each handed to feed: 0, or 1 after reporting a failure to open or read
 * (what was read before a read error has been fed). */
int tool_each(const char *path, void (*feed)(void *ctx, const void *buf, size_t n), void *ctx);

/* Buffered stdout (lib/toolout.c): line buffered on a terminal, else in
 * blocks; tool_flush before exiting (and before anything unbuffered). */
void tool_write(const void *buf, size_t len);
int tool_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tool_flush(void);
