/*
 * The ramfs core: a tree of directories and files in memory. Pure code
 * (string.h and malloc only), built into srv/ramfs and, on the host, into
 * ci/unit/test_ramfs.c. The IPC server (main.c) only decodes requests and
 * calls these; every rule about names, sizes and space lives here.
 *
 * Paths are absolute and '/'-separated; repeated and trailing '/' are
 * accepted ("/etc//motd/" is "/etc/motd"). A component is 1..FS_NAME_MAX
 * bytes; "." and ".." are rejected (FS_EINVAL) rather than resolved, so a
 * path names exactly one node and clients normalise their own paths. A
 * whole path is at most FS_PATH_MAX bytes.
 *
 * Space: every node and every byte of file capacity is charged to a byte
 * budget fixed at fst_init. An operation that would exceed it fails with
 * FS_ENOSPC (as does a failed malloc), so the server never runs its heap
 * dry. Every operation either succeeds or fails leaving the tree as it
 * was: no partial writes, no half-made nodes.
 *
 * Open nodes: fst_open takes a reference that fst_close drops. Unlinking
 * an open node takes it out of the tree at once; it stays readable and
 * writable through its handles and is freed at the last close (POSIX).
 *
 * Directory entries are kept sorted by name (bytewise), which is the
 * order fst_readdir returns them in.
 *
 * Results are >= 0 on success or -(FS_E*) (proto/fs.h).
 */
#pragma once
#include "proto/fs.h"
#include <stddef.h>
#include <stdint.h>

struct fst_node {
	char name[FS_NAME_MAX + 1];
	unsigned type;                  /* FS_TYPE_FILE or FS_TYPE_DIR */
	struct fst_node *parent;        /* 0 for the root and unlinked nodes */
	struct fst_node *next;          /* next sibling, by name */
	unsigned opens;                 /* references from fst_open */
	/* directories */
	struct fst_node *children;
	uint64_t nchildren;
	/* files */
	uint8_t *data;
	uint64_t size, cap;             /* bytes in use, bytes allocated */
};

struct fst {
	struct fst_node *root;
	uint64_t used, budget;          /* bytes charged, bytes allowed */
};

/* Make an empty tree (just "/") that may use up to budget bytes. */
long fst_init(struct fst *t, uint64_t budget);
/* Free every node, open or not; t must be fst_init'ed again before use. */
void fst_destroy(struct fst *t);

/* Open (FS_O_* flags) and take a reference: *out is the node (untouched on failure). */
long fst_open(struct fst *t, const char *path, unsigned flags, struct fst_node **out);
void fst_close(struct fst *t, struct fst_node *n);

/* I/O on an open file; read returns bytes read (0 at or past the end). */
long fst_read_at(const struct fst_node *n, uint64_t off, void *buf, size_t max);
/* Write all n bytes at off, growing the file; a hole reads as zeros. */
long fst_write_at(struct fst *t, struct fst_node *n, uint64_t off, const void *buf, size_t len);
long fst_truncate(struct fst *t, struct fst_node *n, uint64_t size);
/* The index-th entry of an open directory, or -FS_ENOENT past the last. */
long fst_readdir(const struct fst_node *dir, uint64_t index, struct fs_dirent *d);

/* By path. A directory's size is its number of entries. */
long fst_stat(struct fst *t, const char *path, unsigned *type, uint64_t *size);
long fst_mkdir(struct fst *t, const char *path);
long fst_unlink(struct fst *t, const char *path);
