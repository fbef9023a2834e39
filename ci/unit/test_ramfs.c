/*
 * Unit tests for srv/ramfs's core (fstree.c), its handle table
 * (handles.c), its pipes (pipe.c) and its seeding from a ustar archive (seed.c). Every error path is checked to leave the tree exactly
 * as it was: snapshot() renders the whole tree, data and space accounting
 * included, and failing operations must not change it.
 */
#include "unit.h"
#include "fstree.h"
#include "handles.h"
#include "pipe.h"
#include "seed.h"
#include <stdlib.h>
#include <string.h>

#define BIG (1u << 20)

/* ---- helpers ------------------------------------------------------------ */

static void dump(const struct fst_node *n, char *out, size_t cap)
{
	size_t len = strlen(out);
	snprintf(out + len, cap - len, "[%s %u %llu %u:", n->name, n->type,
		 (unsigned long long)(n->type == FS_TYPE_DIR ? n->nchildren : n->size), n->opens);
	for (uint64_t i = 0; i < n->size; i++) {
		len = strlen(out);
		snprintf(out + len, cap - len, "%02x", n->data[i]);
	}
	for (const struct fst_node *c = n->children; c; c = c->next)
		dump(c, out, cap);
	len = strlen(out);
	snprintf(out + len, cap - len, "]");
}

/* The whole tree and its space use as one string (caller frees). */
static char *snapshot(const struct fst *t)
{
	size_t cap = 1 << 16;
	char *s = calloc(1, cap);
	snprintf(s, cap, "used=%llu ", (unsigned long long)t->used);
	dump(t->root, s, cap);
	return s;
}

/* Create path with the given contents (or fail the test). */
static long put(struct fst *t, const char *path, const char *text)
{
	struct fst_node *n;
	long r = fst_open(t, path, FS_O_CREATE | FS_O_TRUNC, &n);
	if (r)
		return r;
	r = fst_write_at(t, n, 0, text, strlen(text));
	fst_close(t, n);
	return r < 0 ? r : 0;
}

/* Read all of path into buf as a string; returns its size or -error. */
static long get(struct fst *t, const char *path, char *buf, size_t cap)
{
	struct fst_node *n;
	long r = fst_open(t, path, 0, &n);
	if (r)
		return r;
	r = fst_read_at(n, 0, buf, cap - 1);
	fst_close(t, n);
	if (r >= 0)
		buf[r] = '\0';
	return r;
}

/* A tree with /etc/motd, /etc/empty/, /bin/sh and /a.txt. */
static void sample(struct fst *t, uint64_t budget)
{
	fst_init(t, budget);
	fst_mkdir(t, "/etc");
	fst_mkdir(t, "/etc/empty");
	fst_mkdir(t, "/bin");
	put(t, "/etc/motd", "hello tern\n");
	put(t, "/bin/sh", "#!");
	put(t, "/a.txt", "abc");
}

/* ---- basics ------------------------------------------------------------- */

TEST(ramfs_empty_tree_has_root)
{
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	unsigned type = 0;
	uint64_t size = 99;
	CHECK_EQ(fst_stat(&t, "/", &type, &size), 0);
	CHECK_EQ(type, FS_TYPE_DIR);
	CHECK_EQ(size, 0);
	CHECK_EQ(fst_stat(&t, "//", &type, &size), 0);
	fst_destroy(&t);
}

TEST(ramfs_create_write_read_back)
{
	struct fst t;
	fst_init(&t, BIG);
	struct fst_node *n;
	CHECK_EQ(fst_open(&t, "/f", FS_O_CREATE, &n), 0);
	CHECK_EQ(fst_write_at(&t, n, 0, "hello", 5), 5);
	CHECK_EQ(fst_write_at(&t, n, 5, ", world", 7), 7);
	char buf[32] = { 0 };
	CHECK_EQ(fst_read_at(n, 0, buf, sizeof(buf)), 12);
	CHECK(!memcmp(buf, "hello, world", 12));
	CHECK_EQ(fst_read_at(n, 7, buf, 3), 3);
	CHECK(!memcmp(buf, "wor", 3));
	CHECK_EQ(fst_read_at(n, 10, buf, 100), 2);         /* short at the end */
	CHECK_EQ(fst_read_at(n, 12, buf, 100), 0);         /* at the end */
	CHECK_EQ(fst_read_at(n, 1000, buf, 100), 0);       /* past it */
	CHECK_EQ(fst_read_at(n, UINT64_MAX, buf, 100), 0);
	CHECK_EQ(fst_write_at(&t, n, 0, "J", 1), 1);        /* overwrite keeps size */
	CHECK_EQ(fst_read_at(n, 0, buf, sizeof(buf)), 12);
	CHECK(!memcmp(buf, "Jello, world", 12));
	CHECK_EQ(fst_write_at(&t, n, 3, "", 0), 0);
	fst_close(&t, n);
	unsigned type;
	uint64_t size;
	CHECK_EQ(fst_stat(&t, "/f", &type, &size), 0);
	CHECK_EQ(type, FS_TYPE_FILE);
	CHECK_EQ(size, 12);
	fst_destroy(&t);
}

TEST(ramfs_write_past_end_leaves_zeroed_hole)
{
	struct fst t;
	fst_init(&t, BIG);
	struct fst_node *n;
	CHECK_EQ(fst_open(&t, "/h", FS_O_CREATE, &n), 0);
	CHECK_EQ(fst_write_at(&t, n, 0, "ab", 2), 2);
	CHECK_EQ(fst_write_at(&t, n, 5000, "z", 1), 1);
	CHECK_EQ(n->size, 5001);
	uint8_t buf[5001];
	CHECK_EQ(fst_read_at(n, 0, buf, sizeof(buf)), 5001);
	CHECK(buf[0] == 'a' && buf[1] == 'b' && buf[5000] == 'z');
	for (int i = 2; i < 5000; i++)
		CHECK_EQ(buf[i], 0);
	fst_close(&t, n);
	fst_destroy(&t);
}

