/*
 * srv/ramfs: the in-memory file system server (protocol in proto/fs.h).
 *
 * At start it maps the initramfs page cap init gave it (manifest slot 1)
 * read-only, copies the archive's files and directories into the tree
 * (seed.c), drops the mapping, and then serves its endpoint (slot 0,
 * provided to others as service "fs") forever: receive, decode, answer.
 *
 * Decoding trusts nothing in a request: the message must be long enough
 * for the fields and inline bytes the method uses (a short message would
 * otherwise read stale IPC-buffer words), lengths are bounded before
 * anything is copied, paths must be NUL-free, and handles are checked
 * against the table (index, generation, and the caller's badge, so one
 * client cannot use another's handles when init badges them apart). A bad
 * request gets an error label and the server goes on.
 *
 * Requests on the same endpoint also come through the stream caps we make
 * (FS_OPEN_STREAM, FS_PIPE): those carry the badge STREAM_BADGE_OWN |
 * number, which no client of init has, and are served by stream_srv.c
 * (docs/streams.md). The caps are minted from our endpoint into two
 * scratch slots, travel in the reply (which copies them), and our copies
 * are deleted once it is sent.
 *
 * When a client ends, init sends SERVICE_CLIENT_GONE (proto/service.h)
 * through its unbadged endpoint cap: we close every handle and stream the
 * client made and left open, so dead clients cannot use up the table. The notice counts
 * only with badge 0, which no client can send (init badges every client
 * cap with a program id); from a client it is an unknown request.
 */
#include "seed.h"
#include "server.h"
#include <proto/fs.h>
#include <proto/service.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tar.h>
#include <tern/program.h>
#include <tern/sys.h>

#define RAMFS_INITRAMFS PROG_CAP(1)
#define RAMFS_TAR_VA    0x200000000ull  /* far above the heap */
/* The manifest gives 1024 pages (4 MiB); a quarter stays free for malloc's
 * headers and fragmentation, so file data hits FS_ENOSPC before malloc fails.
 * The sanitized build scales every manifest's pages (USER_MEMORY_SCALE). */
#define RAMFS_BUDGET    ((3ull << 20) * USER_MEMORY_SCALE)

struct fst ramfs_tree;
struct handle_table ramfs_handles;

/* Where the stream caps of a reply are minted; emptied after each reply. */
static uint64_t reply_caps[2];
static unsigned reply_ncaps;

/* MRs a request must carry to hold `bytes` inline from MR[first]. */
static unsigned words(unsigned first, uint64_t bytes)
{
	return first + (unsigned)((bytes + 7) / 8);
}

static long get_path(const struct tern_msg *m, char *path)
{
	uint64_t len = m->mr[1];
	if (len == 0)
		return -FS_EINVAL;
	if (len > FS_PATH_MAX)
		return -FS_ENAMETOOLONG;
	if (MSG_LEN(m->info) < words(2, len))
		return -FS_EINVAL;
	msg_get_bytes(m, 2, path, len);
	if (memchr(path, '\0', len))
		return -FS_EINVAL;
	path[len] = '\0';
	return 0;
}

static struct handle *get_handle(const struct tern_msg *m)
{
	return handle_get(&ramfs_handles, m->mr[0], m->badge);
}

/* ---- methods: 0 or -(FS_E*); on success they fill the reply's MRs ----- */

static long do_open(struct tern_msg *m, unsigned *len)
{
	char path[FS_PATH_MAX + 1];
	long err = get_path(m, path);
	if (err)
		return err;
	if (m->mr[0] >> 32)
		return -FS_EINVAL;      /* flags beyond any FS_O_* */
	long slot = handle_slot(&ramfs_handles, m->badge);
	struct fst_node *node;
	if (slot < 0)
		return slot;
	if ((err = fst_open(&ramfs_tree, path, (unsigned)m->mr[0], &node)))
		return err;
	m->mr[0] = handle_fill(&ramfs_handles, (unsigned)slot, m->badge, node);
	*len = 1;
	return 0;
}

static long do_close(struct tern_msg *m)
{
	struct handle *e = get_handle(m);
	if (!e)
		return -FS_EBADF;
	handle_close(&ramfs_tree, e, stream_answer, 0);
	return 0;
}

static long do_read_at(struct tern_msg *m, unsigned *len)
{
	struct handle *e = get_handle(m);
	if (!e)
		return -FS_EBADF;
	if (m->mr[2] > FS_IO_MAX)
		return -FS_EINVAL;
	uint8_t buf[FS_IO_MAX];
	long n = fst_read_at(e->node, m->mr[1], buf, m->mr[2]);
	if (n < 0)
		return n;
	m->mr[0] = (uint64_t)n;
	*len = msg_put_bytes(m, 1, buf, (size_t)n);     /* at least 1: MR0 */
	return 0;
}

