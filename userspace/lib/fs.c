/*
 * Client stubs of the file-system protocol (proto/fs.h). Each builds one
 * request, calls the server's endpoint and turns the reply label into
 * -(FS_E*); a failed call itself gives -(E_*), which cannot be confused
 * with FS_E* (those start at 100). Replies are checked before their bytes
 * are copied, so a confused server cannot overflow the caller's buffer.
 *
 * fs_read_at and fs_write_at move more than FS_IO_MAX bytes as several
 * requests; they stop at the end of the file or the first error, and
 * report the bytes moved so far (the error only if nothing moved).
 */
#include <proto/fs.h>
#include <proto/stream.h>
#include <string.h>

static long fs_call(uint64_t ep, struct tern_msg *m)
{
	int err = tern_call(ep, m);
	if (err)
		return -(long)err;
	return MSG_LABEL(m->info) ? -(long)MSG_LABEL(m->info) : 0;
}

/* MR1 = length, path from MR2. */
static long fs_path_call(uint64_t ep, struct tern_msg *m, unsigned label, const char *path)
{
	size_t n = strnlen(path, FS_PATH_MAX + 1);
	if (n > FS_PATH_MAX)
		return -FS_ENAMETOOLONG;
	m->mr[1] = n;
	unsigned len = msg_put_bytes(m, 2, path, n);
	m->info = MSG_INFO(label, len < 2 ? 2 : len, 0);
	return fs_call(ep, m);
}

/* Does the reply hold n bytes inline from MR[first]? */
static int fs_reply_holds(const struct tern_msg *m, unsigned first, uint64_t n)
{
	return MSG_LEN(m->info) >= first + (n + 7) / 8;
}

long fs_open(uint64_t ep, const char *path, unsigned flags)
{
	struct tern_msg m = { .mr = { flags } };
	long r = fs_path_call(ep, &m, FS_OPEN, path);
	return r ? r : (long)m.mr[0];
}

long fs_close(uint64_t ep, uint64_t h)
{
	struct tern_msg m = { .info = MSG_INFO(FS_CLOSE, 1, 0), .mr = { h } };
	return fs_call(ep, &m);
}

long fs_read_at(uint64_t ep, uint64_t h, uint64_t off, void *buf, size_t max)
{
	size_t done = 0;
	while (done < max) {
		size_t k = max - done < FS_IO_MAX ? max - done : FS_IO_MAX;
		struct tern_msg m = { .info = MSG_INFO(FS_READ_AT, 3, 0), .mr = { h, off + done, k } };
		long r = fs_call(ep, &m);
		if (!r && (m.mr[0] > k || !fs_reply_holds(&m, 1, m.mr[0])))
			r = -FS_EINVAL;
		if (r)
			return done ? (long)done : r;
		msg_get_bytes(&m, 1, (char *)buf + done, m.mr[0]);
		done += m.mr[0];
		if (m.mr[0] < k)
			break;          /* end of file */
	}
	return (long)done;
}

long fs_write_at(uint64_t ep, uint64_t h, uint64_t off, const void *buf, size_t n)
{
	size_t done = 0;
	while (done < n) {
		size_t k = n - done < FS_IO_MAX ? n - done : FS_IO_MAX;
		struct tern_msg m = { .mr = { h, off + done, k } };
		unsigned len = msg_put_bytes(&m, 3, (const char *)buf + done, k);
		m.info = MSG_INFO(FS_WRITE_AT, len, 0);
		long r = fs_call(ep, &m);
		if (!r && (m.mr[0] == 0 || m.mr[0] > k))
			r = -FS_EINVAL;
		if (r)
			return done ? (long)done : r;
		done += m.mr[0];
	}
	return (long)done;
}

long fs_readdir(uint64_t ep, uint64_t h, uint64_t index, struct fs_dirent *d)
{
	struct tern_msg m = { .info = MSG_INFO(FS_READDIR, 2, 0), .mr = { h, index } };
	long r = fs_call(ep, &m);
	if (r)
		return r;
	uint64_t n = m.mr[2];
	if (n > FS_NAME_MAX || !fs_reply_holds(&m, 3, n))
		return -FS_EINVAL;
	d->type = (unsigned)m.mr[0];
	d->size = m.mr[1];
	msg_get_bytes(&m, 3, d->name, n);
	d->name[n] = '\0';
	return 0;
}

