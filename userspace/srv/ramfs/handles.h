/*
 * ramfs's open handles (pure code over fstree.h; unit-tested in
 * ci/unit/test_ramfs.c). A handle number is the table index in the low 8
 * bits and a generation above it, so a closed handle stays invalid after
 * its slot is reused. Each entry remembers the badge of the client that
 * opened it: only that client can use it, one client may hold only a
 * quarter of the table (so it cannot lock the others out), and when init
 * reports the client gone, all of its handles are closed at once.
 */
#pragma once
#include "fstree.h"

#define RAMFS_HANDLES    128
#define RAMFS_PER_CLIENT (RAMFS_HANDLES / 4)

struct handle {
	struct fst_node *node;          /* 0 = free */
	uint64_t owner;                 /* badge of the client that opened it */
	uint64_t gen;
};

struct handle_table {
	struct handle h[RAMFS_HANDLES];
};

/* A free entry owner may fill: its index, or -FS_EMFILE (the table is
 * full, or owner holds its share). Changes nothing. */
long handle_slot(const struct handle_table *t, uint64_t owner);
/* Fill entry i (from handle_slot) with an open node: the handle number. */
uint64_t handle_fill(struct handle_table *t, unsigned i, uint64_t owner, struct fst_node *node);
/* The entry of handle number h if owner holds it, or 0. */
struct handle *handle_get(struct handle_table *t, uint64_t h, uint64_t owner);
/* Close one handle (e from handle_get). */
void handle_close(struct fst *tree, struct handle *e);
/* Close every handle owner holds: how many there were. */
unsigned handles_release(struct handle_table *t, struct fst *tree, uint64_t owner);
