/*
 * The page table changes a task process has not been told of yet
 * (user.c sends them before the task next runs). Pure: unit-tested in
 * ci/unit/test_hosted_oplog.c.
 */
#pragma once
#include <hosted/wire.h>

struct oplog {
	struct wire_op *ops;
	unsigned n, cap;
};

/* One page changed: pa mapped at va with prot, or unmapped (prot 0). A
 * page that extends the last op (next address, next frame for a map,
 * same rights) grows it. 0, or -1 if out of host memory. */
int oplog_add(struct oplog *l, uint64_t va, uint64_t pa, unsigned prot);
/* Forget everything (the process was told, or is gone). */
static inline void oplog_clear(struct oplog *l) { l->n = 0; }
void oplog_free(struct oplog *l);