TEST(ramfs_truncate_shrinks_and_grows_with_zeros)
{
	struct fst t;
	fst_init(&t, BIG);
	struct fst_node *n;
	CHECK_EQ(fst_open(&t, "/t", FS_O_CREATE, &n), 0);
	CHECK_EQ(fst_write_at(&t, n, 0, "0123456789", 10), 10);
	CHECK_EQ(fst_truncate(&t, n, 4), 0);
	CHECK_EQ(n->size, 4);
	CHECK_EQ(fst_truncate(&t, n, 8), 0);               /* old bytes must not come back */
	char buf[16];
	CHECK_EQ(fst_read_at(n, 0, buf, sizeof(buf)), 8);
	CHECK(!memcmp(buf, "0123\0\0\0\0", 8));
	CHECK_EQ(fst_truncate(&t, n, 2), 0);
	CHECK_EQ(fst_write_at(&t, n, 6, "x", 1), 1);        /* hole after a shrink, too */
	CHECK_EQ(fst_read_at(n, 0, buf, sizeof(buf)), 7);
	CHECK(!memcmp(buf, "01\0\0\0\0x", 7));
	uint64_t before = t.used;
	CHECK_EQ(fst_truncate(&t, n, 0), 0);               /* gives the space back */
	CHECK(t.used < before);
	CHECK_EQ(n->cap, 0);
	CHECK_EQ(fst_read_at(n, 0, buf, sizeof(buf)), 0);
	fst_close(&t, n);
	fst_destroy(&t);
}

TEST(ramfs_big_file_shrink_returns_space)
{
	struct fst t;
	fst_init(&t, BIG);
	uint64_t base = t.used;
	struct fst_node *n;
	CHECK_EQ(fst_open(&t, "/big", FS_O_CREATE, &n), 0);
	static uint8_t blob[100000];
	memset(blob, 0x5a, sizeof(blob));
	CHECK_EQ(fst_write_at(&t, n, 0, blob, sizeof(blob)), (long)sizeof(blob));
	CHECK_EQ(fst_truncate(&t, n, 10), 0);
	CHECK(t.used < base + 1000);
	uint8_t b[10];
	CHECK_EQ(fst_read_at(n, 0, b, 10), 10);
	CHECK_EQ(b[9], 0x5a);
	fst_close(&t, n);
	CHECK_EQ(fst_unlink(&t, "/big"), 0);
	CHECK_EQ(t.used, base);
	fst_destroy(&t);
}

TEST(ramfs_open_flags)
{
	struct fst t;
	sample(&t, BIG);
	struct fst_node *n;
	CHECK_EQ(fst_open(&t, "/nope", 0, &n), -FS_ENOENT);
	CHECK_EQ(fst_open(&t, "/a.txt", FS_O_CREATE | FS_O_EXCL, &n), -FS_EEXIST);
	CHECK_EQ(fst_open(&t, "/a.txt", FS_O_EXCL, &n), -FS_EINVAL);      /* EXCL needs CREATE */
	CHECK_EQ(fst_open(&t, "/a.txt", 0x100, &n), -FS_EINVAL);          /* unknown flag */
	CHECK_EQ(fst_open(&t, "/etc", FS_O_DIR | FS_O_CREATE, &n), -FS_EINVAL);
	CHECK_EQ(fst_open(&t, "/etc", FS_O_DIR | FS_O_TRUNC, &n), -FS_EINVAL);
	CHECK_EQ(fst_open(&t, "/etc", 0, &n), -FS_EISDIR);
	CHECK_EQ(fst_open(&t, "/etc", FS_O_CREATE, &n), -FS_EISDIR);
	CHECK_EQ(fst_open(&t, "/", 0, &n), -FS_EISDIR);
	CHECK_EQ(fst_open(&t, "/a.txt", FS_O_DIR, &n), -FS_ENOTDIR);
	CHECK_EQ(fst_open(&t, "/a.txt/x", FS_O_CREATE, &n), -FS_ENOTDIR);
	CHECK_EQ(fst_open(&t, "/no/x", FS_O_CREATE, &n), -FS_ENOENT);

	CHECK_EQ(fst_open(&t, "/a.txt", FS_O_TRUNC, &n), 0);
	CHECK_EQ(n->size, 0);
	fst_close(&t, n);
	CHECK_EQ(fst_open(&t, "/new", FS_O_CREATE | FS_O_EXCL, &n), 0);
	CHECK_EQ(n->type, FS_TYPE_FILE);
	fst_close(&t, n);
	CHECK_EQ(fst_open(&t, "/new", FS_O_CREATE, &n), 0);  /* exists: just opens */
	fst_close(&t, n);
	CHECK_EQ(fst_open(&t, "/", FS_O_DIR, &n), 0);
	CHECK(n == t.root);
	fst_close(&t, n);
	CHECK_EQ(fst_open(&t, "/etc/", FS_O_DIR, &n), 0);
	fst_close(&t, n);
	fst_destroy(&t);
}

TEST(ramfs_file_ops_on_directory_fail)
{
	struct fst t;
	sample(&t, BIG);
	struct fst_node *d;
	CHECK_EQ(fst_open(&t, "/etc", FS_O_DIR, &d), 0);
	char buf[4];
	CHECK_EQ(fst_read_at(d, 0, buf, 4), -FS_EISDIR);
	CHECK_EQ(fst_write_at(&t, d, 0, "x", 1), -FS_EISDIR);
	CHECK_EQ(fst_truncate(&t, d, 0), -FS_EISDIR);
	fst_close(&t, d);
	struct fst_node *f;
	struct fs_dirent e;
	CHECK_EQ(fst_open(&t, "/a.txt", 0, &f), 0);
	CHECK_EQ(fst_readdir(f, 0, &e), -FS_ENOTDIR);
	fst_close(&t, f);
	fst_destroy(&t);
}

/* ---- directories -------------------------------------------------------- */

TEST(ramfs_readdir_is_sorted_and_ends)
{
	struct fst t;
	fst_init(&t, BIG);
	const char *names[] = { "zeta", "alpha", "Mid", "beta", "a" };
	for (int i = 0; i < 5; i++) {
		char p[16];
		snprintf(p, sizeof(p), "/%s", names[i]);
		CHECK_EQ(i == 2 ? fst_mkdir(&t, p) : put(&t, p, names[i]), 0);
	}
	put(&t, "/Mid/inner", "");
	struct fst_node *d;
	CHECK_EQ(fst_open(&t, "/", FS_O_DIR, &d), 0);
	const char *want[] = { "Mid", "a", "alpha", "beta", "zeta" };
	struct fs_dirent e;
	for (int i = 0; i < 5; i++) {
		CHECK_EQ(fst_readdir(d, i, &e), 0);
		CHECK_STR(e.name, want[i]);
	}
	CHECK_EQ(fst_readdir(d, 0, &e), 0);
	CHECK_EQ(e.type, FS_TYPE_DIR);
	CHECK_EQ(e.size, 1);
	CHECK_EQ(fst_readdir(d, 2, &e), 0);
	CHECK_EQ(e.type, FS_TYPE_FILE);
	CHECK_EQ(e.size, 5);
	CHECK_EQ(fst_readdir(d, 5, &e), -FS_ENOENT);
	CHECK_EQ(fst_readdir(d, UINT64_MAX, &e), -FS_ENOENT);
	unsigned type;
	uint64_t size;
	CHECK_EQ(fst_stat(&t, "/", &type, &size), 0);
	CHECK_EQ(size, 5);
	fst_close(&t, d);
	fst_destroy(&t);
}

