/*
 * The file-system protocol (served by srv/ramfs). Paths are absolute,
 * '/'-separated, at most FS_PATH_MAX bytes, sent inline from MR2 with
 * their length in MR1. Replies carry the status in the label: 0 or FS_E*.
 *
 *   FS_OPEN      MR0 = flags (FS_O_*), MR1 = path len, path from MR2
 *                -> MR0 = handle
 *   FS_CLOSE     MR0 = handle
 *   FS_READ_AT   MR0 = handle, MR1 = offset, MR2 = max (<= FS_IO_MAX)
 *                -> MR0 = n, bytes from MR1 (n = 0 at end of file)
 *   FS_WRITE_AT  MR0 = handle, MR1 = offset, MR2 = n (<= FS_IO_MAX), bytes from MR3
 *                -> MR0 = n written
 *   FS_READDIR   MR0 = handle of a directory, MR1 = index
 *                -> MR0 = type, MR1 = size, MR2 = name len, name from MR3
 *                   (FS_ENOENT past the last entry)
 *   FS_STAT      MR1 = path len, path from MR2 -> MR0 = type, MR1 = size
 *   FS_MKDIR     MR1 = path len, path from MR2
 *   FS_UNLINK    MR1 = path len, path from MR2 (directories must be empty)
 *   FS_TRUNCATE  MR0 = handle, MR1 = new size
 *   FS_OPEN_STREAM  MR0 = flags (FS_O_*), MR1 = path len, path from MR2
 *                -> one cap: a stream (proto/stream.h) on the file, read and
 *                written in sequence from offset 0 (with FS_O_APPEND every
 *                write goes at the end); what `cat < f` and `echo > f` use.
 *   FS_PIPE      -> two caps: the read end, then the write end, of a new
 *                bounded pipe (FS_PIPE_BUF bytes), both streams.
 *                Streams count against the asker's handles (FS_EMFILE) until
 *                closed, whoever holds them by then; those still open when
 *                the asker ends are closed then (a shell's pipelines end with
 *                it, as a Unix session's jobs get a hangup). A pipe's reader
 *                sees end of stream once its write end is closed; a writer
 *                gets STREAM_EPIPE once the read end is closed. Each cap is
 *                one end: a spawner hands an end to one program (init closes
 *                it when that program ends) and deletes its own copy.
 * The caps of FS_OPEN_STREAM and FS_PIPE land where the caller's IPC buffer
 * says (recv_slots); the stubs below take the slots.
 */
#pragma once
#include <tern/msgbuf.h>

enum fs_method {
	FS_OPEN = 1,
	FS_CLOSE,
	FS_READ_AT,
	FS_WRITE_AT,
	FS_READDIR,
	FS_STAT,
	FS_MKDIR,
	FS_UNLINK,
	FS_TRUNCATE,
	FS_OPEN_STREAM,
	FS_PIPE,
};

enum fs_error {
	FS_OK = 0,
	FS_ENOENT = 100,        /* no such file or directory */
	FS_EEXIST,              /* already exists */
	FS_ENOTDIR,             /* a path component is not a directory */
	FS_EISDIR,              /* is a directory */
	FS_ENOSPC,              /* no space left */
	FS_EINVAL,              /* bad request or argument */
	FS_EBADF,               /* bad handle */
	FS_ENOTEMPTY,           /* directory not empty */
	FS_ENAMETOOLONG,        /* path or name too long */
	FS_EMFILE,              /* too many open handles */
};

enum fs_type { FS_TYPE_FILE = 1, FS_TYPE_DIR = 2 };

#define FS_O_CREATE   0x1       /* create if missing */
#define FS_O_TRUNC    0x2       /* empty it on open */
#define FS_O_EXCL     0x4       /* with CREATE: fail if it exists */
#define FS_O_DIR      0x8       /* open a directory (for READDIR) */
#define FS_O_APPEND   0x10      /* streams: every write goes at the end */
#define FS_PIPE_BUF   4096

#define FS_PATH_MAX   255
#define FS_NAME_MAX   59
#define FS_IO_MAX     384

/* Client stubs (lib/fs.c): >= 0 results, or -(FS_E* or E_*) on failure. */
long fs_open(uint64_t ep, const char *path, unsigned flags);
long fs_close(uint64_t ep, uint64_t h);
long fs_read_at(uint64_t ep, uint64_t h, uint64_t off, void *buf, size_t max);
long fs_write_at(uint64_t ep, uint64_t h, uint64_t off, const void *buf, size_t n);
struct fs_dirent {
	unsigned type;
	uint64_t size;
	char name[FS_NAME_MAX + 1];
};
long fs_readdir(uint64_t ep, uint64_t h, uint64_t index, struct fs_dirent *d);
long fs_stat(uint64_t ep, const char *path, unsigned *type, uint64_t *size);
long fs_mkdir(uint64_t ep, const char *path);
long fs_unlink(uint64_t ep, const char *path);
long fs_truncate(uint64_t ep, uint64_t h, uint64_t size);
/* The stream lands in slot (a free slot of ours): 0 or -(FS_E* / E_*). */
long fs_open_stream(uint64_t ep, const char *path, unsigned flags, uint64_t slot);
long fs_pipe(uint64_t ep, uint64_t read_slot, uint64_t write_slot);
const char *fs_strerror(long err);
