/* ramfs's open handles (see handles.h). */
#include "handles.h"

#define H_INDEX(h) ((h) & 0xFF)
#define H_GEN(h)   ((h) >> 8)

_Static_assert(RAMFS_HANDLES <= 0x100, "the index must fit H_INDEX");

long handle_slot(const struct handle_table *t, uint64_t owner)
{
	long slot = -FS_EMFILE;
	unsigned mine = 0;
	for (unsigned i = 0; i < RAMFS_HANDLES; i++) {
		if (!t->h[i].node && slot < 0)
			slot = i;
		mine += t->h[i].node && t->h[i].owner == owner;
	}
	return mine >= RAMFS_PER_CLIENT ? -FS_EMFILE : slot;
}

uint64_t handle_fill(struct handle_table *t, unsigned i, uint64_t owner, struct fst_node *node)
{
	struct handle *e = &t->h[i];
	e->node = node;
	e->owner = owner;
	e->gen++;
	return e->gen << 8 | i;
}

struct handle *handle_get(struct handle_table *t, uint64_t h, uint64_t owner)
{
	struct handle *e = H_INDEX(h) < RAMFS_HANDLES ? &t->h[H_INDEX(h)] : 0;
	if (!e || !e->node || e->gen != H_GEN(h) || e->owner != owner)
		return 0;
	return e;
}

void handle_close(struct fst *tree, struct handle *e)
{
	fst_close(tree, e->node);
	e->node = 0;
}

unsigned handles_release(struct handle_table *t, struct fst *tree, uint64_t owner)
{
	unsigned n = 0;
	for (unsigned i = 0; i < RAMFS_HANDLES; i++) {
		if (t->h[i].node && t->h[i].owner == owner) {
			handle_close(tree, &t->h[i]);
			n++;
		}
	}
	return n;
}