TEST(ramfs_mkdir_errors)
{
	struct fst t;
	sample(&t, BIG);
	CHECK_EQ(fst_mkdir(&t, "/etc"), -FS_EEXIST);
	CHECK_EQ(fst_mkdir(&t, "/a.txt"), -FS_EEXIST);
	CHECK_EQ(fst_mkdir(&t, "/"), -FS_EEXIST);
	CHECK_EQ(fst_mkdir(&t, "/x/y"), -FS_ENOENT);
	CHECK_EQ(fst_mkdir(&t, "/a.txt/y"), -FS_ENOTDIR);
	CHECK_EQ(fst_mkdir(&t, "/etc/new"), 0);
	CHECK_EQ(fst_mkdir(&t, "/etc/new/deeper/"), 0);
	unsigned type;
	uint64_t size;
	CHECK_EQ(fst_stat(&t, "/etc/new/deeper", &type, &size), 0);
	CHECK_EQ(type, FS_TYPE_DIR);
	fst_destroy(&t);
}

TEST(ramfs_unlink_rules)
{
	struct fst t;
	sample(&t, BIG);
	uint64_t base;
	CHECK_EQ(fst_unlink(&t, "/nope"), -FS_ENOENT);
	CHECK_EQ(fst_unlink(&t, "/nope/x"), -FS_ENOENT);
	CHECK_EQ(fst_unlink(&t, "/a.txt/x"), -FS_ENOTDIR);
	CHECK_EQ(fst_unlink(&t, "/etc"), -FS_ENOTEMPTY);
	CHECK_EQ(fst_unlink(&t, "/"), -FS_EINVAL);
	base = t.used;
	CHECK_EQ(fst_unlink(&t, "/etc/empty"), 0);
	CHECK(t.used < base);
	CHECK_EQ(fst_unlink(&t, "/etc/motd"), 0);
	CHECK_EQ(fst_unlink(&t, "/etc"), 0);               /* empty now */
	unsigned type;
	uint64_t size;
	CHECK_EQ(fst_stat(&t, "/etc", &type, &size), -FS_ENOENT);
	CHECK_EQ(fst_stat(&t, "/", &type, &size), 0);
	CHECK_EQ(size, 2);
	fst_destroy(&t);
}

TEST(ramfs_unlinked_open_file_lives_until_close)
{
	struct fst t;
	fst_init(&t, BIG);
	uint64_t base = t.used;
	put(&t, "/f", "data");
	struct fst_node *a, *b;
	CHECK_EQ(fst_open(&t, "/f", 0, &a), 0);
	CHECK_EQ(fst_open(&t, "/f", 0, &b), 0);
	CHECK_EQ(fst_unlink(&t, "/f"), 0);
	CHECK_EQ(fst_open(&t, "/f", 0, &a), -FS_ENOENT);
	char buf[8];
	CHECK_EQ(fst_read_at(a, 0, buf, sizeof(buf)), 4);
	CHECK_EQ(fst_write_at(&t, b, 4, "!", 1), 1);
	CHECK_EQ(fst_read_at(a, 0, buf, sizeof(buf)), 5);
	CHECK_EQ(put(&t, "/f", "new"), 0);                  /* the name is free again */
	fst_close(&t, a);
	CHECK(t.used > base);
	fst_close(&t, b);
	CHECK_EQ(fst_unlink(&t, "/f"), 0);
	CHECK_EQ(t.used, base);                             /* everything given back */
	/* An open empty directory can go too. */
	CHECK_EQ(fst_mkdir(&t, "/d"), 0);
	CHECK_EQ(fst_open(&t, "/d", FS_O_DIR, &a), 0);
	CHECK_EQ(fst_unlink(&t, "/d"), 0);
	struct fs_dirent e;
	CHECK_EQ(fst_readdir(a, 0, &e), -FS_ENOENT);
	fst_close(&t, a);
	CHECK_EQ(t.used, base);
	fst_destroy(&t);
}

/* ---- names -------------------------------------------------------------- */

TEST(ramfs_name_rules)
{
	struct fst t;
	sample(&t, BIG);
	unsigned type;
	uint64_t size;
	struct fst_node *n;
	CHECK_EQ(fst_stat(&t, "", &type, &size), -FS_EINVAL);
	CHECK_EQ(fst_stat(&t, "etc", &type, &size), -FS_EINVAL);          /* relative */
	CHECK_EQ(fst_stat(&t, "/etc/.", &type, &size), -FS_EINVAL);
	CHECK_EQ(fst_stat(&t, "/etc/..", &type, &size), -FS_EINVAL);
	CHECK_EQ(fst_stat(&t, "/./etc", &type, &size), -FS_EINVAL);
	CHECK_EQ(fst_mkdir(&t, "/.."), -FS_EINVAL);
	CHECK_EQ(fst_unlink(&t, "/etc/empty/.."), -FS_EINVAL);
	CHECK_EQ(fst_open(&t, "/.", FS_O_CREATE, &n), -FS_EINVAL);
	CHECK_EQ(fst_stat(&t, "//etc///motd", &type, &size), 0);
	CHECK_EQ(size, 11);
	CHECK_EQ(fst_stat(&t, "/etc/.hidden", &type, &size), -FS_ENOENT); /* dot files are fine */
	CHECK_EQ(put(&t, "/...", "x"), 0);
	CHECK_EQ(put(&t, "/.x", "x"), 0);

	char name[FS_NAME_MAX + 3];
	name[0] = '/';
	memset(name + 1, 'n', FS_NAME_MAX);
	name[FS_NAME_MAX + 1] = '\0';
	CHECK_EQ(put(&t, name, "max"), 0);
	struct fst_node *d;
	struct fs_dirent e;
	CHECK_EQ(fst_open(&t, "/", FS_O_DIR, &d), 0);
	int found = 0;
	for (uint64_t i = 0; fst_readdir(d, i, &e) == 0; i++)
		found |= strlen(e.name) == FS_NAME_MAX && e.name[0] == 'n';
	fst_close(&t, d);
	CHECK(found);
	name[FS_NAME_MAX + 1] = 'n';
	name[FS_NAME_MAX + 2] = '\0';
	CHECK_EQ(put(&t, name, "x"), -FS_ENAMETOOLONG);
	CHECK_EQ(fst_mkdir(&t, name), -FS_ENAMETOOLONG);

	/* Paths: FS_PATH_MAX bytes are fine, one more is not. */
	char path[FS_PATH_MAX + 2];
	memset(path, '/', sizeof(path));
	path[FS_PATH_MAX - 1] = 'p';
	path[FS_PATH_MAX] = '\0';
	CHECK_EQ(put(&t, path, "x"), 0);
	CHECK_EQ(fst_stat(&t, "/p", &type, &size), 0);
	path[FS_PATH_MAX] = 'q';
	path[FS_PATH_MAX + 1] = '\0';
	CHECK_EQ(fst_stat(&t, path, &type, &size), -FS_ENAMETOOLONG);
	CHECK_EQ(put(&t, path, "x"), -FS_ENAMETOOLONG);
	fst_destroy(&t);
}