static long do_write_at(struct tern_msg *m, unsigned *len)
{
	struct handle *e = get_handle(m);
	if (!e)
		return -FS_EBADF;
	uint64_t n = m->mr[2];
	if (n > FS_IO_MAX || MSG_LEN(m->info) < words(3, n))
		return -FS_EINVAL;
	uint8_t buf[FS_IO_MAX];
	msg_get_bytes(m, 3, buf, n);
	long r = fst_write_at(&ramfs_tree, e->node, m->mr[1], buf, n);
	if (r < 0)
		return r;
	m->mr[0] = (uint64_t)r;
	*len = 1;
	return 0;
}

static long do_readdir(struct tern_msg *m, unsigned *len)
{
	struct handle *e = get_handle(m);
	if (!e)
		return -FS_EBADF;
	struct fs_dirent d;
	long err = fst_readdir(e->node, m->mr[1], &d);
	if (err)
		return err;
	size_t n = strlen(d.name);
	m->mr[0] = d.type;
	m->mr[1] = d.size;
	m->mr[2] = n;
	*len = msg_put_bytes(m, 3, d.name, n);
	return 0;
}

static long do_stat(struct tern_msg *m, unsigned *len)
{
	char path[FS_PATH_MAX + 1];
	long err = get_path(m, path);
	unsigned type;
	uint64_t size;
	if (err || (err = fst_stat(&ramfs_tree, path, &type, &size)))
		return err;
	m->mr[0] = type;
	m->mr[1] = size;
	*len = 2;
	return 0;
}

static long do_path_op(struct tern_msg *m, long (*op)(struct fst *, const char *))
{
	char path[FS_PATH_MAX + 1];
	long err = get_path(m, path);
	return err ? err : op(&ramfs_tree, path);
}

static long do_truncate(struct tern_msg *m)
{
	struct handle *e = get_handle(m);
	if (!e)
		return -FS_EBADF;
	return fst_truncate(&ramfs_tree, e->node, m->mr[1]);
}

/* Hand the caller caps for entries num[0..n-1], or close them all. */
long give_streams(const uint64_t *num, unsigned n)
{
	int err = 0;
	for (unsigned i = 0; i < n && !err; i++)
		err = stream_mint(num[i], reply_caps[i]);
	if (err) {
		for (unsigned i = 0; i < n; i++) {
			tern_cap_delete(reply_caps[i], 0);
			handle_close(&ramfs_tree, handle_stream(&ramfs_handles, num[i]), stream_answer, 0);
		}
		return -err;
	}
	reply_ncaps = n;
	return 0;
}

static long do_open_stream(struct tern_msg *m)
{
	char path[FS_PATH_MAX + 1];
	uint64_t num;
	long err = get_path(m, path);
	if (err)
		return err;
	if (m->mr[0] >> 32)
		return -FS_EINVAL;
	err = handle_open_stream(&ramfs_handles, &ramfs_tree, m->badge, path, (unsigned)m->mr[0], &num);
	return err ? err : give_streams(&num, 1);
}

static long do_pipe(struct tern_msg *m)
{
	uint64_t num[2];
	long err = handle_pipe(&ramfs_handles, &ramfs_tree, m->badge, num);
	return err ? err : give_streams(num, 2);
}

/* The MRs each method reads (inline bytes are checked by the method);
 * labels that are no method fall to dispatch's default. */
static const unsigned min_len[] = {
	[FS_OPEN] = 2, [FS_CLOSE] = 1, [FS_READ_AT] = 3, [FS_WRITE_AT] = 3, [FS_READDIR] = 2,
	[FS_STAT] = 2, [FS_MKDIR] = 2, [FS_UNLINK] = 2, [FS_TRUNCATE] = 2,
	[FS_OPEN_STREAM] = 2, [FS_PIPE] = 0,
};

static long dispatch(struct tern_msg *m, unsigned *len)
{
	switch (MSG_LABEL(m->info)) {
	case FS_OPEN: return do_open(m, len);
	case FS_CLOSE: return do_close(m);
	case FS_READ_AT: return do_read_at(m, len);
	case FS_WRITE_AT: return do_write_at(m, len);
	case FS_READDIR: return do_readdir(m, len);
	case FS_STAT: return do_stat(m, len);
	case FS_MKDIR: return do_path_op(m, fst_mkdir);
	case FS_UNLINK: return do_path_op(m, fst_unlink);
	case FS_TRUNCATE: return do_truncate(m);
	case FS_OPEN_STREAM: return do_open_stream(m);
	case FS_PIPE: return do_pipe(m);
	default: return -FS_EINVAL;
	}
}

