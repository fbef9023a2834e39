/*
 * ramfs's open handles and streams: every "open file description" the
 * server keeps, in one table (pure code over fstree.h and pipe.h;
 * unit-tested in ci/unit/test_ramfs.c). An entry is a handle of the fs
 * protocol (FS_OPEN), a file stream (FS_OPEN_STREAM) or one end of a pipe
 * (FS_PIPE). Its number is the table index in the low 8 bits and a
 * generation above it, so a closed entry stays invalid after its slot is
 * reused; a stream's cap carries STREAM_BADGE_OWN | number as its badge.
 *
 * Each entry remembers the badge of the client that made it. A handle can
 * be used only by that client; a stream by whoever holds its cap (that is
 * what caps are for), but it still counts against its maker until closed.
 * One client may hold only a quarter of the table (so it cannot lock the
 * others out), and when init reports the client gone, everything it made
 * is closed at once: handles, file streams and pipe ends alike.
 *
 * STREAM_DUP makes a second entry for an open stream (handle_dup), as
 * dup() does in Unix, so that a shell can give a program its own file or
 * pipe end and still keep one: a file stream's entries share one open file
 * description (struct file_desc: the offset), and a pipe counts the open
 * entries of each end, which closes with the last of them. A copy counts
 * against the maker of the stream it copies and is closed with it.
 *
 * Closing a pipe end may answer requests waiting on the pipe (a reader
 * learns of the end of the stream, a writer of the broken pipe): those
 * answers go to the caller's handle_answer_fn. A pipe is freed when both
 * its ends are closed; its memory is charged to the tree's byte budget,
 * like a file's, so pipes cannot run the server's heap dry either.
 */
#pragma once
#include "fstree.h"
#include "pipe.h"

#define RAMFS_HANDLES    128
#define RAMFS_PER_CLIENT (RAMFS_HANDLES / 4)

enum handle_kind {
	HANDLE_FREE,
	HANDLE_NODE,                    /* FS_OPEN: node, used by number */
	HANDLE_FILE_STREAM,             /* node, off, append */
	HANDLE_PIPE_READ,               /* pipe */
	HANDLE_PIPE_WRITE,              /* pipe */
};

/* What the entries of one file stream share: the file and the offset. */
struct file_desc {
	struct fst_node *node;
	uint64_t off;                   /* the next byte */
	bool append;                    /* writes go at the end */
	unsigned refs;                  /* entries using it */
};

struct handle {
	unsigned kind;
	struct fst_node *node;          /* HANDLE_NODE */
	struct file_desc *file;         /* HANDLE_FILE_STREAM */
	struct pipe *pipe;              /* HANDLE_PIPE_* */
	uint64_t owner;                 /* badge of the client that made it */
	uint64_t gen;
};

struct handle_table {
	struct handle h[RAMFS_HANDLES];
};

typedef void handle_answer_fn(const struct pipe_answer *a, void *ctx);

/* A free entry owner may fill: its index, or -FS_EMFILE (the table is
 * full, or owner holds its share). Changes nothing. */
long handle_slot(const struct handle_table *t, uint64_t owner);
/* Fill entry i (from handle_slot) with an open node: the handle number. */
uint64_t handle_fill(struct handle_table *t, unsigned i, uint64_t owner, struct fst_node *node);
/* The FS_OPEN handle number h if owner holds it, or 0. */
struct handle *handle_get(struct handle_table *t, uint64_t h, uint64_t owner);
/* Close one entry (from handle_get or handle_stream). */
void handle_close(struct fst *tree, struct handle *e, handle_answer_fn *answer, void *ctx);
/* Close everything owner made: how many entries there were. */
unsigned handles_release(struct handle_table *t, struct fst *tree, uint64_t owner,
			 handle_answer_fn *answer, void *ctx);

/* ---- streams ------------------------------------------------------------ */

/* Open path (FS_O_CREATE, TRUNC, EXCL, APPEND) as a file stream for owner:
 * 0 and its number, or -FS_E* (directories: FS_EISDIR). */
long handle_open_stream(struct handle_table *t, struct fst *tree, uint64_t owner, const char *path,
			unsigned flags, uint64_t *num);
/* A new pipe for owner: 0 and the numbers of its read and write ends, or
 * -FS_EMFILE / -FS_ENOSPC. */
long handle_pipe(struct handle_table *t, struct fst *tree, uint64_t owner, uint64_t num[2]);
/* Another entry for the open stream e (STREAM_DUP), counted against e's
 * maker: 0 and its number, or -FS_EMFILE. */
long handle_dup(struct handle_table *t, struct handle *e, uint64_t *num);
/* The open stream numbered num, whoever made it, or 0. */
struct handle *handle_stream(struct handle_table *t, uint64_t num);
/* A file stream's sequential I/O at its own offset: bytes moved or -FS_E*. */
long handle_stream_read(struct handle *e, void *buf, size_t max);
long handle_stream_write(struct fst *tree, struct handle *e, const void *buf, size_t n);