/* ---- space -------------------------------------------------------------- */

TEST(ramfs_budget_gives_enospc)
{
	struct fst t;
	CHECK_EQ(fst_init(&t, 10), -FS_ENOSPC);             /* not even the root fits */
	fst_init(&t, 4 * sizeof(struct fst_node) + 1000);
	CHECK_EQ(fst_mkdir(&t, "/d"), 0);
	struct fst_node *n;
	CHECK_EQ(fst_open(&t, "/d/f", FS_O_CREATE, &n), 0);
	static uint8_t blob[2000];
	CHECK_EQ(fst_write_at(&t, n, 0, blob, 2000), -FS_ENOSPC);
	CHECK_EQ(n->size, 0);
	CHECK_EQ(fst_write_at(&t, n, 0, blob, 1000), 1000);  /* all but one node's worth */
	CHECK_EQ(t.used, t.budget - sizeof(struct fst_node));
	CHECK_EQ(fst_mkdir(&t, "/e"), 0);                   /* the last node */
	CHECK_EQ(t.used, t.budget);
	CHECK_EQ(fst_write_at(&t, n, 1000, "x", 1), -FS_ENOSPC);
	CHECK_EQ(fst_truncate(&t, n, 1001), -FS_ENOSPC);
	CHECK_EQ(n->size, 1000);
	CHECK_EQ(fst_write_at(&t, n, 500, "y", 1), 1);       /* inside still works */
	CHECK_EQ(fst_mkdir(&t, "/g"), -FS_ENOSPC);
	struct fst_node *m;
	CHECK_EQ(fst_open(&t, "/h", FS_O_CREATE, &m), -FS_ENOSPC);
	CHECK_EQ(fst_write_at(&t, n, UINT64_MAX, "x", 1), -FS_ENOSPC);
	CHECK_EQ(fst_write_at(&t, n, UINT64_MAX - 1, blob, 100), -FS_ENOSPC);
	CHECK_EQ(fst_truncate(&t, n, UINT64_MAX), -FS_ENOSPC);
	fst_close(&t, n);
	CHECK_EQ(fst_unlink(&t, "/d/f"), 0);
	CHECK_EQ(fst_mkdir(&t, "/g"), 0);                   /* space came back */
	fst_destroy(&t);
}

TEST(ramfs_failed_operations_change_nothing)
{
	struct fst t;
	sample(&t, 8 * sizeof(struct fst_node) + 200);
	struct fst_node *f, *d;
	CHECK_EQ(fst_open(&t, "/etc/motd", 0, &f), 0);
	CHECK_EQ(fst_open(&t, "/etc", FS_O_DIR, &d), 0);
	char *before = snapshot(&t);
	struct fst_node *n;
	unsigned type;
	uint64_t size;
	struct fs_dirent e;
	char buf[8];
	static uint8_t blob[4096];
	long r[] = {
		fst_open(&t, "/a.txt", FS_O_CREATE | FS_O_EXCL | FS_O_TRUNC, &n),
		fst_open(&t, "/etc", FS_O_TRUNC, &n),
		fst_open(&t, "/a.txt/x", FS_O_CREATE | FS_O_TRUNC, &n),
		fst_open(&t, "/etc/.", FS_O_CREATE, &n),
		fst_open(&t, "/zz/new", FS_O_CREATE, &n),
		fst_open(&t, "/a.txt", FS_O_DIR | FS_O_TRUNC, &n),
		fst_open(&t, "/a.txt", 0xF0 | FS_O_TRUNC, &n),
		fst_mkdir(&t, "/etc"),
		fst_mkdir(&t, "/a.txt/d"),
		fst_mkdir(&t, "/etc/empty/.."),
		fst_unlink(&t, "/etc"),
		fst_unlink(&t, "/"),
		fst_unlink(&t, "/nope"),
		fst_write_at(&t, f, 0, blob, sizeof(blob)),
		fst_write_at(&t, f, 1 << 20, "x", 1),
		fst_write_at(&t, d, 0, "x", 1),
		fst_truncate(&t, f, 1 << 20),
		fst_truncate(&t, d, 0),
		fst_read_at(d, 0, buf, 8),
		fst_readdir(f, 0, &e),
		fst_readdir(d, 99, &e),
		fst_stat(&t, "/etc/motd/x", &type, &size),
	};
	char *after = snapshot(&t);
	CHECK_STR(after, before);
	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		CHECK(r[i] < 0);
	fst_close(&t, f);
	fst_close(&t, d);
	free(before);
	free(after);
	fst_destroy(&t);
}

/* ---- seeding ------------------------------------------------------------ */


#define TAR "tar --format=ustar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@1700000000 "

static char skipped_buf[200];     /* small enough for CHECK_STR's message */
static const char *const skipped = skipped_buf;     /* a pointer, for CHECK_STR */
static void note_skip(const char *name, const char *why, long err)
{
	size_t len = strlen(skipped_buf);
	snprintf(skipped_buf + len, sizeof(skipped_buf) - len, "%s:%s:%ld;", name, why, -err);
}

