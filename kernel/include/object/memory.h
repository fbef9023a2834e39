/* A memory object: a quota of bytes from which new objects are made. */
#pragma once
#include <object/kobj.h>

struct memory {
	struct kobj hdr;
	uint64_t left, used;
};

struct memory *memory_create(uint64_t bytes);
/* Take `bytes` from m for object o (which then refunds it on death). */
int memory_charge(struct memory *m, struct kobj *o, uint64_t bytes);
void memory_refund(struct kobj *o);
/* Charge or refund bytes that belong to no object of their own (a task's
 * page tables and mapping records). m may be 0: nothing is charged. */
int memory_take(struct memory *m, uint64_t bytes);
void memory_give(struct memory *m, uint64_t bytes);
