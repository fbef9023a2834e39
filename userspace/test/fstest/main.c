/*
 * fstest: checks srv/ramfs from another address space, through the client
 * stubs (lib/fs.c) and through hand-made requests the stubs would never
 * send. One line per check ("PASS name" / "FAIL name: reason"), then
 * "N passed, N failed", then it asks init to power off.
 *
 * Each check cleans up what it made, so they do not depend on each other;
 * the last one checks that the server still answers after all the bad
 * requests. /etc/motd is compared with its copy in the initramfs (manifest
 * slot 1), so the check holds whatever the motd says.
 */
#include <proto/fs.h>
#include <proto/init.h>
#include <stdio.h>
#include <string.h>
#include <tar.h>
#include <tern/program.h>
#include <tern/testrun.h>

#define FS              PROG_CAP(0)
#define INITRAMFS       PROG_CAP(1)
#define INITRAMFS_VA    0x200000000ull

static const char *err_name(long r)
{
	return r < 0 ? fs_strerror(r) : "ok";
}

/* got must equal want; errors are shown by name. */
#define EXPECT(got, want) \
	do { \
		long g_ = (long)(got), w_ = (long)(want); \
		if (g_ != w_) \
			return test_fail("%s gave %ld (%s), want %ld (%s)", #got, g_, err_name(g_), w_, err_name(w_)); \
	} while (0)
#define EXPECT_TRUE(cond) \
	do { \
		if (!(cond)) \
			return test_fail("%s is false", #cond); \
	} while (0)

/* ---- helpers ------------------------------------------------------------ */

/* Create path with these bytes; returns 0 or -error. */
static long put(const char *path, const void *buf, size_t n)
{
	long h = fs_open(FS, path, FS_O_CREATE | FS_O_TRUNC);
	if (h < 0)
		return h;
	long r = fs_write_at(FS, (uint64_t)h, 0, buf, n);
	fs_close(FS, (uint64_t)h);
	return r < 0 ? r : (r == (long)n ? 0 : -FS_EINVAL);
}

/* A request built by hand: the reply's label, or -(E_*) if the call failed. */
static long raw(struct tern_msg *m)
{
	int err = tern_call(FS, m);
	return err ? -(long)err : (long)MSG_LABEL(m->info);
}

/* ---- through the stubs -------------------------------------------------- */

static int t_motd_seeded(void)
{
	static char want[4096], got[4096];
	uint64_t out[6] = { 0 };
	EXPECT(tern_invoke(INITRAMFS, PAGE_INFO, 0, 0, 0, 0, out), 0);
	EXPECT(tern_page_map(INITRAMFS, 0, INITRAMFS_VA, RIGHT_READ), 0);
	struct tar_entry e;
	int found = tar_find((const void *)INITRAMFS_VA, out[0] * 4096, "etc/motd", &e);
	if (found == 0 && e.size < sizeof(want))
		memcpy(want, e.data, e.size);
	tern_page_unmap(INITRAMFS, 0, INITRAMFS_VA);
	EXPECT(found, 0);
	EXPECT_TRUE(e.size < sizeof(want));

	unsigned type = 0;
	uint64_t size = 0;
	EXPECT(fs_stat(FS, "/etc/motd", &type, &size), 0);
	EXPECT(type, FS_TYPE_FILE);
	EXPECT(size, e.size);
	long h = fs_open(FS, "/etc/motd", 0);
	EXPECT_TRUE(h >= 0);
	long n = fs_read_at(FS, (uint64_t)h, 0, got, sizeof(got));
	fs_close(FS, (uint64_t)h);
	EXPECT(n, e.size);
	if (memcmp(got, want, e.size))
		return test_fail("/etc/motd differs from the initramfs copy");
	return 0;
}

static int t_create_write_read(void)
{
	long h = fs_open(FS, "/fstest.txt", FS_O_CREATE | FS_O_EXCL);
	EXPECT_TRUE(h >= 0);
	EXPECT(fs_write_at(FS, (uint64_t)h, 0, "hello, tern", 11), 11);
	char buf[32] = { 0 };
	EXPECT(fs_read_at(FS, (uint64_t)h, 0, buf, sizeof(buf)), 11);
	EXPECT_TRUE(!memcmp(buf, "hello, tern", 11));
	EXPECT(fs_read_at(FS, (uint64_t)h, 7, buf, 3), 3);
	EXPECT_TRUE(!memcmp(buf, "ter", 3));
	EXPECT(fs_read_at(FS, (uint64_t)h, 11, buf, sizeof(buf)), 0);
	EXPECT(fs_truncate(FS, (uint64_t)h, 5), 0);
	unsigned type;
	uint64_t size;
	EXPECT(fs_stat(FS, "/fstest.txt", &type, &size), 0);
	EXPECT(size, 5);
	EXPECT(fs_close(FS, (uint64_t)h), 0);
	EXPECT(fs_unlink(FS, "/fstest.txt"), 0);
	return 0;
}

static int t_write_past_end(void)
{
	long h = fs_open(FS, "/hole", FS_O_CREATE | FS_O_EXCL);
	EXPECT_TRUE(h >= 0);
	EXPECT(fs_write_at(FS, (uint64_t)h, 0, "ab", 2), 2);
	EXPECT(fs_write_at(FS, (uint64_t)h, 1000, "Z", 1), 1);
	static uint8_t buf[1100];
	EXPECT(fs_read_at(FS, (uint64_t)h, 0, buf, sizeof(buf)), 1001);
	fs_close(FS, (uint64_t)h);
	fs_unlink(FS, "/hole");
	EXPECT_TRUE(buf[0] == 'a' && buf[1] == 'b' && buf[1000] == 'Z');
	for (int i = 2; i < 1000; i++)
		if (buf[i])
			return test_fail("byte %d of the hole is %u", i, buf[i]);
	return 0;
}

static int t_large_io(void)
{
	/* More than FS_IO_MAX: the stubs split it into several requests. */
	static uint8_t out[3000], in[3000];
	for (unsigned i = 0; i < sizeof(out); i++)
		out[i] = (uint8_t)(i * 7 + 3);
	EXPECT(put("/large", out, sizeof(out)), 0);
	long h = fs_open(FS, "/large", 0);
	EXPECT_TRUE(h >= 0);
	long n = fs_read_at(FS, (uint64_t)h, 0, in, sizeof(in));
	long m = fs_read_at(FS, (uint64_t)h, 2999, in, 100);
	fs_close(FS, (uint64_t)h);
	fs_unlink(FS, "/large");
	EXPECT(n, sizeof(in));
	EXPECT(m, 1);
	EXPECT(in[0], out[2999]);
	return 0;
}

static int t_readdir_root(void)
{
	EXPECT(put("/zz-fstest", "x", 1), 0);
	long h = fs_open(FS, "/", FS_O_DIR);
	EXPECT_TRUE(h >= 0);
	struct fs_dirent d;
	char prev[FS_NAME_MAX + 1] = "";
	int etc = 0, mine = 0, sorted = 1;
	long r;
	uint64_t i;
	for (i = 0; (r = fs_readdir(FS, (uint64_t)h, i, &d)) == 0; i++) {
		etc |= !strcmp(d.name, "etc") && d.type == FS_TYPE_DIR;
		mine |= !strcmp(d.name, "zz-fstest") && d.type == FS_TYPE_FILE && d.size == 1;
		sorted &= strcmp(prev, d.name) < 0;
		strcpy(prev, d.name);
	}
	fs_close(FS, (uint64_t)h);
	fs_unlink(FS, "/zz-fstest");
	EXPECT(r, -FS_ENOENT);
	EXPECT_TRUE(etc);
	EXPECT_TRUE(mine);
	EXPECT_TRUE(sorted);
	unsigned type;
	uint64_t size;
	EXPECT(fs_stat(FS, "/", &type, &size), 0);
	EXPECT(type, FS_TYPE_DIR);
	EXPECT(size, i - 1);            /* our file is gone again */
	return 0;
}

static int t_mkdir_unlink(void)
{
	EXPECT(fs_mkdir(FS, "/d"), 0);
	EXPECT(fs_mkdir(FS, "/d/e"), 0);
	EXPECT(put("/d/e/f", "x", 1), 0);
	unsigned type;
	uint64_t size;
	EXPECT(fs_stat(FS, "/d/e", &type, &size), 0);
	EXPECT(type, FS_TYPE_DIR);
	EXPECT(size, 1);
	EXPECT(fs_unlink(FS, "/d"), -FS_ENOTEMPTY);
	EXPECT(fs_unlink(FS, "/d/e/f"), 0);
	EXPECT(fs_unlink(FS, "/d/e"), 0);
	EXPECT(fs_unlink(FS, "/d"), 0);
	EXPECT(fs_stat(FS, "/d", &type, &size), -FS_ENOENT);
	return 0;
}

static int t_errors(void)
{
	unsigned type;
	uint64_t size;
	EXPECT(fs_open(FS, "/no/such", 0), -FS_ENOENT);
	EXPECT(fs_open(FS, "/nosuch", 0), -FS_ENOENT);
	EXPECT(fs_open(FS, "/etc/motd", FS_O_CREATE | FS_O_EXCL), -FS_EEXIST);
	EXPECT(fs_open(FS, "/etc", 0), -FS_EISDIR);
	EXPECT(fs_open(FS, "/etc/motd", FS_O_DIR), -FS_ENOTDIR);
	EXPECT(fs_open(FS, "/etc/motd/x", FS_O_CREATE), -FS_ENOTDIR);
	EXPECT(fs_open(FS, "/etc/motd", 0x80), -FS_EINVAL);
	EXPECT(fs_open(FS, "etc/motd", 0), -FS_EINVAL);
	EXPECT(fs_open(FS, "", 0), -FS_EINVAL);
	EXPECT(fs_stat(FS, "/etc/../etc/motd", &type, &size), -FS_EINVAL);
	EXPECT(fs_mkdir(FS, "/etc"), -FS_EEXIST);
	EXPECT(fs_mkdir(FS, "/no/such"), -FS_ENOENT);
	EXPECT(fs_unlink(FS, "/"), -FS_EINVAL);
	EXPECT(fs_unlink(FS, "/etc"), -FS_ENOTEMPTY);
	EXPECT(fs_unlink(FS, "/nosuch"), -FS_ENOENT);
	char name[FS_NAME_MAX + 3];
	name[0] = '/';
	memset(name + 1, 'n', FS_NAME_MAX + 1);
	name[FS_NAME_MAX + 2] = '\0';
	EXPECT(fs_mkdir(FS, name), -FS_ENAMETOOLONG);
	char path[FS_PATH_MAX + 2];
	memset(path, '/', sizeof(path));
	path[FS_PATH_MAX + 1] = '\0';
	EXPECT(fs_stat(FS, path, &type, &size), -FS_ENAMETOOLONG);

	long f = fs_open(FS, "/etc/motd", 0), d = fs_open(FS, "/etc", FS_O_DIR);
	EXPECT_TRUE(f >= 0 && d >= 0);
	struct fs_dirent e;
	char buf[4];
	long r1 = fs_readdir(FS, (uint64_t)f, 0, &e);
	long r2 = fs_read_at(FS, (uint64_t)d, 0, buf, 4);
	long r3 = fs_write_at(FS, (uint64_t)d, 0, "x", 1);
	fs_close(FS, (uint64_t)f);
	fs_close(FS, (uint64_t)d);
	EXPECT(r1, -FS_ENOTDIR);
	EXPECT(r2, -FS_EISDIR);
	EXPECT(r3, -FS_EISDIR);
	/* A closed handle stays dead, even once its slot is used again. */
	EXPECT(fs_read_at(FS, (uint64_t)f, 0, buf, 4), -FS_EBADF);
	EXPECT(fs_close(FS, (uint64_t)f), -FS_EBADF);
	long g = fs_open(FS, "/etc/motd", 0);
	EXPECT_TRUE(g >= 0);
	EXPECT(fs_read_at(FS, (uint64_t)f, 0, buf, 4), -FS_EBADF);
	EXPECT(fs_close(FS, (uint64_t)g), 0);
	return 0;
}

static int t_too_many_handles(void)
{
	static long h[256];
	int n = 0;
	long r = 0;
	while (n < 256 && (r = fs_open(FS, "/etc/motd", 0)) >= 0)
		h[n++] = r;
	for (int i = 0; i < n; i++)
		fs_close(FS, (uint64_t)h[i]);
	EXPECT(r, -FS_EMFILE);
	EXPECT_TRUE(n > 8);
	long g = fs_open(FS, "/etc/motd", 0);
	EXPECT_TRUE(g >= 0);
	fs_close(FS, (uint64_t)g);
	return 0;
}

static int t_unlink_while_open(void)
{
	EXPECT(put("/gone", "still here", 10), 0);
	long h = fs_open(FS, "/gone", 0);
	EXPECT_TRUE(h >= 0);
	EXPECT(fs_unlink(FS, "/gone"), 0);
	char buf[16];
	long n = fs_read_at(FS, (uint64_t)h, 0, buf, sizeof(buf));
	fs_close(FS, (uint64_t)h);
	EXPECT(n, 10);
	EXPECT(fs_open(FS, "/gone", 0), -FS_ENOENT);
	return 0;
}

/* ---- requests the stubs would not send ---------------------------------- */

static int t_raw_bad_handle(void)
{
	struct tern_msg m = { .info = MSG_INFO(FS_READ_AT, 3, 0), .mr = { 0xdeadbeef, 0, 8 } };
	EXPECT(raw(&m), FS_EBADF);
	m = (struct tern_msg){ .info = MSG_INFO(FS_WRITE_AT, 4, 0), .mr = { 77, 0, 1, 'x' } };
	EXPECT(raw(&m), FS_EBADF);
	m = (struct tern_msg){ .info = MSG_INFO(FS_CLOSE, 1, 0), .mr = { UINT64_MAX } };
	EXPECT(raw(&m), FS_EBADF);
	m = (struct tern_msg){ .info = MSG_INFO(FS_TRUNCATE, 2, 0), .mr = { 5, 0 } };
	EXPECT(raw(&m), FS_EBADF);
	m = (struct tern_msg){ .info = MSG_INFO(FS_READDIR, 2, 0), .mr = { 1u << 20, 0 } };
	EXPECT(raw(&m), FS_EBADF);
	return 0;
}

static int t_raw_bad_lengths(void)
{
	long h = fs_open(FS, "/etc/motd", 0);
	EXPECT_TRUE(h >= 0);
	struct tern_msg m = { .info = MSG_INFO(FS_READ_AT, 3, 0), .mr = { (uint64_t)h, 0, FS_IO_MAX + 1 } };
	long r1 = raw(&m);
	m = (struct tern_msg){ .info = MSG_INFO(FS_READ_AT, 2, 0), .mr = { (uint64_t)h, 0, 8 } };
	long r2 = raw(&m);              /* too short to hold "max" */
	m = (struct tern_msg){ .info = MSG_INFO(FS_WRITE_AT, MSG_MAX, 0), .mr = { (uint64_t)h, 0, 1000 } };
	long r3 = raw(&m);              /* n above FS_IO_MAX */
	m = (struct tern_msg){ .info = MSG_INFO(FS_WRITE_AT, 4, 0), .mr = { (uint64_t)h, 0, 100 } };
	long r4 = raw(&m);              /* claims 100 bytes, carries 8 */
	fs_close(FS, (uint64_t)h);
	EXPECT(r1, FS_EINVAL);
	EXPECT(r2, FS_EINVAL);
	EXPECT(r3, FS_EINVAL);
	EXPECT(r4, FS_EINVAL);

	m = (struct tern_msg){ .info = MSG_INFO(FS_STAT, MSG_MAX, 0), .mr = { 0, FS_PATH_MAX + 1 } };
	EXPECT(raw(&m), FS_ENAMETOOLONG);
	m = (struct tern_msg){ .info = MSG_INFO(FS_STAT, 3, 0), .mr = { 0, 200, 0x2f } };
	EXPECT(raw(&m), FS_EINVAL);     /* path runs past the message */
	m = (struct tern_msg){ .info = MSG_INFO(FS_MKDIR, 2, 0), .mr = { 0, 0 } };
	EXPECT(raw(&m), FS_EINVAL);     /* empty path */
	m = (struct tern_msg){ .info = MSG_INFO(FS_OPEN, 3, 0), .mr = { 1ull << 40, 4 } };
	memcpy(&m.mr[2], "/etc", 4);
	EXPECT(raw(&m), FS_EINVAL);     /* flags beyond 32 bits */
	return 0;
}

static int t_raw_path_with_nul(void)
{
	struct tern_msg m = { .info = MSG_INFO(FS_STAT, 4, 0), .mr = { 0, 9 } };
	msg_put_bytes(&m, 2, "/etc\0motd", 9);
	EXPECT(raw(&m), FS_EINVAL);
	m = (struct tern_msg){ .info = MSG_INFO(FS_OPEN, 4, 0), .mr = { FS_O_CREATE, 9 } };
	msg_put_bytes(&m, 2, "/new\0file", 9);
	EXPECT(raw(&m), FS_EINVAL);
	unsigned type;
	uint64_t size;
	EXPECT(fs_stat(FS, "/new", &type, &size), -FS_ENOENT);
	return 0;
}

static int t_raw_unknown_method(void)
{
	struct tern_msg m = { .info = MSG_INFO(0, 0, 0) };
	EXPECT(raw(&m), FS_EINVAL);
	m = (struct tern_msg){ .info = MSG_INFO(FS_TRUNCATE + 1, 4, 0), .mr = { 1, 2, 3, 4 } };
	EXPECT(raw(&m), FS_EINVAL);
	m = (struct tern_msg){ .info = MSG_INFO(0xFFFFFFFF, 0, 0) };
	EXPECT(raw(&m), FS_EINVAL);
	return 0;
}

static int t_still_serving(void)
{
	unsigned type = 0;
	uint64_t size = 0;
	EXPECT(fs_stat(FS, "/etc/motd", &type, &size), 0);
	EXPECT(type, FS_TYPE_FILE);
	EXPECT(put("/after", "ok", 2), 0);
	EXPECT(fs_unlink(FS, "/after"), 0);
	return 0;
}

static const struct test_case tests[] = {
	{ "motd_seeded", t_motd_seeded },
	{ "create_write_read", t_create_write_read },
	{ "write_past_end", t_write_past_end },
	{ "large_io", t_large_io },
	{ "readdir_root", t_readdir_root },
	{ "mkdir_unlink", t_mkdir_unlink },
	{ "errors", t_errors },
	{ "too_many_handles", t_too_many_handles },
	{ "unlink_while_open", t_unlink_while_open },
	{ "raw_bad_handle", t_raw_bad_handle },
	{ "raw_bad_lengths", t_raw_bad_lengths },
	{ "raw_path_with_nul", t_raw_path_with_nul },
	{ "raw_unknown_method", t_raw_unknown_method },
	{ "still_serving", t_still_serving },
};

int main(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	printf("fstest: file system server test starting\n");
	return test_run(tests, sizeof(tests) / sizeof(tests[0]));
}