TEST(ramfs_seed_copies_initramfs_layout)
{
	size_t len;
	uint8_t *tar = unit_tar_from_shell("mkdir -p root/etc/empty root/bin && printf 'hello tern\\n' > root/etc/motd && "
				"printf '#!' > root/bin/sh && ln -s motd root/etc/link && "
				TAR "-C root -cf x.tar .", &len);
	CHECK(tar);
	struct fst t;
	fst_init(&t, BIG);
	skipped_buf[0] = '\0';
	struct seed_stats st = seed_from_tar(&t, tar, len, note_skip);
	CHECK_EQ(st.tar_error, 0);
	CHECK_EQ(st.files, 2);
	CHECK_EQ(st.dirs, 3);
	CHECK_EQ(st.skipped, 1);
	CHECK_STR(skipped, "etc/link:not a file or directory:0;");
	char buf[64];
	CHECK_EQ(get(&t, "/etc/motd", buf, sizeof(buf)), 11);
	CHECK_STR(buf, "hello tern\n");
	CHECK_EQ(get(&t, "/bin/sh", buf, sizeof(buf)), 2);
	unsigned type;
	uint64_t size;
	CHECK_EQ(fst_stat(&t, "/etc/empty", &type, &size), 0);
	CHECK_EQ(type, FS_TYPE_DIR);
	CHECK_EQ(size, 0);
	CHECK_EQ(fst_stat(&t, "/etc", &type, &size), 0);
	CHECK_EQ(size, 2);                                  /* empty, motd (no link) */
	free(tar);
	fst_destroy(&t);
}

TEST(ramfs_seed_makes_parents_and_skips_bad_names)
{
	size_t len;
	/* Files without their directories' entries, a ".." name, an absolute
	 * name (the reader drops the '/' but marks it unsafe), a component too
	 * long, and a later copy of the same file. */
	uint8_t *tar = unit_tar_from_shell("mkdir -p a/b && echo one > a/b/c && echo x > evil && "
				"echo abs > abs && "
				"L=$(printf '%070d' 0) && echo long > $L && "
				TAR "-cf x.tar a/b/c && "
				TAR "--transform 's,^,../,' -rf x.tar evil && "
				TAR "-P --transform 's,^,/,' -rf x.tar abs && "
				TAR "-rf x.tar $L && "
				"echo two > a/b/c && " TAR "-rf x.tar a/b/c", &len);
	CHECK(tar);
	struct fst t;
	fst_init(&t, BIG);
	skipped_buf[0] = '\0';
	struct seed_stats st = seed_from_tar(&t, tar, len, note_skip);
	CHECK_EQ(st.tar_error, 0);
	CHECK_EQ(st.files, 2);
	CHECK_EQ(st.dirs, 0);
	CHECK_EQ(st.skipped, 3);
	char want[200];
	snprintf(want, sizeof(want), "../evil:unsafe name:0;abs:unsafe name:0;%070d:not stored:%d;",
		 0, FS_ENAMETOOLONG);
	CHECK_STR(skipped, want);
	char buf[64];
	CHECK_EQ(get(&t, "/a/b/c", buf, sizeof(buf)), 4);
	CHECK_STR(buf, "two\n");
	unsigned type;
	uint64_t size;
	CHECK_EQ(fst_stat(&t, "/", &type, &size), 0);
	CHECK_EQ(size, 1);                                  /* only /a */
	free(tar);
	fst_destroy(&t);
}

TEST(ramfs_seed_out_of_space_skips_whole_files)
{
	size_t len;
	uint8_t *tar = unit_tar_from_shell("mkdir d && head -c 3000 /dev/zero > d/big && echo hi > d/small && "
				TAR "-cf x.tar d", &len);
	CHECK(tar);
	struct fst t;
	fst_init(&t, 4 * sizeof(struct fst_node) + 1000);
	skipped_buf[0] = '\0';
	struct seed_stats st = seed_from_tar(&t, tar, len, note_skip);
	CHECK_EQ(st.files, 1);
	CHECK_EQ(st.skipped, 1);
	char want[64];
	snprintf(want, sizeof(want), "d/big:not stored:%d;", FS_ENOSPC);
	CHECK_STR(skipped, want);
	unsigned type;
	uint64_t size;
	CHECK_EQ(fst_stat(&t, "/d/big", &type, &size), -FS_ENOENT);     /* not half there */
	CHECK_EQ(fst_stat(&t, "/d/small", &type, &size), 0);
	free(tar);
	fst_destroy(&t);
}

TEST(ramfs_seed_keeps_entries_before_a_corrupt_header)
{
	size_t len;
	uint8_t *tar = unit_tar_from_shell("echo a > a && echo b > b && " TAR "-cf x.tar a b", &len);
	CHECK(tar);
	tar[1024 + 148] ^= 1;           /* b's header checksum */
	struct fst t;
	fst_init(&t, BIG);
	struct seed_stats st = seed_from_tar(&t, tar, len, 0);
	CHECK(st.tar_error < 0);
	CHECK_EQ(st.files, 1);
	char buf[8];
	CHECK_EQ(get(&t, "/a", buf, sizeof(buf)), 2);
	CHECK_EQ(seed_from_tar(&t, tar, 100, 0).tar_error, -1);  /* TAR_ETRUNC */
	free(tar);
	fst_destroy(&t);
}

/* ---- handles.c ---------------------------------------------------------- */

/* Open path for owner through the table as the server does: the handle, or -FS_E*. */
static long h_open(struct handle_table *ht, struct fst *t, uint64_t owner, const char *path)
{
	struct fst_node *n;
	long slot = handle_slot(ht, owner), err;
	if (slot < 0)
		return slot;
	if ((err = fst_open(t, path, FS_O_CREATE, &n)))
		return err;
	return (long)handle_fill(ht, (unsigned)slot, owner, n);
}

TEST(ramfs_handles_belong_to_their_client)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	long h = h_open(&ht, &t, 7, "/f");
	CHECK(h >= 0);
	CHECK(handle_get(&ht, (uint64_t)h, 7) != 0);
	CHECK(handle_get(&ht, (uint64_t)h, 8) == 0);    /* another client's */
	handle_close(&t, handle_get(&ht, (uint64_t)h, 7), 0, 0);
	CHECK(handle_get(&ht, (uint64_t)h, 7) == 0);    /* closed */
	long h2 = h_open(&ht, &t, 7, "/f");
	CHECK(h2 >= 0 && h2 != h);                      /* same slot, new generation */
	CHECK(handle_get(&ht, (uint64_t)h, 7) == 0);
	CHECK(handle_get(&ht, 0xFFFF, 7) == 0);
	handles_release(&ht, &t, 7, 0, 0);
	fst_destroy(&t);
}

