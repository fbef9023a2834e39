/*
 * What ramfs's server files share (main.c, stream_srv.c): the tree, the
 * table of everything open, and the endpoint the stream caps are minted
 * from.
 */
#pragma once
#include "fstree.h"
#include "handles.h"
#include <stdbool.h>
#include <tern/sys.h>

#define RAMFS_EP        PROG_CAP(0)

extern struct fst ramfs_tree;
extern struct handle_table ramfs_handles;

/* A request on a stream cap (badge STREAM_BADGE_OWN | number): true when
 * m is now the reply, false when the reply was saved to be sent later. */
bool stream_serve(struct tern_msg *m);
/* Send one answer pipe_settle produced (a handle_answer_fn). */
void stream_answer(const struct pipe_answer *a, void *ctx);
/* A stream cap for entry num in our slot: 0 or E_*. */
int stream_mint(uint64_t num, uint64_t slot);
/* Caps for entries num[0..n-1] go with the reply being made (or the
 * entries are closed): 0 or -E_*. The main loop deletes our copies once
 * the reply is sent. */
long give_streams(const uint64_t *num, unsigned n);
/* The reply's caps into the IPC buffer: how many. */
unsigned reply_caps_out(void);
