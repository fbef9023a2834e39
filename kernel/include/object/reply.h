/*
 * A saved reply right (CAP_SAVE_REPLY): the caller and the number of its
 * call. It answers at most once, and only that very call: if the caller
 * was killed or has moved on, the reply is dropped.
 */
#pragma once
#include <object/kobj.h>

struct task;

struct reply {
	struct kobj hdr;
	struct task *caller;    /* holds a reference */
	uint64_t seq;
};

/* What a saved reply costs the quota of the task that saves it. */
#define REPLY_BYTES 64

struct reply *reply_create(struct task *caller, uint64_t seq);
void reply_destroy(struct reply *r);
/* Abort the call it answers and let go of the caller (MEM_REVOKE). */
void reply_drop(struct reply *r);
