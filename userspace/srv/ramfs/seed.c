/*
 * Seeding from the initramfs (see seed.h). An entry is skipped, never
 * half-copied: the file is created and written in one go, and a write that
 * does not fit removes the file again. Archive names are relative and
 * already normalised by the tar reader ("etc/motd"); unsafe ones (absolute,
 * "..") are refused before they reach the tree. A later entry for the same
 * file replaces the earlier one, as tar extraction would.
 */
#include "seed.h"
#include "tar.h"
#include <string.h>

/* mkdir for path and each of its parents; existing directories are fine. */
static long mkdir_p(struct fst *t, char *path)
{
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p)
			continue;
		char c = *p;
		*p = '\0';
		long err = fst_mkdir(t, path);
		unsigned type;
		uint64_t size;
		if (err == -FS_EEXIST && fst_stat(t, path, &type, &size) == 0 && type == FS_TYPE_DIR)
			err = 0;
		*p = c;
		if (err || !c)
			return err;
	}
}

static long seed_file(struct fst *t, char *path, const struct tar_entry *e)
{
	char *slash = strrchr(path, '/');
	long err = 0;
	if (slash != path) {
		*slash = '\0';
		err = mkdir_p(t, path);
		*slash = '/';
		if (err)
			return err;
	}
	struct fst_node *n;
	if ((err = fst_open(t, path, FS_O_CREATE | FS_O_TRUNC, &n)))
		return err;
	long r = fst_write_at(t, n, 0, e->data, e->size);
	fst_close(t, n);
	if (r < 0)
		fst_unlink(t, path);
	return r < 0 ? r : 0;
}

struct seed_stats seed_from_tar(struct fst *t, const void *tar, size_t len, seed_skip_fn skip)
{
	struct seed_stats st = { 0 };
	struct tar_iter it;
	struct tar_entry e;
	char path[TAR_NAME_MAX + 2];
	int r;
	tar_iter_init(&it, tar, len);
	while ((r = tar_next(&it, &e)) == 1) {
		const char *why = 0;
		long err = 0;
		if (e.unsafe) {
			why = "unsafe name";
		} else if (e.type != TAR_FILE && e.type != TAR_DIR) {
			why = "not a file or directory";
		} else if (e.name[0]) {         /* "" is the root, which exists */
			path[0] = '/';
			memcpy(path + 1, e.name, strlen(e.name) + 1);
			err = e.type == TAR_DIR ? mkdir_p(t, path) : seed_file(t, path, &e);
			if (err)
				why = "not stored";
			else if (e.type == TAR_DIR)
				st.dirs++;
			else
				st.files++;
		}
		if (why) {
			st.skipped++;
			if (skip)
				skip(e.name, why, err);
		}
	}
	st.tar_error = r < 0 ? r : 0;
	return st;
}
