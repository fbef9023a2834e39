/*
 * pipetest: srv/ramfs's file streams and pipes, from another address space,
 * through the stubs (lib/fs.c, lib/stream.c) and through hand-made requests
 * the stubs would never send. test/pipepeer is the other end where a check
 * needs a second task: pipetest spawns it and hands it a pipe end over its
 * own endpoint (peer.h); test/pipehog is a client that ends holding pipes. One line per check ("PASS name" / "FAIL name:
 * reason"), then "N passed, N failed", then it asks init to power off.
 */
#include "peer.h"
#include <proto/fs.h>
#include <proto/init.h>
#include <proto/service.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>
#include <tern/testrun.h>

#define FS              PROG_CAP(0)
#define PEERS           PROG_CAP(1)
#define BIG             20000           /* bytes through one pipe: ~5 times FS_PIPE_BUF */
#define HOG_ROUNDS      50
#define RAMFS_TRY       40              /* more pipes than a client may have */

#define EXPECT(got, want) \
	do { \
		long g_ = (long)(got), w_ = (long)(want); \
		if (g_ != w_) \
			return test_fail("%s gave %ld, want %ld", #got, g_, w_); \
	} while (0)
#define EXPECT_TRUE(cond) \
	do { \
		if (!(cond)) \
			return test_fail("%s is false", #cond); \
	} while (0)

/* ---- helpers ------------------------------------------------------------ */

static uint64_t ends[2];                /* the current pipe: read end, write end */

static long new_pipe(void)
{
	ends[0] = slot_alloc();
	ends[1] = slot_alloc();
	return fs_pipe(FS, ends[0], ends[1]);
}

/* Close our streams and give up the caps. */
static void drop(uint64_t s)
{
	stream_close(s);
	tern_cap_delete(s, 0);
	slot_free(s);
}

static void drop_pipe(void)
{
	drop(ends[0]);
	drop(ends[1]);
}

static long open_stream(const char *path, unsigned flags, uint64_t *s)
{
	*s = slot_alloc();
	long r = fs_open_stream(FS, path, flags, *s);
	if (r)
		slot_free(*s);
	return r;
}

/* Spawn pipepeer with these words: its id, or -error. */
static long spawn_peer(const char *a, const char *b)
{
	const char *argv[] = { "/test/pipepeer", a, b };
	return init_spawn(PROG_INIT, argv, b ? 3 : 2);
}

/* Answer the peer's PEER_GET with a copy of cap (init's notices that
 * earlier peers ended come here too and are passed over). */
static int hand_over(uint64_t cap)
{
	struct tern_msg m;
	for (;;) {
		if (tern_recv(PEERS, &m))
			return -1;
		if (!service_client_gone(&m))
			break;
	}
	if (MSG_LABEL(m.info) != PEER_GET)
		return -1;
	m.info = MSG_INFO(0, 0, 1);
	tern_ipcbuf->caps[0] = cap;
	return tern_reply(&m);
}

static long wait_prog(long id)
{
	uint64_t status = 0;
	long r = init_wait(PROG_INIT, (uint64_t)id, &status);
	return r < 0 ? r : (long)status;
}

/* A peer's status, and init's notice that it ended (so none stays queued
 * in init: its queue of notices is shared by every provider). */
static long wait_peer(long id)
{
	long st = wait_prog(id);
	struct tern_msg m;
	while (!tern_recv(PEERS, &m) && !(service_client_gone(&m) && m.mr[0] == (uint64_t)id))
		;
	return st;
}

/* A request built by hand on cap s: the reply's label, or -(E_*). */
static long raw(uint64_t s, struct tern_msg *m)
{
	int err = tern_call(s, m);
	return err ? -(long)err : (long)MSG_LABEL(m->info);
}

/* ---- file streams ------------------------------------------------------- */

static int t_file_stream(void)
{
	uint64_t s;
	char buf[64];
	EXPECT(open_stream("/ps", FS_O_CREATE | FS_O_TRUNC, &s), 0);
	EXPECT(stream_info(s), STREAM_KIND_FILE);
	EXPECT(stream_write(s, "hello ", 6), 6);
	EXPECT(stream_write(s, "world\n", 6), 6);       /* after the first: sequential */
	drop(s);
	EXPECT(open_stream("/ps", 0, &s), 0);
	EXPECT(stream_poll(s), 12);
	EXPECT(stream_read(s, buf, 5), 5);
	EXPECT(stream_read(s, buf + 5, sizeof(buf)), 7);
	EXPECT(stream_read(s, buf, sizeof(buf)), 0);    /* end of file */
	EXPECT_TRUE(!memcmp(buf, "hello world\n", 12));
	drop(s);
	EXPECT(open_stream("/ps", FS_O_APPEND, &s), 0);
	EXPECT(stream_write(s, "more\n", 5), 5);
	drop(s);
	long h = fs_open(FS, "/ps", 0);
	EXPECT_TRUE(h >= 0);
	EXPECT(fs_read_at(FS, (uint64_t)h, 0, buf, sizeof(buf)), 17);
	fs_close(FS, (uint64_t)h);
	EXPECT_TRUE(!memcmp(buf, "hello world\nmore\n", 17));
	EXPECT(open_stream("/ps", FS_O_TRUNC, &s), 0);
	EXPECT(stream_poll(s), 0);
	drop(s);
	EXPECT(fs_unlink(FS, "/ps"), 0);
	return 0;
}

static int t_file_stream_errors(void)
{
	uint64_t s;
	EXPECT(open_stream("/etc", 0, &s), -FS_EISDIR);
	EXPECT(open_stream("/etc", FS_O_DIR, &s), -FS_EISDIR);
	EXPECT(open_stream("/nope", 0, &s), -FS_ENOENT);
	EXPECT(open_stream("/etc/motd", FS_O_CREATE | FS_O_EXCL, &s), -FS_EEXIST);
	EXPECT(open_stream("/etc/motd", 0x1000, &s), -FS_EINVAL);
	return 0;
}

static int t_file_unlinked_while_streamed(void)
{
	uint64_t s;
	char buf[8];
	EXPECT(open_stream("/gone", FS_O_CREATE, &s), 0);
	EXPECT(fs_unlink(FS, "/gone"), 0);
	EXPECT(stream_write(s, "abc", 3), 3);
	EXPECT(stream_read(s, buf, sizeof(buf)), 0);    /* at its end */
	EXPECT(fs_stat(FS, "/gone", 0, 0), -FS_ENOENT);
	EXPECT(stream_close(s), 0);
	EXPECT(stream_write(s, "x", 1), -STREAM_EBADF);
	tern_cap_delete(s, 0);
	return 0;
}

/* ---- pipes in one task -------------------------------------------------- */

static int t_pipe_caps(void)
{
	struct tern_capinfo ci;
	EXPECT(new_pipe(), 0);
	EXPECT(tern_cap_identify(ends[0], &ci), 0);
	EXPECT(ci.type, CAP_ENDPOINT);
	EXPECT(ci.rights, RIGHT_WRITE);                 /* no receiving, no granting */
	EXPECT_TRUE(ci.badge & STREAM_BADGE_OWN);
	EXPECT(stream_info(ends[0]), STREAM_KIND_PIPE);
	EXPECT(stream_info(ends[1]), STREAM_KIND_PIPE);
	drop_pipe();
	return 0;
}

static int t_pipe_eof_after_writer_closes(void)
{
	char buf[8];
	EXPECT(new_pipe(), 0);
	EXPECT(stream_write(ends[1], "xy", 2), 2);
	EXPECT(stream_poll(ends[0]), 2);
	EXPECT(stream_close(ends[1]), 0);
	EXPECT(stream_read(ends[0], buf, sizeof(buf)), 2);
	EXPECT_TRUE(!memcmp(buf, "xy", 2));
	EXPECT(stream_read(ends[0], buf, sizeof(buf)), 0);
	EXPECT(stream_read(ends[0], buf, sizeof(buf)), 0);
	drop_pipe();
	return 0;
}

static int t_pipe_epipe_after_reader_closes(void)
{
	EXPECT(new_pipe(), 0);
	EXPECT(stream_close(ends[0]), 0);
	EXPECT(stream_write(ends[1], "x", 1), -STREAM_EPIPE);
	drop_pipe();
	return 0;
}

static int t_pipe_wrong_ends(void)
{
	char buf[4];
	EXPECT(new_pipe(), 0);
	EXPECT(stream_write(ends[0], "x", 1), -STREAM_EBADF);
	EXPECT(stream_read(ends[1], buf, 4), -STREAM_EBADF);
	EXPECT(stream_read(ends[1], buf, 0), -STREAM_EBADF);   /* even for no bytes */
	EXPECT(stream_intr(ends[0], 0), -E_BAD_SYSCALL);        /* terminals only */
	drop_pipe();
	return 0;
}

static int t_closed_and_stale_caps(void)
{
	char buf[4];
	EXPECT(new_pipe(), 0);
	uint64_t old_r = ends[0], old_w = ends[1];
	EXPECT(stream_close(old_r), 0);
	EXPECT(stream_close(old_w), 0);
	EXPECT(stream_read(old_r, buf, 4), -STREAM_EBADF);
	EXPECT(stream_close(old_w), -STREAM_EBADF);
	EXPECT(stream_info(old_w), -STREAM_EBADF);
	/* New pipes take the freed table slots again, with a new generation:
	 * the old caps still name nothing. */
	uint64_t r[4], w[4];
	for (int i = 0; i < 4; i++) {
		EXPECT(new_pipe(), 0);
		r[i] = ends[0];
		w[i] = ends[1];
	}
	EXPECT(stream_write(old_w, "x", 1), -STREAM_EBADF);
	EXPECT(stream_poll(old_r), -STREAM_EBADF);
	for (int i = 0; i < 4; i++) {
		EXPECT(stream_poll(r[i]), 0);
		drop(r[i]);
		drop(w[i]);
	}
	tern_cap_delete(old_r, 0);
	tern_cap_delete(old_w, 0);
	return 0;
}

/* init closes a finished program's streams with a send, not a call: no
 * reply is owed. A read sent that way has no reply to keep either, so it
 * must not become the pipe's waiting read. */
static int t_requests_sent_not_called(void)
{
	char c;
	EXPECT(new_pipe(), 0);
	struct tern_msg m = { .info = MSG_INFO(STREAM_READ, 1, 0), .mr = { 1 } };
	EXPECT(tern_send(ends[0], &m), 0);
	EXPECT(stream_write(ends[1], "k", 1), 1);
	EXPECT(stream_read(ends[0], &c, 1), 1);         /* not taken by the sent read */
	EXPECT(c, 'k');
	m = (struct tern_msg){ .info = MSG_INFO(STREAM_CLOSE, 0, 0) };
	EXPECT(tern_send(ends[1], &m), 0);
	EXPECT(stream_read(ends[0], &c, 1), 0);         /* closed: end of stream */
	drop_pipe();
	return 0;
}

static int t_malformed_requests(void)
{
	EXPECT(new_pipe(), 0);
	struct tern_msg m = { .info = MSG_INFO(STREAM_WRITE, 1, 0), .mr = { 10 } };
	EXPECT(raw(ends[1], &m), E_BAD_ARG);            /* 10 bytes promised, none sent */
	m = (struct tern_msg){ .info = MSG_INFO(STREAM_WRITE, 0, 0) };
	EXPECT(raw(ends[1], &m), E_BAD_ARG);            /* no MR0 at all */
	m = (struct tern_msg){ .info = MSG_INFO(STREAM_WRITE, 40, 0), .mr = { STREAM_CHUNK + 1 } };
	EXPECT(raw(ends[1], &m), E_BAD_ARG);
	m = (struct tern_msg){ .info = MSG_INFO(STREAM_READ, 1, 0), .mr = { STREAM_CHUNK + 1 } };
	EXPECT(raw(ends[0], &m), E_BAD_ARG);
	m = (struct tern_msg){ .info = MSG_INFO(STREAM_READ, 0, 0) };
	EXPECT(raw(ends[0], &m), E_BAD_ARG);
	m = (struct tern_msg){ .info = MSG_INFO(99, 0, 0) };
	EXPECT(raw(ends[0], &m), E_BAD_SYSCALL);
	/* The fs protocol is not reachable through a stream cap. */
	m = (struct tern_msg){ .info = MSG_INFO(FS_STAT, 2, 0), .mr = { 0, 1, '/' } };
	EXPECT(raw(ends[0], &m), E_BAD_SYSCALL);
	m = (struct tern_msg){ .info = MSG_INFO(FS_PIPE, 0, 0) };
	EXPECT(raw(ends[0], &m), E_BAD_SYSCALL);
	/* A cap sent along needs a grant right a stream cap does not carry. */
	tern_ipcbuf->caps[0] = ends[1];
	m = (struct tern_msg){ .info = MSG_INFO(STREAM_POLL, 0, 1) };
	EXPECT(raw(ends[0], &m), -E_NO_RIGHTS);
	/* A pipe with a zero-byte read and write: answered at once. */
	char c;
	EXPECT(stream_read(ends[0], &c, 0), 0);
	EXPECT(stream_write(ends[1], &c, 0), 0);
	drop_pipe();
	return 0;
}

static int t_pipe_limit_per_client(void)
{
	uint64_t r[RAMFS_TRY], w[RAMFS_TRY];
	int n = 0;
	long err = 0;
	while (n < RAMFS_TRY && !(err = new_pipe())) {
		r[n] = ends[0];
		w[n++] = ends[1];
	}
	for (int i = 0; i < n; i++) {
		drop(r[i]);
		drop(w[i]);
	}
	EXPECT(err, -FS_EMFILE);
	EXPECT(n, PEER_HOG);                            /* 32 ends: our share */
	EXPECT(new_pipe(), 0);                          /* closing gave them back */
	drop_pipe();
	return 0;
}

/* ---- pipes between two tasks -------------------------------------------- */

/* BIG bytes from a peer, in chunks of many sizes: in order, then the end.
 * We read in other sizes and pause now and then, so the writer finds the
 * pipe full and waits, and at other times our read waits for the writer. */
static int t_pipe_stream_between_tasks(void)
{
	static uint8_t buf[STREAM_CHUNK];
	EXPECT(new_pipe(), 0);
	long id = spawn_peer("write", "20000");
	EXPECT_TRUE(id > 0);
	EXPECT(hand_over(ends[1]), 0);
	uint64_t got = 0;
	int bad = -1;
	for (unsigned k = 0; got < BIG + 1; k++) {
		long n = stream_read(ends[0], buf, 1 + (k * 53) % STREAM_CHUNK);
		if (n <= 0) {
			if (n < 0)
				return test_fail("read at %lu gave %ld", (unsigned long)got, n);
			break;
		}
		for (long i = 0; i < n && bad < 0; i++)
			if (buf[i] != peer_byte(got + (uint64_t)i))
				bad = (int)(got + (uint64_t)i);
		got += (uint64_t)n;
		if (k % 8 == 0)
			tern_sleep_ms(2);       /* let the writer fill the pipe */
	}
	EXPECT(bad, -1);
	EXPECT(got, BIG);
	EXPECT(wait_peer(id), 0);
	char c;
	EXPECT(stream_read(ends[0], &c, 1), 0);         /* its end closed: end of stream */
	drop_pipe();
	return 0;
}

/* A read waits on the peer's end; a second one on the same pipe is E_BUSY,
 * and the first gets the next byte written. */
static int t_pipe_one_waiting_read(void)
{
	char c;
	EXPECT(new_pipe(), 0);
	long id = spawn_peer("read1", 0);
	EXPECT_TRUE(id > 0);
	EXPECT(hand_over(ends[0]), 0);
	tern_sleep_ms(200);                             /* its read is waiting by now */
	/* Were it not, ours would wait for a writer that is us: a time limit
	 * turns that into a failure instead of a hang. */
	tern_invoke(PROG_SELF, TASK_SET_TIMEOUT, 5000, 0, 0, 0, 0);
	long r = stream_read(ends[0], &c, 1);
	tern_invoke(PROG_SELF, TASK_SET_TIMEOUT, 0, 0, 0, 0, 0);
	EXPECT(r, -E_BUSY);
	EXPECT(stream_poll(ends[0]), 0);
	EXPECT(stream_write(ends[1], "Q", 1), 1);
	EXPECT(wait_peer(id), 'Q');
	drop_pipe();
	return 0;
}

/* A writer waiting on a full pipe gets STREAM_EPIPE when the read end is
 * closed under it. */
static int t_pipe_waiting_writer_gets_epipe(void)
{
	static uint8_t buf[STREAM_CHUNK];
	EXPECT(new_pipe(), 0);
	for (unsigned i = 0; i < FS_PIPE_BUF / STREAM_CHUNK; i++)
		EXPECT(stream_write(ends[1], buf, STREAM_CHUNK), STREAM_CHUNK);
	EXPECT(stream_poll(ends[0]), FS_PIPE_BUF);
	long id = spawn_peer("close", "200");
	EXPECT_TRUE(id > 0);
	EXPECT(hand_over(ends[0]), 0);
	uint64_t t0 = tern_uptime_ns();
	EXPECT(stream_write(ends[1], "x", 1), -STREAM_EPIPE);   /* waits, then broken */
	EXPECT_TRUE(tern_uptime_ns() - t0 > 100000000ull);     /* it did wait */
	EXPECT(wait_peer(id), 0);
	drop_pipe();
	return 0;
}

/* Clients that end holding every pipe they could make: ramfs closes them
 * when init reports the client gone, so the next ones get their share. */
static int t_pipes_reclaimed_from_dead_clients(void)
{
	for (int round = 0; round < HOG_ROUNDS; round++) {
		const char *argv[] = { "/test/pipehog" };
		long id = init_spawn(PROG_INIT, argv, 1);
		if (id <= 0)
			return test_fail("round %d: spawn gave %ld", round, id);
		long st = wait_prog(id);
		if (st != PEER_HOG)
			return test_fail("round %d: the hog made %ld pipes, want %d", round, st, PEER_HOG);
	}
	EXPECT(new_pipe(), 0);
	drop_pipe();
	return 0;
}

static int t_still_serving(void)
{
	unsigned type = 0;
	EXPECT(fs_stat(FS, "/etc/motd", &type, 0), 0);
	EXPECT(type, FS_TYPE_FILE);
	return 0;
}

static const struct test_case tests[] = {
	{ "file_stream", t_file_stream },
	{ "file_stream_errors", t_file_stream_errors },
	{ "file_unlinked_while_streamed", t_file_unlinked_while_streamed },
	{ "pipe_caps", t_pipe_caps },
	{ "pipe_eof_after_writer_closes", t_pipe_eof_after_writer_closes },
	{ "pipe_epipe_after_reader_closes", t_pipe_epipe_after_reader_closes },
	{ "pipe_wrong_ends", t_pipe_wrong_ends },
	{ "closed_and_stale_caps", t_closed_and_stale_caps },
	{ "requests_sent_not_called", t_requests_sent_not_called },
	{ "malformed_requests", t_malformed_requests },
	{ "pipe_limit_per_client", t_pipe_limit_per_client },
	{ "pipe_stream_between_tasks", t_pipe_stream_between_tasks },
	{ "pipe_one_waiting_read", t_pipe_one_waiting_read },
	{ "pipe_waiting_writer_gets_epipe", t_pipe_waiting_writer_gets_epipe },
	{ "pipes_reclaimed_from_dead_clients", t_pipes_reclaimed_from_dead_clients },
	{ "still_serving", t_still_serving },
};

int main(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	printf("pipetest: file streams and pipes test starting\n");
	return test_run(tests, sizeof(tests) / sizeof(tests[0]));
}
