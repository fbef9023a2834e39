/*
 * ustar reader over an archive in memory (the initramfs). Pure code, no
 * allocation, no libc; every header is checked before it is believed and
 * nothing is read outside [buf, buf + len). Fuzzed: ci/fuzz/fuzz_tar.c.
 *
 * Accepted: POSIX ustar ("ustar\0" "00": name = prefix "/" name) and GNU
 * ("ustar  \0": no prefix field), header checksums summed as unsigned or
 * signed bytes, numeric fields in octal or GNU base-256. The archive ends at
 * a zero block followed by another zero block or by the end of the buffer,
 * or at the end of the buffer on a block boundary.
 *
 * Names are normalised: "." and empty components dropped, so "./etc/motd"
 * is "etc/motd", "./etc/" is "etc" and the root "./" is "". A name that is
 * absolute or has a ".." component is returned with `unsafe` set, so a
 * caller can skip it (tar_find never matches one).
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TAR_BLOCK 512
#define TAR_NAME_MAX 256        /* 155 prefix + '/' + 100 name */

enum tar_type {
	TAR_FILE,               /* '0' or '\0' */
	TAR_HARDLINK,           /* '1' */
	TAR_SYMLINK,            /* '2' */
	TAR_DIR,                /* '5' */
	TAR_OTHER,              /* devices, fifos, pax and GNU extension headers */
};

struct tar_entry {
	char name[TAR_NAME_MAX + 1];    /* normalised, NUL-terminated */
	char link[101];                 /* link target, as stored */
	bool unsafe;                    /* absolute path or ".." component */
	enum tar_type type;
	char typeflag;                  /* the raw flag, for TAR_OTHER */
	uint64_t mode, mtime, size;
	const uint8_t *data;            /* size bytes inside the archive */
};

struct tar_iter {
	const uint8_t *buf;
	size_t len, off;
	int error;              /* sticky: once set, tar_next keeps returning it */
};

enum {
	TAR_ETRUNC = -1,        /* header or data runs past the buffer */
	TAR_ECHECKSUM = -2,
	TAR_EMAGIC = -3,        /* not a ustar header */
	TAR_ENUMBER = -4,       /* bad numeric field */
	TAR_EZERO = -5,         /* single zero block inside the archive */
	TAR_ENOENT = -6,        /* tar_find: no such entry */
};

void tar_iter_init(struct tar_iter *it, const void *buf, size_t len);
/* 1: *e is the next entry; 0: end of archive; <0: TAR_E* error. */
int tar_next(struct tar_iter *it, struct tar_entry *e);
/*
 * Find path among the safe entries: 0 or TAR_E*. The path is normalised
 * like entry names, and leading '/'s are dropped: "/etc/motd" and
 * "./etc/motd" both find "etc/motd". A path with ".." finds nothing.
 */
int tar_find(const void *buf, size_t len, const char *path, struct tar_entry *e);
const char *tar_strerror(int err);