TEST(ramfs_handles_one_client_gets_a_quarter)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	for (unsigned i = 0; i < RAMFS_PER_CLIENT; i++)
		CHECK(h_open(&ht, &t, 7, "/f") >= 0);
	CHECK_EQ(h_open(&ht, &t, 7, "/f"), -FS_EMFILE);
	CHECK(h_open(&ht, &t, 8, "/f") >= 0);
	handles_release(&ht, &t, 7, 0, 0);
	handles_release(&ht, &t, 8, 0, 0);
	fst_destroy(&t);
}

/* The attack of issue 9: clients that end holding all their handles. Once
 * each is released, the next clients get their full share again, and the
 * files' open references are dropped. */
TEST(ramfs_handles_released_when_client_gone)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	for (uint64_t client = 1; client <= 6; client++) {
		unsigned got = 0;
		while (h_open(&ht, &t, client, "/f") >= 0)
			got++;
		CHECK_EQ(got, RAMFS_PER_CLIENT);
		CHECK_EQ(handles_release(&ht, &t, client, 0, 0), RAMFS_PER_CLIENT);
		CHECK_EQ(handles_release(&ht, &t, client, 0, 0), 0);
	}
	long h = h_open(&ht, &t, 99, "/f");
	CHECK(h >= 0);
	CHECK_EQ(handle_get(&ht, (uint64_t)h, 99)->node->opens, 1);
	/* Releasing one client leaves the others' handles alone. */
	CHECK_EQ(handles_release(&ht, &t, 98, 0, 0), 0);
	CHECK(handle_get(&ht, (uint64_t)h, 99) != 0);
	CHECK_EQ(handles_release(&ht, &t, 99, 0, 0), 1);
	fst_destroy(&t);
}

/* ---- pipe.c ------------------------------------------------------------- */

static size_t fill_bytes(uint8_t *b, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)(seed + i * 7);
	return n;
}

TEST(pipe_bytes_come_out_in_order_across_the_ring_end)
{
	static struct pipe p;
	pipe_init(&p);
	uint8_t in[STREAM_CHUNK], out[STREAM_CHUNK];
	unsigned w = 0, r = 0;
	/* Many laps of the ring, with reads shorter than writes. */
	for (unsigned round = 0; round < 100; round++) {
		while (pipe_write(&p, in, fill_bytes(in, 200, w)) == 200)
			w++;
		CHECK_EQ(pipe_write(&p, in, 200), -PIPE_WAIT);
		while (pipe_ready(&p)) {
			CHECK_EQ(pipe_read(&p, out, 200), 200);
			fill_bytes(in, 200, r++);
			CHECK(!memcmp(in, out, 200));
		}
	}
	CHECK_EQ(w, r);
	CHECK_EQ(pipe_read(&p, out, 10), -PIPE_WAIT);
}

TEST(pipe_waiting_read_gets_the_next_write)
{
	static struct pipe p;
	struct pipe_answer a[PIPE_ANSWERS_MAX];
	pipe_init(&p);
	uint8_t buf[8];
	CHECK_EQ(pipe_read(&p, buf, 8), -PIPE_WAIT);
	pipe_wait_read(&p, 41, 8);
	CHECK_EQ(pipe_settle(&p, a), 0);                /* nothing yet */
	CHECK_EQ(pipe_read(&p, buf, 8), -E_BUSY);       /* one read waits at a time */
	CHECK_EQ(pipe_write(&p, "hello, world", 12), 12);
	CHECK_EQ(pipe_settle(&p, a), 1);
	CHECK_EQ(a[0].reply, 41);
	CHECK_EQ(a[0].status, 0);
	CHECK_EQ(a[0].n, 8);
	CHECK(!memcmp(a[0].data, "hello, w", 8));
	CHECK_EQ(pipe_read(&p, buf, 8), 4);             /* the rest, at once */
}

TEST(pipe_full_write_waits_whole_until_drained)
{
	static struct pipe p;
	struct pipe_answer a[PIPE_ANSWERS_MAX];
	pipe_init(&p);
	uint8_t buf[STREAM_CHUNK] = { 0 };
	for (unsigned i = 0; i < FS_PIPE_BUF / STREAM_CHUNK; i++)
		CHECK_EQ(pipe_write(&p, buf, STREAM_CHUNK), STREAM_CHUNK);
	CHECK_EQ(pipe_write(&p, "x", 1), -PIPE_WAIT);
	pipe_wait_write(&p, 51, "xyz", 3);
	CHECK_EQ(pipe_write(&p, "q", 1), -E_BUSY);      /* one write waits at a time */
	CHECK_EQ(pipe_read(&p, buf, 2), 2);             /* room for 2 of 3: not enough */
	CHECK_EQ(pipe_settle(&p, a), 0);
	CHECK_EQ(pipe_read(&p, buf, 1), 1);
	CHECK_EQ(pipe_settle(&p, a), 1);                /* now all three fit */
	CHECK_EQ(a[0].reply, 51);
	CHECK_EQ(a[0].status, 0);
	CHECK_EQ(a[0].n, 3);
	CHECK_EQ(pipe_ready(&p), FS_PIPE_BUF);
}

TEST(pipe_end_of_stream_after_write_end_closes)
{
	static struct pipe p;
	struct pipe_answer a[PIPE_ANSWERS_MAX];
	uint8_t buf[8];
	pipe_init(&p);
	CHECK_EQ(pipe_write(&p, "ab", 2), 2);
	pipe_close(&p, false);
	CHECK_EQ(pipe_write(&p, "c", 1), -STREAM_EBADF);
	CHECK_EQ(pipe_read(&p, buf, 8), 2);             /* the data first */
	CHECK_EQ(pipe_read(&p, buf, 8), 0);             /* then the end */
	CHECK_EQ(pipe_read(&p, buf, 8), 0);
	/* A read already waiting when the writer closes ends too. */
	pipe_init(&p);
	CHECK_EQ(pipe_read(&p, buf, 8), -PIPE_WAIT);
	pipe_wait_read(&p, 7, 8);
	pipe_close(&p, false);
	CHECK_EQ(pipe_settle(&p, a), 1);
	CHECK_EQ(a[0].reply, 7);
	CHECK_EQ(a[0].status, 0);
	CHECK_EQ(a[0].n, 0);
	CHECK(!pipe_unused(&p));
	pipe_close(&p, true);
	CHECK(pipe_unused(&p));
}

