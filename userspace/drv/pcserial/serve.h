/*
 * Serving STREAM_READ with readers.c's rules, for every stream server
 * (pcserial's ports, vgacon's screen): answer at once when there is input
 * and the caller may read, else keep the reply right until input comes;
 * answer the owner's waiting read when it does; drop the waiting reads of
 * a client that ended. Where the input comes from is the caller's: a
 * take function that moves up to max bytes into buf and says how many.
 */
#pragma once
#include "readers.h"
#include <stdbool.h>
#include <tern/sys.h>

typedef size_t (*serve_take_fn)(void *ctx, uint8_t *buf, size_t max);

/* A STREAM_READ in m: true if m now holds the reply to send, false if the
 * reply was kept for later (serve_answer sends it). */
bool serve_read(struct readers *r, struct tern_msg *m, serve_take_fn take, void *ctx);
/* Answer the owner's waiting read if there is input for it. This sends,
 * so it must run before a reply is put into the IPC buffer. */
void serve_answer(struct readers *r, serve_take_fn take, void *ctx);
/* A client ended: delete its waiting reads' reply rights (nobody is left
 * to answer), then serve_answer for the next owner. */
void serve_gone(struct readers *r, uint64_t badge, serve_take_fn take, void *ctx);
