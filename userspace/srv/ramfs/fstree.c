/*
 * The ramfs core (rules in fstree.h). Each operation first checks
 * everything that can fail (path, types, space) and only then changes the
 * tree, so a failure needs no undo. Space is charged before malloc and
 * given back if malloc fails, so t->used always matches what is allocated.
 */
#include "fstree.h"
#include <stdlib.h>
#include <string.h>

/* Far above any budget; keeps off + len and capacity doubling from wrapping. */
#define FST_SIZE_MAX (1ull << 40)

static long charge(struct fst *t, uint64_t n)
{
	if (n > t->budget - t->used)
		return -FS_ENOSPC;
	t->used += n;
	return 0;
}

static void uncharge(struct fst *t, uint64_t n)
{
	t->used -= n;
}

static struct fst_node *node_new(struct fst *t, unsigned type, const char *name)
{
	if (charge(t, sizeof(struct fst_node)))
		return 0;
	struct fst_node *n = calloc(1, sizeof(*n));
	if (!n) {
		uncharge(t, sizeof(struct fst_node));
		return 0;
	}
	n->type = type;
	memcpy(n->name, name, strnlen(name, FS_NAME_MAX));     /* calloc'ed: NUL-terminated */
	return n;
}

static void node_free(struct fst *t, struct fst_node *n)
{
	uncharge(t, sizeof(struct fst_node) + n->cap);
	free(n->data);
	free(n);
}

long fst_init(struct fst *t, uint64_t budget)
{
	t->used = 0;
	t->budget = budget;
	t->root = node_new(t, FS_TYPE_DIR, "");
	return t->root ? 0 : -FS_ENOSPC;
}

static void free_tree(struct fst *t, struct fst_node *n)
{
	while (n->children) {
		struct fst_node *c = n->children;
		n->children = c->next;
		free_tree(t, c);
	}
	node_free(t, n);
}

void fst_destroy(struct fst *t)
{
	if (t->root)
		free_tree(t, t->root);
	t->root = 0;
}

/* ---- directories -------------------------------------------------------- */

static struct fst_node *dir_find(const struct fst_node *dir, const char *name)
{
	for (struct fst_node *c = dir->children; c; c = c->next) {
		int d = strcmp(c->name, name);
		if (d == 0)
			return c;
		if (d > 0)
			break;
	}
	return 0;
}

static void dir_insert(struct fst_node *dir, struct fst_node *n)
{
	struct fst_node **pp = &dir->children;
	while (*pp && strcmp((*pp)->name, n->name) < 0)
		pp = &(*pp)->next;
	n->next = *pp;
	*pp = n;
	n->parent = dir;
	dir->nchildren++;
}

static void dir_remove(struct fst_node *dir, struct fst_node *n)
{
	struct fst_node **pp = &dir->children;
	while (*pp != n)
		pp = &(*pp)->next;
	*pp = n->next;
	n->next = 0;
	n->parent = 0;
	dir->nchildren--;
}

/* ---- paths -------------------------------------------------------------- */

/*
 * The result of resolving a path: the node it names (0 if the last
 * component does not exist), the directory holding it and its name. For
 * "/" node is the root and dir is 0.
 */
struct walk {
	struct fst_node *dir, *node;
	char name[FS_NAME_MAX + 1];
};

static long walk(struct fst *t, const char *path, struct walk *w)
{
	if (!path || path[0] != '/')
		return -FS_EINVAL;
	if (strnlen(path, FS_PATH_MAX + 1) > FS_PATH_MAX)
		return -FS_ENAMETOOLONG;
	w->dir = 0;
	w->node = t->root;
	w->name[0] = '\0';
	const char *p = path;
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p)
			return 0;
		size_t len = 0;
		while (p[len] && p[len] != '/')
			len++;
		if (len > FS_NAME_MAX)
			return -FS_ENAMETOOLONG;
		if ((len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
			return -FS_EINVAL;
		/* The component before this one must exist and be a directory. */
		if (!w->node)
			return -FS_ENOENT;
		if (w->node->type != FS_TYPE_DIR)
			return -FS_ENOTDIR;
		w->dir = w->node;
		memcpy(w->name, p, len);
		w->name[len] = '\0';
		w->node = dir_find(w->dir, w->name);
		p += len;
	}
}

/* ---- files -------------------------------------------------------------- */

/* Make room for need bytes of data; the new bytes are not cleared. */
static long file_reserve(struct fst *t, struct fst_node *n, uint64_t need)
{
	if (need <= n->cap)
		return 0;
	/* Double to keep appends cheap, but settle for the exact size when the
	 * budget cannot take the double. */
	uint64_t want = n->cap * 2 > need ? n->cap * 2 : need;
	if (want < 64)
		want = 64;
	if (charge(t, want - n->cap)) {
		want = need;
		if (charge(t, want - n->cap))
			return -FS_ENOSPC;
	}
	uint8_t *d = realloc(n->data, want);
	if (!d) {
		uncharge(t, want - n->cap);
		return -FS_ENOSPC;
	}
	n->data = d;
	n->cap = want;
	return 0;
}

