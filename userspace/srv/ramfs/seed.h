/*
 * Seeding the tree from a ustar archive (the initramfs): every safe file
 * and directory is copied in, parents made as needed. Pure code over a
 * buffer, like fstree.c, so it is unit-tested on the host.
 */
#pragma once
#include "fstree.h"

struct seed_stats {
	unsigned files, dirs, skipped;
	int tar_error;                  /* 0, or the TAR_E* that stopped the walk */
};

/*
 * Called for each entry left out: why says what was wrong, err is the
 * -(FS_E*) the tree gave, or 0 when why says it all.
 */
typedef void (*seed_skip_fn)(const char *name, const char *why, long err);

struct seed_stats seed_from_tar(struct fst *t, const void *tar, size_t len, seed_skip_fn skip);