TEST(pipe_broken_for_writers_when_read_end_closes)
{
	static struct pipe p;
	struct pipe_answer a[PIPE_ANSWERS_MAX];
	uint8_t buf[STREAM_CHUNK] = { 0 };
	pipe_init(&p);
	while (pipe_write(&p, buf, STREAM_CHUNK) > 0)
		;
	pipe_wait_write(&p, 9, buf, STREAM_CHUNK);      /* a writer waiting for room */
	pipe_close(&p, true);
	CHECK_EQ(pipe_settle(&p, a), 1);
	CHECK_EQ(a[0].reply, 9);
	CHECK_EQ(a[0].status, STREAM_EPIPE);
	CHECK_EQ(pipe_write(&p, "x", 1), -STREAM_EPIPE);
	CHECK_EQ(pipe_read(&p, buf, 1), -STREAM_EBADF);
	CHECK_EQ(pipe_ready(&p), 0);
}

TEST(pipe_waiter_on_a_closed_end_gets_ebadf)
{
	static struct pipe p;
	struct pipe_answer a[PIPE_ANSWERS_MAX];
	uint8_t buf[8];
	pipe_init(&p);
	CHECK_EQ(pipe_read(&p, buf, 8), -PIPE_WAIT);
	pipe_wait_read(&p, 3, 8);
	pipe_close(&p, true);                           /* its own end */
	CHECK_EQ(pipe_settle(&p, a), 1);
	CHECK_EQ(a[0].reply, 3);
	CHECK_EQ(a[0].status, STREAM_EBADF);
	pipe_close(&p, false);
	CHECK(pipe_unused(&p));
}

/* A pipe end shared by STREAM_DUP counts once per holder: the end closes
 * with its last holder, not its first. */
TEST(pipe_dup_end_closes_with_its_last_holder)
{
	static struct pipe p;
	struct pipe_answer a[PIPE_ANSWERS_MAX];
	uint8_t buf[8];
	pipe_init(&p);
	pipe_dup(&p, false);                            /* two writers */
	pipe_dup(&p, true);                             /* two readers */
	CHECK_EQ(pipe_write(&p, "ab", 2), 2);
	pipe_close(&p, false);
	CHECK_EQ(pipe_write(&p, "c", 1), 1);            /* the other writer goes on */
	CHECK_EQ(pipe_read(&p, buf, 8), 3);
	CHECK_EQ(pipe_read(&p, buf, 8), -PIPE_WAIT);    /* no end yet: a writer is left */
	pipe_wait_read(&p, 5, 8);
	pipe_close(&p, true);                           /* one reader of two: still waits */
	CHECK_EQ(pipe_settle(&p, a), 0);
	pipe_close(&p, false);                          /* the last writer: the end */
	CHECK_EQ(pipe_settle(&p, a), 1);
	CHECK_EQ(a[0].reply, 5);
	CHECK_EQ(a[0].status, 0);
	CHECK_EQ(a[0].n, 0);
	CHECK(!pipe_unused(&p));
	pipe_close(&p, true);
	CHECK(pipe_unused(&p));
}

/* ---- streams in the handle table ---------------------------------------- */

struct answers {
	unsigned n;
	struct pipe_answer a[8];
};

static void record(const struct pipe_answer *a, void *ctx)
{
	struct answers *r = ctx;
	if (r->n < 8)
		r->a[r->n++] = *a;
}

TEST(stream_file_is_sequential_and_appends)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	uint64_t w, r;
	char buf[16];
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/f", FS_O_CREATE | FS_O_TRUNC, &w), 0);
	CHECK_EQ(handle_stream_write(&t, handle_stream(&ht, w), "abc", 3), 3);
	CHECK_EQ(handle_stream_write(&t, handle_stream(&ht, w), "def", 3), 3);
	CHECK_EQ(handle_open_stream(&ht, &t, 8, "/f", 0, &r), 0);   /* anyone's stream */
	CHECK_EQ(handle_stream_read(handle_stream(&ht, r), buf, 4), 4);
	CHECK_EQ(handle_stream_read(handle_stream(&ht, r), buf + 4, 16), 2);
	CHECK_EQ(handle_stream_read(handle_stream(&ht, r), buf, 16), 0);
	CHECK(!memcmp(buf, "abcdef", 6));
	uint64_t a;
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/f", FS_O_APPEND, &a), 0);
	CHECK_EQ(handle_stream_write(&t, handle_stream(&ht, w), "X", 1), 1);   /* at 6 */
	CHECK_EQ(handle_stream_write(&t, handle_stream(&ht, a), "yz", 2), 2);  /* at the end */
	CHECK_EQ(get(&t, "/f", buf, sizeof(buf)), 9);
	CHECK_STR(buf, "abcdefXyz");
	/* Streams are no FS_OPEN handles, and handles are no streams. */
	CHECK(handle_get(&ht, w, 7) == 0);
	long h = h_open(&ht, &t, 7, "/f");
	CHECK(h >= 0 && handle_stream(&ht, (uint64_t)h) == 0);
	CHECK_EQ(handles_release(&ht, &t, 7, 0, 0), 3);
	CHECK(handle_stream(&ht, w) == 0);              /* closed with its maker */
	CHECK(handle_stream(&ht, r) != 0);
	CHECK_EQ(handles_release(&ht, &t, 8, 0, 0), 1);
	fst_destroy(&t);
}

TEST(stream_file_refuses_directories_and_bad_flags)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	uint64_t s;
	CHECK_EQ(fst_mkdir(&t, "/d"), 0);
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/d", 0, &s), -FS_EISDIR);
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/", FS_O_DIR, &s), -FS_EISDIR);
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/nope", 0, &s), -FS_ENOENT);
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/f", 0x100, &s), -FS_EINVAL);
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/f", FS_O_CREATE | FS_O_EXCL, &s), 0);
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/f", FS_O_CREATE | FS_O_EXCL, &s), -FS_EEXIST);
	CHECK_EQ(handles_release(&ht, &t, 7, 0, 0), 1);
	fst_destroy(&t);
}

/* The file of a stream may be unlinked while the stream is open: it stays
 * usable (as with FS_OPEN handles) and is freed at the close. ASan checks
 * there is no use after free. */
TEST(stream_file_unlinked_while_open)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	uint64_t s;
	char buf[4];
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/f", FS_O_CREATE, &s), 0);
	CHECK_EQ(fst_unlink(&t, "/f"), 0);
	CHECK_EQ(handle_stream_write(&t, handle_stream(&ht, s), "ab", 2), 2);
	handle_stream(&ht, s)->file->off = 0;
	CHECK_EQ(handle_stream_read(handle_stream(&ht, s), buf, 4), 2);
	handle_close(&t, handle_stream(&ht, s), 0, 0);  /* frees it: ASan checks */
	CHECK_EQ(fst_stat(&t, "/f", &(unsigned){ 0 }, &(uint64_t){ 0 }), -FS_ENOENT);
	fst_destroy(&t);
}