long fst_read_at(const struct fst_node *n, uint64_t off, void *buf, size_t max)
{
	if (n->type != FS_TYPE_FILE)
		return -FS_EISDIR;
	if (off >= n->size)
		return 0;
	uint64_t k = n->size - off < max ? n->size - off : max;
	memcpy(buf, n->data + off, k);
	return (long)k;
}

long fst_write_at(struct fst *t, struct fst_node *n, uint64_t off, const void *buf, size_t len)
{
	if (n->type != FS_TYPE_FILE)
		return -FS_EISDIR;
	if (off > FST_SIZE_MAX || len > FST_SIZE_MAX - off)
		return -FS_ENOSPC;
	if (!len)
		return 0;
	long err = file_reserve(t, n, off + len);
	if (err)
		return err;
	if (off > n->size)
		memset(n->data + n->size, 0, off - n->size);   /* the hole */
	memcpy(n->data + off, buf, len);
	if (off + len > n->size)
		n->size = off + len;
	return (long)len;
}

long fst_truncate(struct fst *t, struct fst_node *n, uint64_t size)
{
	if (n->type != FS_TYPE_FILE)
		return -FS_EISDIR;
	if (size > FST_SIZE_MAX)
		return -FS_ENOSPC;
	if (size > n->size) {
		long err = file_reserve(t, n, size);
		if (err)
			return err;
		memset(n->data + n->size, 0, size - n->size);
	} else if (size == 0) {
		uncharge(t, n->cap);
		free(n->data);
		n->data = 0;
		n->cap = 0;
	} else if (size <= n->cap / 4) {
		/* Give most of the space back; keeping it is fine if we cannot. */
		uint8_t *d = realloc(n->data, size);
		if (d) {
			uncharge(t, n->cap - size);
			n->data = d;
			n->cap = size;
		}
	}
	n->size = size;
	return 0;
}

/* ---- by path ------------------------------------------------------------ */

static long make(struct fst *t, struct walk *w, unsigned type)
{
	struct fst_node *n = node_new(t, type, w->name);
	if (!n)
		return -FS_ENOSPC;
	dir_insert(w->dir, n);
	w->node = n;
	return 0;
}

long fst_open(struct fst *t, const char *path, unsigned flags, struct fst_node **out)
{
	const unsigned known = FS_O_CREATE | FS_O_TRUNC | FS_O_EXCL | FS_O_DIR;
	if ((flags & ~known) || ((flags & FS_O_EXCL) && !(flags & FS_O_CREATE)) ||
	    ((flags & FS_O_DIR) && (flags & (FS_O_CREATE | FS_O_TRUNC))))
		return -FS_EINVAL;
	struct walk w;
	long err = walk(t, path, &w);
	if (err)
		return err;
	if (!w.node) {
		if (!(flags & FS_O_CREATE))
			return -FS_ENOENT;
		if ((err = make(t, &w, FS_TYPE_FILE)))
			return err;
	} else if (flags & FS_O_EXCL) {
		return -FS_EEXIST;
	} else if ((flags & FS_O_DIR) && w.node->type != FS_TYPE_DIR) {
		return -FS_ENOTDIR;
	} else if (!(flags & FS_O_DIR) && w.node->type == FS_TYPE_DIR) {
		return -FS_EISDIR;
	} else if (flags & FS_O_TRUNC) {
		fst_truncate(t, w.node, 0);     /* shrinking cannot fail */
	}
	w.node->opens++;
	*out = w.node;
	return 0;
}

void fst_close(struct fst *t, struct fst_node *n)
{
	if (--n->opens == 0 && !n->parent && n != t->root)
		node_free(t, n);        /* unlinked while open: its last close */
}

long fst_readdir(const struct fst_node *dir, uint64_t index, struct fs_dirent *d)
{
	if (dir->type != FS_TYPE_DIR)
		return -FS_ENOTDIR;
	const struct fst_node *c = dir->children;
	for (; c && index; index--)
		c = c->next;
	if (!c)
		return -FS_ENOENT;
	d->type = c->type;
	d->size = c->type == FS_TYPE_DIR ? c->nchildren : c->size;
	memcpy(d->name, c->name, sizeof(d->name));
	return 0;
}

long fst_stat(struct fst *t, const char *path, unsigned *type, uint64_t *size)
{
	struct walk w;
	long err = walk(t, path, &w);
	if (err)
		return err;
	if (!w.node)
		return -FS_ENOENT;
	*type = w.node->type;
	*size = w.node->type == FS_TYPE_DIR ? w.node->nchildren : w.node->size;
	return 0;
}

long fst_mkdir(struct fst *t, const char *path)
{
	struct walk w;
	long err = walk(t, path, &w);
	if (err)
		return err;
	if (w.node)
		return -FS_EEXIST;
	return make(t, &w, FS_TYPE_DIR);
}

long fst_unlink(struct fst *t, const char *path)
{
	struct walk w;
	long err = walk(t, path, &w);
	if (err)
		return err;
	if (!w.node)
		return -FS_ENOENT;
	if (!w.dir)
		return -FS_EINVAL;      /* the root */
	if (w.node->children)
		return -FS_ENOTEMPTY;
	dir_remove(w.dir, w.node);
	if (!w.node->opens)
		node_free(t, w.node);
	return 0;
}
