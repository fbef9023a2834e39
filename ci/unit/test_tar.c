/*
 * Unit tests for userspace/lib/tar.c: archives made by GNU tar exactly as
 * the initramfs is made, and hand-built headers for every corner and
 * corruption the reader must catch.
 */
#include "unit.h"
#include "tar.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- archives from GNU tar ------------------------------------------ */


#define INITRAMFS_TAR "tar --format=ustar --sort=name --owner=0 --group=0 --numeric-owner " \
	"--mtime=@1700000000 -C root -cf x.tar ."

TEST(tar_reads_gnu_tar_initramfs_layout)
{
	size_t len;
	uint8_t *buf = unit_tar_from_shell("mkdir -p root/etc root/bin && printf 'hello tern\\n' > root/etc/motd && "
			       "printf '#!' > root/bin/sh && chmod 644 root/etc/motd && chmod 755 root/bin/sh "
			       "root/etc root/bin root && " INITRAMFS_TAR, &len);
	CHECK(buf);
	static const struct { const char *name; enum tar_type type; uint64_t size, mode; } want[] = {
		{ "", TAR_DIR, 0, 0755 },
		{ "bin", TAR_DIR, 0, 0755 },
		{ "bin/sh", TAR_FILE, 2, 0755 },
		{ "etc", TAR_DIR, 0, 0755 },
		{ "etc/motd", TAR_FILE, 11, 0644 },
	};
	struct tar_iter it;
	struct tar_entry e;
	tar_iter_init(&it, buf, len);
	for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		CHECK_EQ(tar_next(&it, &e), 1);
		CHECK_STR(e.name, want[i].name);
		CHECK_EQ(e.type, want[i].type);
		CHECK_EQ(e.size, want[i].size);
		CHECK_EQ(e.mode, want[i].mode);
		CHECK_EQ(e.mtime, 1700000000);
		CHECK(!e.unsafe);
	}
	CHECK_EQ(tar_next(&it, &e), 0);
	CHECK_EQ(tar_next(&it, &e), 0);

	CHECK_EQ(tar_find(buf, len, "./etc/motd", &e), 0);
	CHECK(!memcmp(e.data, "hello tern\n", 11));
	CHECK_EQ(tar_find(buf, len, "etc/motd", &e), 0);
	CHECK_EQ(tar_find(buf, len, "/etc//motd", &e), 0);
	CHECK_EQ(tar_find(buf, len, "etc", &e), 0);
	CHECK_EQ(e.type, TAR_DIR);
	CHECK_EQ(tar_find(buf, len, "etc/mot", &e), TAR_ENOENT);
	CHECK_EQ(tar_find(buf, len, "etc/motd/x", &e), TAR_ENOENT);
	CHECK_EQ(tar_find(buf, len, "bin/../etc/motd", &e), TAR_ENOENT);
	free(buf);
}

TEST(tar_reads_long_names_split_into_prefix)
{
	size_t len;
	/* 40 + 1 + 40 + 1 + 40 + 1 + 4 = 127 characters: needs the prefix field. */
	uint8_t *buf = unit_tar_from_shell("d=root/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"
			       "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/cccccccccccccccccccccccccccccccccccccccc && "
			       "mkdir -p $d && echo deep > $d/file && " INITRAMFS_TAR, &len);
	CHECK(buf);
	struct tar_entry e;
	CHECK_EQ(tar_find(buf, len, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/"
			  "cccccccccccccccccccccccccccccccccccccccc/file", &e), 0);
	CHECK_EQ(e.size, 5);
	CHECK(!memcmp(e.data, "deep\n", 5));
	/* The name really was split: the prefix field (offset 345) is in use. */
	CHECK(e.data[-TAR_BLOCK + 345] != 0);
	free(buf);
}

TEST(tar_reads_gnu_format_and_symlinks)
{
	size_t len;
	uint8_t *buf = unit_tar_from_shell("mkdir -p root/etc && echo hi > root/etc/motd && ln -s motd root/etc/link && "
			       "tar --format=gnu --sort=name -C root -cf x.tar ./etc", &len);
	CHECK(buf);
	struct tar_entry e;
	CHECK_EQ(tar_find(buf, len, "etc/link", &e), 0);
	CHECK_EQ(e.type, TAR_SYMLINK);
	CHECK_STR(e.link, "motd");
	CHECK_EQ(tar_find(buf, len, "etc/motd", &e), 0);
	CHECK_EQ(e.size, 3);
	free(buf);
}

/* ---- hand-made archives --------------------------------------------- */

static uint8_t arc[32 * TAR_BLOCK];
static size_t arc_len;