TEST(stream_pipes_count_against_their_maker_and_are_reclaimed)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	uint64_t base = t.used, ends[2];
	for (unsigned round = 0; round < 50; round++) {
		unsigned made = 0;
		while (handle_pipe(&ht, &t, 5, ends) == 0)
			made++;
		CHECK_EQ(made, RAMFS_PER_CLIENT / 2);
		CHECK_EQ(handle_pipe(&ht, &t, 5, ends), -FS_EMFILE);
		CHECK_EQ(handles_release(&ht, &t, 5, 0, 0), RAMFS_PER_CLIENT);
		CHECK_EQ(t.used, base);                 /* every pipe freed */
	}
	/* One end closed, the other still open: the pipe lives on. */
	CHECK_EQ(handle_pipe(&ht, &t, 5, ends), 0);
	handle_close(&t, handle_stream(&ht, ends[0]), 0, 0);
	CHECK(handle_stream(&ht, ends[0]) == 0);        /* a stale number */
	CHECK(handle_stream(&ht, ends[1]) != 0);
	CHECK_EQ(pipe_write(handle_stream(&ht, ends[1])->pipe, "x", 1), -STREAM_EPIPE);
	CHECK_EQ(handles_release(&ht, &t, 5, 0, 0), 1);
	CHECK_EQ(t.used, base);
	fst_destroy(&t);
}

TEST(stream_pipe_space_is_charged_to_the_budget)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	t.budget = t.used + sizeof(struct pipe) + 64;   /* room for one pipe */
	uint64_t ends[2];
	CHECK_EQ(handle_pipe(&ht, &t, 5, ends), 0);
	CHECK_EQ(handle_pipe(&ht, &t, 5, ends), -FS_ENOSPC);
	CHECK_EQ(handles_release(&ht, &t, 5, 0, 0), 2);
	fst_destroy(&t);
}

TEST(stream_release_answers_waiters)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	uint64_t ends[2];
	uint8_t buf[4];
	CHECK_EQ(handle_pipe(&ht, &t, 5, ends), 0);
	struct pipe *p = handle_stream(&ht, ends[0])->pipe;
	CHECK_EQ(pipe_read(p, buf, 4), -PIPE_WAIT);
	pipe_wait_read(p, 77, 4);
	struct answers r = { 0 };
	CHECK_EQ(handles_release(&ht, &t, 5, record, &r), 2);
	CHECK_EQ(r.n, 1);
	CHECK_EQ(r.a[0].reply, 77);
	CHECK_EQ(r.a[0].status, STREAM_EBADF);          /* its own end closed under it */
	fst_destroy(&t);
}

/* STREAM_DUP on a file stream: a second entry on the same open file
 * description (one offset, as dup() shares one), counted against the
 * stream's maker and closed with it; the file is closed with the last. */
TEST(stream_dup_file_shares_the_offset)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	uint64_t s, d;
	char buf[16];
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/f", FS_O_CREATE, &s), 0);
	CHECK_EQ(handle_dup(&ht, handle_stream(&ht, s), &d), 0);
	CHECK(d != s);
	CHECK_EQ(handle_stream_write(&t, handle_stream(&ht, s), "ab", 2), 2);
	CHECK_EQ(handle_stream_write(&t, handle_stream(&ht, d), "cd", 2), 2);   /* after "ab" */
	CHECK_EQ(handle_stream_write(&t, handle_stream(&ht, s), "e", 1), 1);    /* after "cd" */
	CHECK_EQ(get(&t, "/f", buf, sizeof(buf)), 5);
	CHECK_STR(buf, "abcde");
	/* The file outlives the first close; unlinked, it goes with the last. */
	CHECK_EQ(fst_unlink(&t, "/f"), 0);
	handle_close(&t, handle_stream(&ht, s), 0, 0);
	CHECK(handle_stream(&ht, s) == 0);
	handle_stream(&ht, d)->file->off = 0;
	CHECK_EQ(handle_stream_read(handle_stream(&ht, d), buf, 16), 5);
	handle_close(&t, handle_stream(&ht, d), 0, 0);  /* frees node and description: ASan */
	/* Dups count against the maker, and go when it goes. */
	CHECK_EQ(handle_open_stream(&ht, &t, 7, "/g", FS_O_CREATE, &s), 0);
	unsigned made = 1;
	while (handle_dup(&ht, handle_stream(&ht, s), &d) == 0)
		made++;
	CHECK_EQ(made, RAMFS_PER_CLIENT);
	CHECK_EQ(handle_dup(&ht, handle_stream(&ht, s), &d), -FS_EMFILE);
	CHECK_EQ(handles_release(&ht, &t, 7, 0, 0), RAMFS_PER_CLIENT);
	CHECK_EQ(handle_slot(&ht, 7) >= 0, 1);
	fst_destroy(&t);
}

/* STREAM_DUP on a pipe end: the reader sees the end of the stream only
 * when every copy of the write end is closed. */
TEST(stream_dup_pipe_end_keeps_the_pipe_open)
{
	static struct handle_table ht;
	struct fst t;
	CHECK_EQ(fst_init(&t, BIG), 0);
	uint64_t num[2], w2;
	uint8_t buf[8];
	struct answers r = { 0 };
	uint64_t base = t.used;
	CHECK_EQ(handle_pipe(&ht, &t, 7, num), 0);
	CHECK_EQ(handle_dup(&ht, handle_stream(&ht, num[1]), &w2), 0);
	struct handle *rd = handle_stream(&ht, num[0]);
	handle_close(&t, handle_stream(&ht, num[1]), record, &r);
	CHECK_EQ(pipe_read(rd->pipe, buf, 8), -PIPE_WAIT);      /* w2 still writes */
	CHECK_EQ(pipe_write(handle_stream(&ht, w2)->pipe, "x", 1), 1);
	CHECK_EQ(pipe_read(rd->pipe, buf, 8), 1);
	pipe_wait_read(rd->pipe, 4, 8);
	handle_close(&t, handle_stream(&ht, w2), record, &r);   /* the last writer */
	CHECK_EQ(r.n, 1);
	CHECK_EQ(r.a[0].reply, 4);
	CHECK_EQ(r.a[0].n, 0);                                  /* end of stream */
	handle_close(&t, rd, record, &r);                       /* frees the pipe: ASan */
	CHECK_EQ(t.used, base);
	fst_destroy(&t);
}
