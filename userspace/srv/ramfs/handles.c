/* ramfs's open handles and streams (see handles.h). */
#include "handles.h"
#include <stdlib.h>

#define H_INDEX(h) ((h) & 0xFF)
#define H_GEN(h)   ((h) >> 8)
#define H_GEN_MAX  (1ull << 50)         /* numbers stay below STREAM_BADGE_OWN */

_Static_assert(RAMFS_HANDLES <= 0x100, "the index must fit H_INDEX");

/* Free entries for n new ones of owner: fills idx[0..n-1], or -FS_EMFILE. */
static long slots(const struct handle_table *t, uint64_t owner, unsigned n, unsigned *idx)
{
	unsigned mine = 0, found = 0;
	for (unsigned i = 0; i < RAMFS_HANDLES; i++) {
		if (t->h[i].kind == HANDLE_FREE && found < n)
			idx[found++] = i;
		mine += t->h[i].kind != HANDLE_FREE && t->h[i].owner == owner;
	}
	return found < n || mine + n > RAMFS_PER_CLIENT ? -FS_EMFILE : 0;
}

long handle_slot(const struct handle_table *t, uint64_t owner)
{
	unsigned i;
	long err = slots(t, owner, 1, &i);
	return err ? err : (long)i;
}

/* Make entry i an entry of this kind for owner: its number. */
static uint64_t fill(struct handle_table *t, unsigned i, uint64_t owner, unsigned kind)
{
	struct handle *e = &t->h[i];
	uint64_t gen = (e->gen + 1) % H_GEN_MAX;
	*e = (struct handle){ .kind = kind, .owner = owner, .gen = gen };
	return gen << 8 | i;
}

uint64_t handle_fill(struct handle_table *t, unsigned i, uint64_t owner, struct fst_node *node)
{
	uint64_t num = fill(t, i, owner, HANDLE_NODE);
	t->h[i].node = node;
	return num;
}

/* The entry numbered h, of any kind but free, or 0. */
static struct handle *lookup(struct handle_table *t, uint64_t h)
{
	struct handle *e = H_INDEX(h) < RAMFS_HANDLES ? &t->h[H_INDEX(h)] : 0;
	if (!e || e->kind == HANDLE_FREE || e->gen != H_GEN(h))
		return 0;
	return e;
}

struct handle *handle_get(struct handle_table *t, uint64_t h, uint64_t owner)
{
	struct handle *e = lookup(t, h);
	return e && e->kind == HANDLE_NODE && e->owner == owner ? e : 0;
}

struct handle *handle_stream(struct handle_table *t, uint64_t num)
{
	struct handle *e = lookup(t, num);
	return e && e->kind != HANDLE_NODE ? e : 0;
}

void handle_close(struct fst *tree, struct handle *e, handle_answer_fn *answer, void *ctx)
{
	if (e->kind == HANDLE_NODE) {
		fst_close(tree, e->node);
	} else if (e->kind == HANDLE_FILE_STREAM) {
		if (!--e->file->refs) {
			fst_close(tree, e->file->node);
			free(e->file);
		}
	} else {
		struct pipe *p = e->pipe;
		struct pipe_answer a[PIPE_ANSWERS_MAX];
		pipe_close(p, e->kind == HANDLE_PIPE_READ);
		unsigned n = pipe_settle(p, a);
		for (unsigned k = 0; k < n && answer; k++)
			answer(&a[k], ctx);
		if (pipe_unused(p)) {
			tree->used -= sizeof(*p);
			free(p);
		}
	}
	e->kind = HANDLE_FREE;
	e->node = 0;
	e->file = 0;
	e->pipe = 0;
}

unsigned handles_release(struct handle_table *t, struct fst *tree, uint64_t owner,
			 handle_answer_fn *answer, void *ctx)
{
	unsigned n = 0;
	for (unsigned i = 0; i < RAMFS_HANDLES; i++) {
		if (t->h[i].kind != HANDLE_FREE && t->h[i].owner == owner) {
			handle_close(tree, &t->h[i], answer, ctx);
			n++;
		}
	}
	return n;
}

/* ---- streams ------------------------------------------------------------ */

long handle_open_stream(struct handle_table *t, struct fst *tree, uint64_t owner, const char *path,
			unsigned flags, uint64_t *num)
{
	const unsigned known = FS_O_CREATE | FS_O_TRUNC | FS_O_EXCL | FS_O_APPEND | FS_O_DIR;
	if (flags & ~known)
		return -FS_EINVAL;
	if (flags & FS_O_DIR)
		return -FS_EISDIR;      /* a stream of a directory is no byte stream */
	unsigned i;
	struct file_desc *f;
	long err = slots(t, owner, 1, &i);
	if (err)
		return err;
	/* Not charged to the tree's budget: the table bounds how many exist. */
	if (!(f = malloc(sizeof(*f))))
		return -FS_ENOSPC;
	if ((err = fst_open(tree, path, flags & ~FS_O_APPEND, &f->node))) {
		free(f);
		return err;
	}
	f->off = 0;
	f->append = flags & FS_O_APPEND;
	f->refs = 1;
	*num = fill(t, i, owner, HANDLE_FILE_STREAM);
	t->h[i].file = f;
	return 0;
}

long handle_pipe(struct handle_table *t, struct fst *tree, uint64_t owner, uint64_t num[2])
{
	unsigned idx[2];
	long err = slots(t, owner, 2, idx);
	if (err)
		return err;
	if (tree->budget - tree->used < sizeof(struct pipe))
		return -FS_ENOSPC;
	struct pipe *p = malloc(sizeof(*p));
	if (!p)
		return -FS_ENOSPC;
	tree->used += sizeof(*p);
	pipe_init(p);
	num[0] = fill(t, idx[0], owner, HANDLE_PIPE_READ);
	num[1] = fill(t, idx[1], owner, HANDLE_PIPE_WRITE);
	t->h[idx[0]].pipe = t->h[idx[1]].pipe = p;
	return 0;
}

long handle_dup(struct handle_table *t, struct handle *e, uint64_t *num)
{
	unsigned i;
	long err = slots(t, e->owner, 1, &i);
	if (err)
		return err;
	struct handle *d = &t->h[i];
	*num = fill(t, i, e->owner, e->kind);
	d->file = e->file;
	d->pipe = e->pipe;
	if (e->kind == HANDLE_FILE_STREAM)
		e->file->refs++;
	else
		pipe_dup(e->pipe, e->kind == HANDLE_PIPE_READ);
	return 0;
}

long handle_stream_read(struct handle *e, void *buf, size_t max)
{
	struct file_desc *f = e->file;
	long n = fst_read_at(f->node, f->off, buf, max);
	if (n > 0)
		f->off += (uint64_t)n;
	return n;
}

long handle_stream_write(struct fst *tree, struct handle *e, const void *buf, size_t n)
{
	struct file_desc *f = e->file;
	uint64_t off = f->append ? f->node->size : f->off;
	long r = fst_write_at(tree, f->node, off, buf, n);
	if (r > 0)
		f->off = off + (uint64_t)r;
	return r;
}