static void set_checksum(uint8_t *h)
{
	unsigned sum = 0;
	memset(h + 148, ' ', 8);
	for (int i = 0; i < TAR_BLOCK; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
}

/* Append a POSIX ustar entry; returns its header for tests to corrupt. */
static uint8_t *add(const char *name, char type, const char *data, size_t size)
{
	uint8_t *h = arc + arc_len;
	memset(h, 0, TAR_BLOCK);
	memcpy(h, name, strnlen(name, 100));
	snprintf((char *)h + 100, 8, "%07o", 0644);
	snprintf((char *)h + 124, 12, "%011zo", size);
	snprintf((char *)h + 136, 12, "%011o", 1234567);
	h[156] = (uint8_t)type;
	memcpy(h + 257, "ustar\0" "00", 8);
	set_checksum(h);
	arc_len += TAR_BLOCK;
	memset(arc + arc_len, 0, (size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK);
	memcpy(arc + arc_len, data, size);
	arc_len += (size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
	return h;
}

static void finish(void)
{
	memset(arc + arc_len, 0, 2 * TAR_BLOCK);
	arc_len += 2 * TAR_BLOCK;
}

static int first(struct tar_entry *e)
{
	struct tar_iter it;
	tar_iter_init(&it, arc, arc_len);
	return tar_next(&it, e);
}

TEST(tar_prefix_and_name_are_joined)
{
	arc_len = 0;
	uint8_t *h = add("motd", '0', "x", 1);
	memcpy(h + 345, "./etc", 5);
	set_checksum(h);
	finish();
	struct tar_entry e;
	CHECK_EQ(first(&e), 1);
	CHECK_STR(e.name, "etc/motd");
	CHECK_EQ(e.mode, 0644);
	CHECK_EQ(e.mtime, 1234567);
	/* GNU headers have no prefix field: the same bytes are ignored. */
	memcpy(h + 257, "ustar  \0", 8);
	set_checksum(h);
	CHECK_EQ(first(&e), 1);
	CHECK_STR(e.name, "motd");
}

TEST(tar_signed_checksum_and_base256_size_accepted)
{
	arc_len = 0;
	uint8_t *h = add("caf\xc3\xa9", '0', "abc", 3);
	int ssum = 0;
	memset(h + 148, ' ', 8);
	for (int i = 0; i < TAR_BLOCK; i++)
		ssum += (signed char)h[i];
	snprintf((char *)h + 148, 8, "%06o", ssum);
	finish();
	struct tar_entry e;
	CHECK_EQ(first(&e), 1);

	memset(h + 124, 0, 12);
	h[124] = 0x80;
	h[135] = 3;
	set_checksum(h);
	CHECK_EQ(first(&e), 1);
	CHECK_EQ(e.size, 3);
	h[124] = 0xff;                  /* negative */
	set_checksum(h);
	CHECK_EQ(first(&e), TAR_ENUMBER);
	h[124] = 0x80;
	h[127] = 1;                     /* 2^64: too big */
	set_checksum(h);
	CHECK_EQ(first(&e), TAR_ENUMBER);
	h[127] = 0;
	h[128] = 1;                     /* fits in 64 bits but not in the archive */
	set_checksum(h);
	CHECK_EQ(first(&e), TAR_ETRUNC);
}

TEST(tar_types_and_link_names)
{
	arc_len = 0;
	uint8_t *h = add("l", '2', "", 0);
	memcpy(h + 157, "target/file", 11);
	set_checksum(h);
	add("d/", '5', "", 0);
	add("h", '1', "", 0);
	add("old", '\0', "", 0);
	add("fifo", '6', "", 0);
	add("pax", 'x', "path=x\n", 7);
	finish();
	struct tar_iter it;
	struct tar_entry e;
	tar_iter_init(&it, arc, arc_len);
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK_EQ(e.type, TAR_SYMLINK);
	CHECK_STR(e.link, "target/file");
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK_EQ(e.type, TAR_DIR);
	CHECK_STR(e.name, "d");
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK_EQ(e.type, TAR_HARDLINK);
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK_EQ(e.type, TAR_FILE);
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK_EQ(e.type, TAR_OTHER);
	CHECK_EQ(e.typeflag, '6');
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK_EQ(e.type, TAR_OTHER);
	CHECK_EQ(e.size, 7);
	CHECK_EQ(tar_next(&it, &e), 0);
}

TEST(tar_unsafe_names_are_flagged_and_never_found)
{
	arc_len = 0;
	add("../etc/passwd", '0', "evil", 4);
	add("/etc/shadow", '0', "evil", 4);
	add("a/../../b", '0', "evil", 4);
	add("a/..", '5', "", 0);
	add("..foo/bar..", '0', "ok", 2);
	finish();
	struct tar_iter it;
	struct tar_entry e;
	tar_iter_init(&it, arc, arc_len);
	for (int i = 0; i < 4; i++) {
		CHECK_EQ(tar_next(&it, &e), 1);
		CHECK(e.unsafe);
	}
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK(!e.unsafe);
	CHECK_STR(e.name, "..foo/bar..");
	CHECK_EQ(tar_find(arc, arc_len, "etc/passwd", &e), TAR_ENOENT);
	CHECK_EQ(tar_find(arc, arc_len, "/etc/shadow", &e), TAR_ENOENT);
	CHECK_EQ(tar_find(arc, arc_len, "b", &e), TAR_ENOENT);
	CHECK_EQ(tar_find(arc, arc_len, "..foo/bar..", &e), 0);
}

TEST(tar_corrupt_headers_are_errors)
{
	struct tar_entry e;
	arc_len = 0;
	uint8_t *h = add("f", '0', "data", 4);
	finish();
	h[0] = 'g';                     /* checksum no longer matches */
	CHECK_EQ(first(&e), TAR_ECHECKSUM);
	set_checksum(h);
	CHECK_EQ(first(&e), 1);
	memcpy(h + 257, "ustaR", 5);
	set_checksum(h);
	CHECK_EQ(first(&e), TAR_EMAGIC);
	memcpy(h + 257, "ustar", 5);
	h[124] = '9';                   /* not octal */
	set_checksum(h);
	CHECK_EQ(first(&e), TAR_ENUMBER);
	h[124] = '0';
	memcpy(h + 148, "zzzzzz\0 ", 8);
	CHECK_EQ(first(&e), TAR_ECHECKSUM);
	set_checksum(h);
	CHECK_EQ(first(&e), 1);
	CHECK_STR(tar_strerror(TAR_ECHECKSUM), "header checksum mismatch");
}

TEST(tar_truncation_never_reads_past_the_buffer)
{
	struct tar_entry e;
	arc_len = 0;
	add("f", '0', "0123456789", 10);
	finish();
	size_t full = arc_len;
	/* Every prefix of the archive: end, entry or error, and ASan watches. */
	for (size_t n = 0; n <= full; n++) {
		uint8_t *copy = malloc(n ? n : 1);
		memcpy(copy, arc, n);
		struct tar_iter it;
		int r, entries = 0;
		tar_iter_init(&it, copy, n);
		while ((r = tar_next(&it, &e)) > 0)
			entries++;
		if (n == 0)
			CHECK(r == 0 && entries == 0);
		else if (n < TAR_BLOCK)
			CHECK_EQ(r, TAR_ETRUNC);
		else if (n < TAR_BLOCK + 10)
			CHECK_EQ(r, TAR_ETRUNC);        /* data cut short */
		else
			CHECK(r == 0 && entries == 1);  /* padding or end blocks cut: fine */
		free(copy);
		if (unit_failed_now)
			return;
	}
}

TEST(tar_end_of_archive_rules)
{
	struct tar_entry e;
	struct tar_iter it;
	arc_len = 0;
	add("a", '0', "x", 1);
	CHECK_EQ(first(&e), 1);         /* no end blocks at all: ends at the buffer */
	tar_iter_init(&it, arc, arc_len);
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK_EQ(tar_next(&it, &e), 0);

	memset(arc + arc_len, 0, TAR_BLOCK);    /* one zero block, then a header */
	arc_len += TAR_BLOCK;
	add("b", '0', "y", 1);
	finish();
	tar_iter_init(&it, arc, arc_len);
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK_EQ(tar_next(&it, &e), TAR_EZERO);
	CHECK_EQ(tar_next(&it, &e), TAR_EZERO); /* errors are sticky */
	CHECK_EQ(tar_find(arc, arc_len, "b", &e), TAR_EZERO);
	CHECK_EQ(tar_find(arc, arc_len, "a", &e), 0);

	/* Whatever follows two zero blocks is not read. */
	arc_len = 0;
	add("a", '0', "x", 1);
	finish();
	memset(arc + arc_len, 0xee, TAR_BLOCK);
	tar_iter_init(&it, arc, arc_len + TAR_BLOCK);
	CHECK_EQ(tar_next(&it, &e), 1);
	CHECK_EQ(tar_next(&it, &e), 0);
}

TEST(tar_find_rejects_over_long_paths)
{
	char path[400];
	struct tar_entry e;
	arc_len = 0;
	add("a", '0', "x", 1);
	finish();
	memset(path, 'a', sizeof(path) - 1);
	path[sizeof(path) - 1] = 0;
	CHECK_EQ(tar_find(arc, arc_len, path, &e), TAR_ENOENT);
	CHECK_EQ(tar_find(arc, arc_len, "", &e), TAR_ENOENT);   /* no root entry here */
}
