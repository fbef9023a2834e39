/*
 * Reading a whole program file from the fs service, for INIT_SPAWN of
 * programs that were written to the file system after boot.
 *
 * init must never block on a server: while it waits, no fault is handled
 * and no other program is served. So it talks to the fs provider only
 * while that program is running, and only with tern_nbcall, which fails at
 * once (E_WOULD_BLOCK) unless the server is waiting in receive; a busy
 * server gets a few short retries, then the spawner gets an error. (Once
 * the server has taken the call, init does wait for its reply, as for any
 * call: the fs provider is a program from the initramfs, trusted to answer.)
 * The requests are the fs protocol's (proto/fs.h), built here rather than
 * with lib/fs.c's stubs, which block.
 */
#include "init.h"
#include <proto/fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PROGRAM_BYTES (4u << 20)
#define BUSY_RETRIES 50                 /* 1 ms apart */

/* One request; the reply label (FS_E*), or an E_* code if no call was made. */
static long fs_nbcall(uint64_t ep, struct tern_msg *m)
{
	uint64_t info = m->info;
	int err = E_WOULD_BLOCK;
	for (int i = 0; i < BUSY_RETRIES && err == E_WOULD_BLOCK; i++) {
		if (i)
			tern_sleep_ms(1);
		m->info = info;
		err = tern_nbcall(ep, m);
	}
	return err ? err : (long)MSG_LABEL(m->info);
}

static long fs_path_request(uint64_t ep, struct tern_msg *m, unsigned label, const char *path)
{
	size_t n = strlen(path);
	if (n > FS_PATH_MAX)
		return FS_ENAMETOOLONG;
	m->mr[1] = n;
	unsigned len = msg_put_bytes(m, 2, path, n);
	m->info = MSG_INFO(label, len < 2 ? 2 : len, 0);
	return fs_nbcall(ep, m);
}

/* Read size bytes of handle h into buf: 0 or an error code. */
static long fs_read_all(uint64_t ep, uint64_t h, uint8_t *buf, uint64_t size)
{
	uint64_t off = 0;
	while (off < size) {
		uint64_t k = size - off < FS_IO_MAX ? size - off : FS_IO_MAX;
		struct tern_msg m = { .info = MSG_INFO(FS_READ_AT, 3, 0), .mr = { h, off, k } };
		long r = fs_nbcall(ep, &m);
		if (r)
			return r;
		/* Decode the reply before copying: at most k bytes, all of them carried. */
		uint64_t n = m.mr[0];
		if (n == 0 || n > k || MSG_LEN(m.info) < 1 + (n + 7) / 8)
			return FS_EINVAL;
		msg_get_bytes(&m, 1, buf + off, n);
		off += n;
	}
	return 0;
}

/* Say why the read failed; give the spawner an E_* (no fs to ask) or INIT_E* code. */
static long failed(const char *what, const char *path, long r)
{
	printf("init: cannot %s %s: %s\n", what, path, r < E_COUNT ? tern_strerror((uint64_t)r) : fs_strerror(r));
	return r < E_COUNT ? r : INIT_ENOENT;
}

long init_read_fs(const char *path, const uint8_t **data, size_t *len)
{
	/* Without a file system there is no such file; but a provider that
	 * has ended must not be called: its endpoint (kept by init) outlives it. */
	uint64_t ep = service_find("fs");
	struct prog *fs = prog_find(service_provider("fs"));
	if (!ep)
		return INIT_ENOENT;
	if (!fs || !fs->task || fs->state != INIT_RUNNING) {
		printf("init: cannot read %s: the file system (%s) is not running\n", path, fs ? fs->man.name : "?");
		return E_DEAD;
	}
	struct tern_msg m = { 0 };
	long r = fs_path_request(ep, &m, FS_STAT, path);
	if (r && r < E_COUNT)
		return failed("stat", path, r);
	if (r || m.mr[0] != FS_TYPE_FILE)
		return INIT_ENOENT;     /* a path the fs has no file at */
	uint64_t size = m.mr[1];
	if (size > MAX_PROGRAM_BYTES) {
		printf("init: %s is too large to be a program (%lu bytes)\n", path, (unsigned long)size);
		return INIT_ENOEXEC;
	}
	memset(&m, 0, sizeof(m));
	if ((r = fs_path_request(ep, &m, FS_OPEN, path)))
		return failed("open", path, r);
	uint64_t h = m.mr[0];
	uint8_t *buf = init_malloc(size ? size : 1, path);
	r = buf ? fs_read_all(ep, h, buf, size) : 0;
	struct tern_msg c = { .info = MSG_INFO(FS_CLOSE, 1, 0), .mr = { h } };
	fs_nbcall(ep, &c);
	if (!buf)
		return INIT_ENOMEM;
	if (r) {
		free(buf);
		return failed("read", path, r);
	}
	*data = buf;
	*len = size;
	return 0;
}
