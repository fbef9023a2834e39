/*
 * Every kernel object starts with a struct kobj: its type, a reference
 * count (capabilities and kernel-internal pointers both count) and the
 * memory object its size was charged to, refunded when it dies.
 *
 * The lifetime rule: no object is destroyed while a system call, fault or
 * interrupt is being handled. Dropping the last reference only queues the
 * object; kobj_collect(), called on the way out of the kernel when no
 * handler holds a pointer any more, destroys what is still unreferenced.
 * So any pointer the kernel took at the start of an operation (the current
 * task, a cap's object, a waiter it took off a queue) stays valid to the
 * end of that operation, whatever the operation drops on the way.
 */
#pragma once
#include <abi/cap.h>
#include <list.h>
#include <stddef.h>
#include <stdint.h>

struct memory;

struct kobj {
	uint32_t refs;
	uint8_t type;           /* enum tern_cap_type */
	uint8_t queued;         /* on the dead queue (kobj.c) */
	struct memory *charged; /* quota to refund on destruction (may be 0) */
	uint64_t charge;        /* bytes charged */
	struct list sibling;    /* in charged->objects, for MEM_REVOKE */
	struct kobj *next_dead; /* queued for destruction (kobj.c) */
};

static inline void kobj_get(struct kobj *o) { o->refs++; }
/* Drops a reference; after the last one the object is destroyed by the
 * next kobj_collect() (unless a reference was taken again by then). */
void kobj_put(struct kobj *o);
extern struct kobj *kobj_dead;          /* queued for kobj_collect */
/* Destroy every queued object that is still unreferenced, and what only
 * they kept alive; then free dead tasks' kernel stacks. Called on the way
 * out of every system call and trap, never inside a handler. */
void kobj_collect(void);
/* Per-type destructors, called by kobj_put. */
void object_destroy(struct kobj *o);
