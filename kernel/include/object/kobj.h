/*
 * Every kernel object starts with a struct kobj: its type, a reference
 * count (capabilities and kernel-internal pointers both count) and the
 * memory object its size was charged to, refunded when it dies.
 */
#pragma once
#include <abi/cap.h>
#include <stddef.h>
#include <stdint.h>

struct memory;

struct kobj {
	uint32_t refs;
	uint8_t type;           /* enum tern_cap_type */
	struct memory *charged; /* quota to refund on destruction (may be 0) */
	uint64_t charge;        /* bytes charged */
	struct kobj *next_dead; /* queued for destruction (kobj.c) */
};

static inline void kobj_get(struct kobj *o) { o->refs++; }
/* Drops a reference; the last one destroys the object (object_destroy),
 * together with everything only it kept alive, before returning. */
void kobj_put(struct kobj *o);
/* Per-type destructors, called by kobj_put. */
void object_destroy(struct kobj *o);
