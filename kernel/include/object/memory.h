/* A memory object: a quota of bytes from which new objects are made. */
#pragma once
#include <object/kobj.h>

struct memory {
	struct kobj hdr;
	uint64_t left, used;
	struct list objects;            /* kobj.sibling of everything charged here */
	int revoked;                    /* MEM_REVOKE'd: nothing more is made from it */
	struct memory *revoke_next;     /* MEM_REVOKE's work list */
};

struct memory *memory_create(uint64_t bytes);
/* Take `bytes` from m for object o (which then refunds it on death). */
int memory_charge(struct memory *m, struct kobj *o, uint64_t bytes);
void memory_refund(struct kobj *o);
/* MEM_REVOKE: cut every reference held by objects made from m or from a
 * quota split from it (tasks killed, cspaces emptied, saved replies
 * dropped). What nothing else refers to is then destroyed and refunded. */
void memory_revoke(struct memory *m);
/* Charge or refund bytes that belong to no object of their own (a task's
 * page tables and mapping records). m may be 0: nothing is charged. */
int memory_take(struct memory *m, uint64_t bytes);
void memory_give(struct memory *m, uint64_t bytes);