/* Answer one request in place: m becomes the reply. */
static void serve(struct tern_msg *m)
{
	unsigned len = 0, label = MSG_LABEL(m->info);
	long r = -FS_EINVAL;    /* unknown method, or too short for its fields */
	if (label < sizeof(min_len) / sizeof(min_len[0]) && MSG_LEN(m->info) >= min_len[label])
		r = dispatch(m, &len);
	if (r < 0)
		len = 0;
	m->info = MSG_INFO(r < 0 ? -r : 0, len, r < 0 ? 0 : reply_caps_out());
}

unsigned reply_caps_out(void)
{
	for (unsigned i = 0; i < reply_ncaps; i++)
		tern_ipcbuf->caps[i] = reply_caps[i];
	return reply_ncaps;
}

/* ---- clients that ended ------------------------------------------------ */

static void client_gone(uint64_t badge)
{
	unsigned n = handles_release(&ramfs_handles, &ramfs_tree, badge, stream_answer, 0);
	if (n)
		printf("ramfs: client %lu ended; closed the %u handles and streams it left open\n", badge, n);
}

/* ---- seeding ------------------------------------------------------------ */

static void log_skip(const char *name, const char *why, long err)
{
	if (err)
		printf("ramfs: skipped /%s: %s (%s)\n", name, why, fs_strerror(err));
	else
		printf("ramfs: skipped /%s: %s\n", name, why);
}

static void seed(void)
{
	uint64_t out[6] = { 0 };
	int err = tern_invoke(RAMFS_INITRAMFS, PAGE_INFO, 0, 0, 0, 0, out);
	if (!err)
		err = tern_page_map(RAMFS_INITRAMFS, 0, RAMFS_TAR_VA, RIGHT_READ);
	if (err) {
		printf("ramfs: no initramfs (%s), starting empty\n", tern_strerror((uint64_t)err));
		return;
	}
	struct seed_stats st = seed_from_tar(&ramfs_tree, (const void *)RAMFS_TAR_VA, out[0] * 4096, log_skip);
	if (st.tar_error)
		printf("ramfs: initramfs: %s; kept what came before\n", tar_strerror(st.tar_error));
	printf("ramfs: seeded %u files and %u directories (%lu bytes of %lu used), %u skipped\n",
	       st.files, st.dirs, (unsigned long)ramfs_tree.used, (unsigned long)ramfs_tree.budget, st.skipped);
	/* Everything is copied: give up the mapping and the authority. */
	tern_page_unmap(RAMFS_INITRAMFS, 0, RAMFS_TAR_VA);
	tern_cap_delete(RAMFS_INITRAMFS, 0);
}

int main(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	struct tern_capinfo ci;
	if (tern_cap_identify(RAMFS_EP, &ci) || ci.type != CAP_ENDPOINT) {
		printf("ramfs: no endpoint in slot 0 of the manifest\n");
		return 1;
	}
	if (fst_init(&ramfs_tree, RAMFS_BUDGET)) {
		printf("ramfs: out of memory\n");
		return 1;
	}
	seed();
	reply_caps[0] = slot_alloc();
	reply_caps[1] = slot_alloc();
	if (!reply_caps[0] || !reply_caps[1]) {
		printf("ramfs: no free slots\n");
		return 1;
	}

	printf("ramfs: serving\n");
	struct tern_msg m;
	int err = tern_recv(RAMFS_EP, &m);
	for (;;) {
		if (err) {
			printf("ramfs: receive failed: %s\n", tern_strerror((uint64_t)err));
			return 1;
		}
		if (service_client_gone(&m)) {
			client_gone(m.mr[0]);   /* a notice, not a call: nothing to answer */
			err = tern_recv(RAMFS_EP, &m);
			continue;
		}
		bool answer = true;
		if (m.badge & STREAM_BADGE_OWN)
			answer = stream_serve(&m);
		else
			serve(&m);
		if (!answer) {                  /* it waits: its reply is saved */
			err = tern_recv(RAMFS_EP, &m);
			continue;
		}
		err = tern_reply_recv(RAMFS_EP, &m);
		/* The reply took copies of the caps it carried: ours go. */
		for (; reply_ncaps; reply_ncaps--)
			tern_cap_delete(reply_caps[reply_ncaps - 1], 0);
		if (err)        /* the reply could not be sent (the caller is gone): drop it */
			err = tern_recv(RAMFS_EP, &m);
	}
}