long fs_stat(uint64_t ep, const char *path, unsigned *type, uint64_t *size)
{
	struct tern_msg m = { 0 };
	long r = fs_path_call(ep, &m, FS_STAT, path);
	if (r)
		return r;
	if (type)
		*type = (unsigned)m.mr[0];
	if (size)
		*size = m.mr[1];
	return 0;
}

long fs_mkdir(uint64_t ep, const char *path)
{
	struct tern_msg m = { 0 };
	return fs_path_call(ep, &m, FS_MKDIR, path);
}

long fs_unlink(uint64_t ep, const char *path)
{
	struct tern_msg m = { 0 };
	return fs_path_call(ep, &m, FS_UNLINK, path);
}

/* A call whose reply brings n caps into slots[]: on any failure, or a
 * reply with fewer caps than asked, what did arrive is deleted. */
static long fs_caps_call(uint64_t ep, struct tern_msg *m, const uint64_t *slots, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		tern_ipcbuf->recv_slots[i] = slots[i];
	int err = tern_call(ep, m);
	unsigned got = err ? 0 : MSG_NCAPS(m->info);    /* what the kernel put in our slots */
	long r = err ? -(long)err : -(long)MSG_LABEL(m->info);
	for (unsigned i = 0; i < n; i++)
		tern_ipcbuf->recv_slots[i] = 0;        /* take no caps by surprise later */
	if (!r && got >= n)
		return 0;
	for (unsigned i = 0; i < n && i < got; i++)
		tern_cap_delete(slots[i], 0);
	return r ? r : -FS_EINVAL;
}

long fs_open_stream(uint64_t ep, const char *path, unsigned flags, uint64_t slot)
{
	struct tern_msg m = { .mr = { flags } };
	size_t n = strnlen(path, FS_PATH_MAX + 1);
	if (n > FS_PATH_MAX)
		return -FS_ENAMETOOLONG;
	m.mr[1] = n;
	unsigned len = msg_put_bytes(&m, 2, path, n);
	m.info = MSG_INFO(FS_OPEN_STREAM, len < 2 ? 2 : len, 0);
	return fs_caps_call(ep, &m, &slot, 1);
}

long fs_pipe(uint64_t ep, uint64_t read_slot, uint64_t write_slot)
{
	struct tern_msg m = { .info = MSG_INFO(FS_PIPE, 0, 0) };
	const uint64_t slots[2] = { read_slot, write_slot };
	return fs_caps_call(ep, &m, slots, 2);
}

long fs_truncate(uint64_t ep, uint64_t h, uint64_t size)
{
	struct tern_msg m = { .info = MSG_INFO(FS_TRUNCATE, 2, 0), .mr = { h, size } };
	return fs_call(ep, &m);
}

const char *fs_strerror(long err)
{
	static const char *const names[] = {
		[FS_ENOENT - FS_ENOENT] = "no such file or directory",
		[FS_EEXIST - FS_ENOENT] = "already exists",
		[FS_ENOTDIR - FS_ENOENT] = "not a directory",
		[FS_EISDIR - FS_ENOENT] = "is a directory",
		[FS_ENOSPC - FS_ENOENT] = "no space left",
		[FS_EINVAL - FS_ENOENT] = "invalid argument",
		[FS_EBADF - FS_ENOENT] = "bad handle",
		[FS_ENOTEMPTY - FS_ENOENT] = "directory not empty",
		[FS_ENAMETOOLONG - FS_ENOENT] = "name too long",
		[FS_EMFILE - FS_ENOENT] = "too many open files",
	};
	if (err < 0)
		err = -err;
	if (err >= FS_ENOENT && err <= FS_EMFILE)
		return names[err - FS_ENOENT];
	/* What the streams of FS_OPEN_STREAM and FS_PIPE answer. */
	if (err == STREAM_EPIPE)
		return "broken pipe";
	if (err == STREAM_EBADF)
		return "stream closed";
	if (err < E_COUNT)
		return tern_strerror((uint64_t)err);
	return "unknown error";
}
