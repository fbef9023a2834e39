/*
 * iotest: checks what init does with standard streams, working directories
 * and watches (proto/init.h, tern/program.h), from the inside, as an
 * ordinary program started from init.conf (ci/scenarios/init-stdio.run).
 *
 *   iotest              the checks; prints PASS/FAIL lines and
 *                       "N passed, N failed", then powers off
 *   iotest gone         (a child) tells gonewatch it holds nothing and
 *                       exits while gonewatch is busy (so init must queue
 *                       its client-gone notice)
 * The other children are test/iochild.
 *
 * Several checks serve a child's stdout from an endpoint of our own, so we
 * see its writes and, after it ends, init's STREAM_CLOSE on each stream
 * we gave it. Those come with init's non-blocking send, which meets only a
 * receiver that is waiting: we wait in tern_recv for them (a missing close
 * shows as the scenario's timeout, after "iotest: waiting for ...").
 */
#include "../gonewatch/watch.h"
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define IO_WATCH    PROG_CAP(0)         /* service=gonewatch */
#define FLOOD       2000                /* requests with caps: 3 each, more than init's 4096 slots */
#define CLOSE_FLOOD 30                  /* children whose 3 closes a server never takes */
#define POLL_MS     8000

static int passed, failed;
static uint64_t srv;                    /* an endpoint we serve streams from */
static uint64_t note;                   /* the watches' note */

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "PASS" : "FAIL", what);
	ok ? passed++ : failed++;
}

/* The one child that must be a client of gonewatch: test/iochild is none. */
static int gone_child(void)
{
	struct tern_msg m = { .info = MSG_INFO(WATCH_HOLDING, 1, 0), .mr = { 0 } };
	tern_call(IO_WATCH, &m);
	return 0;
}

/* ---- helpers -------------------------------------------------------------- */

/* A new cap in our cspace: src minted with badge, or a fresh object. */
static uint64_t mint(uint64_t src, uint64_t badge)
{
	uint64_t s = slot_alloc();
	if (!s || tern_cap_mint(src, 0, s, RIGHT_WRITE | RIGHT_GRANT, badge, 0))
		printf("iotest: cannot mint a cap (badge %lx)\n", badge);
	return s;
}

static uint64_t create(unsigned type)
{
	uint64_t s = slot_alloc();
	if (!s || tern_mem_create(PROG_MEMORY, type, s, 0))
		printf("iotest: cannot create a cap of type %u\n", type);
	return s;
}

/* Spawn ourselves as a child; the id, or -error. */
static long spawn(const char *how, const char *arg, const char *cwd, const uint64_t *io)
{
	const char *argv[] = { strcmp(how, "gone") ? "/test/iochild" : "/test/iotest", how, arg };
	return init_spawn_io(PROG_INIT, argv, arg ? 3 : 2, cwd, io);
}

static long status_of(long id)
{
	uint64_t status = 0;
	if (id < 0 || init_wait(PROG_INIT, (uint64_t)id, &status))
		return -1;
	return (long)status;
}

/* Receive one message on our endpoint, blocking (see the top). For a call,
 * text gets its bytes (STREAM_WRITE) and the caller an answer: STREAM_WRITE
 * all taken, STREAM_READ end of stream. */
static struct tern_msg serve(char *text, size_t max)
{
	struct tern_msg m;
	if (tern_recv(srv, &m)) {
		m.info = 0;
		return m;
	}
	uint64_t label = MSG_LABEL(m.info);
	struct tern_msg r = m;
	if (label == STREAM_WRITE && text) {
		size_t n = m.mr[0] < max - 1 ? m.mr[0] : max - 1;
		msg_get_bytes(&m, 1, text, n);
		text[n] = '\0';
	}
	if (label == STREAM_WRITE || label == STREAM_READ) {
		r.info = MSG_INFO(0, 1, 0);
		r.mr[0] = label == STREAM_WRITE ? m.mr[0] : 0;
		tern_reply(&r);
	}
	return m;
}

/* Wait for init's STREAM_CLOSE on each of the n badges (any order). */
static int closes(const uint64_t *badges, int n, const char *what)
{
	int seen = 0;
	printf("iotest: waiting for init's STREAM_CLOSE of %s\n", what);
	for (int k = 0; k < n; k++) {
		struct tern_msg m = serve(0, 0);
		if (MSG_LABEL(m.info) != STREAM_CLOSE) {
			printf("iotest: got label %u, badge %lx instead\n", MSG_LABEL(m.info), m.badge);
			return 0;
		}
		for (int i = 0; i < n; i++)
			if (m.badge == badges[i])
				seen |= 1 << i;
	}
	return seen == (1 << n) - 1;
}

/* Bits of our note signalled within ms (taken: later polls start afresh). */
static uint64_t note_bits(uint64_t want, unsigned ms)
{
	uint64_t bits = 0, b = 0;
	for (unsigned t = 0;; t += 10) {
		if (!tern_poll(note, &b))
			bits |= b;
		if ((bits & want) == want || t >= ms)
			return bits;
		tern_sleep_ms(10);
	}
}

/* ---- the checks ----------------------------------------------------------- */

/* From init.conf: the console as all three streams, badged with our id. */
static void from_conf(void)
{
	struct tern_capinfo ci;
	int ok = 1;
	for (int i = 0; i < 3; i++)
		ok &= !tern_cap_identify(PROG_STDIN + (uint64_t)i, &ci) && ci.type == CAP_ENDPOINT &&
		      ci.badge == prog_info->id;
	check(ok, "a program from init.conf has the console as stdin, stdout, stderr");
	const char *hello = "iotest: hello on my stdout\n";
	check(stream_write(PROG_STDOUT, hello, strlen(hello)) == (long)strlen(hello), "writing to our stdout");
	check(!strcmp(prog_info->cwd, "/"), "our cwd is / when none was given");
}

static void streams(void)
{
	const uint64_t console[3] = { PROG_STDIN, PROG_STDOUT, PROG_STDERR };
	long id = spawn("write", "iotest child: hello through the stdout it was given", 0, console);
	check(id > 0 && status_of(id) == 0, "a child writes to the console we gave it as stdout");
	check(status_of(spawn("slots", 0, 0, 0)) == 0, "a child spawned without caps has no streams");
	check(status_of(spawn("write", "lost", 0, 0)) == E_EMPTY_SLOT, "... and its stdout is empty");
	const uint64_t one[3] = { PROG_STDIN, 0, 0 };
	check(status_of(spawn("slots", 0, 0, one)) == 1, "one cap: only stdin");
	check(status_of(spawn("slots", 0, 0, console)) == 7, "three caps: stdin, stdout, stderr");
	/* A note as a stream: init's close of it fails, and that is all. */
	const uint64_t odd[3] = { mint(note, 0x100), 0, 0 };
	check(status_of(spawn("exit", 0, 0, odd)) == 0, "a note as stdin (init's close of it just fails)");
	uint64_t b = 0;
	tern_poll(note, &b);
}

/* A child's stdout served by us: its write, then init's closes. */
static void cwd_and_closes(const char *cwd, const char *want, uint64_t badge)
{
	const uint64_t io[3] = { mint(srv, badge), mint(srv, badge + 1), 0 };
	long id = spawn("cwd", 0, cwd, io);
	char text[256] = "";
	struct tern_msg m = serve(text, sizeof(text));
	char what[96];
	snprintf(what, sizeof(what), "the child's cwd is %s (cwd %s)", want, cwd ? cwd : "none");
	check(id > 0 && MSG_LABEL(m.info) == STREAM_WRITE && m.badge == badge + 1 && !strcmp(text, want), what);
	const uint64_t badges[2] = { badge, badge + 1 };
	check(closes(badges, 2, "a child's stdin and stdout"), "init closes both streams it was given");
	check(status_of(id) == 0, "... and the child exited");
	tern_cap_delete(io[0], 0);
	tern_cap_delete(io[1], 0);
}

/* INIT_SPAWN as bytes: MR0 = args len | cwd len << 32, the message as
 * long as the bytes (put of them); the reply's label, and the id in *id. */
static long raw_spawn(const char *bytes, unsigned put, unsigned n, unsigned ncwd, long *id)
{
	struct tern_msg m = { 0 };
	m.mr[0] = n | (uint64_t)ncwd << 32;
	unsigned len = msg_put_bytes(&m, 1, bytes, put);
	m.info = MSG_INFO(INIT_SPAWN, len, 0);
	if (tern_call(PROG_INIT, &m))
		return -1;
	*id = (long)m.mr[0];
	return (long)MSG_LABEL(m.info);
}

static void bad_cwd(void)
{
	const uint64_t io[3] = { PROG_STDIN, PROG_STDOUT, 0 };
	long id = 0;
	check(spawn("exit", 0, "tmp", io) == -E_BAD_ARG, "a relative cwd is refused (E_BAD_ARG)");
	check(raw_spawn("/test/iochild\0exit\0/a\0b", 23, 19, 4, &id) == E_BAD_ARG, "a cwd with a NUL inside is refused");
	check(raw_spawn("/test/iochild\0exit\0/a", 21, 19, 12, &id) == E_BAD_ARG,
	      "a cwd longer than the message is refused");
	check(raw_spawn("/test/iochild\0exit\0/ab\0", 23, 19, 4, &id) == 0 && status_of(id) == 0,
	      "a cwd with a NUL after it is taken");
	check(raw_spawn("/test/iochild\0exit", 18, 18, 0, &id) == 0 && status_of(id) == 0,
	      "args without their last NUL (as old clients send them)");
}

static void watches(void)
{
	/* Exit: a child reading our endpoint, watched twice (the second
	 * watch replaces the first), ends when we answer its read. */
	uint64_t in = mint(srv, 0x60);
	const uint64_t io[3] = { in, 0, 0 };
	long id = spawn("read", 0, 0, io);
	uint64_t n1 = mint(note, 1), n2 = mint(note, 2), n4 = mint(note, 4), n8 = mint(note, 8);
	check(id > 0 && init_watch(PROG_INIT, (uint64_t)id, n8) == 0 && init_watch(PROG_INIT, (uint64_t)id, n1) == 0,
	      "watch a child (twice)");
	check(note_bits(0, 0) == 0, "no signal while it runs");
	struct tern_msg m = serve(0, 0);
	check(MSG_LABEL(m.info) == STREAM_READ && m.badge == 0x60, "the child reads its stdin from us");
	uint64_t bits = note_bits(1, POLL_MS);
	check(bits == 1, "the watch signals when it exits, and only the newer watch");
	const uint64_t badges[1] = { 0x60 };
	check(closes(badges, 1, "a child's stdin"), "init closes the stdin of a child that read it");
	check(status_of(id) == 0, "INIT_WAIT answers after the watch");
	/* At once, for a program that has ended. */
	check(init_watch(PROG_INIT, (uint64_t)id, n4) == 0 && note_bits(4, 100) == 4,
	      "a watch of an ended program signals at once");
	/* Kill. */
	id = spawn("sleep", 0, 0, 0);
	check(id > 0 && init_watch(PROG_INIT, (uint64_t)id, n2) == 0, "watch a sleeping child");
	tern_sleep_ms(50);
	check(note_bits(0, 0) == 0, "no signal while it sleeps");
	check(init_kill(PROG_INIT, (uint64_t)id) == 0 && note_bits(2, POLL_MS) == 2, "the watch signals when it is killed");
	check(status_of(id) == 137, "killed: status 137");
	/* Refusals. */
	long other = init_find(PROG_INIT, "gonewatch");
	check(other > 0 && init_watch(PROG_INIT, (uint64_t)other, n1) == -E_NO_RIGHTS,
	      "a watch of a program that is not our child is refused");
	check(init_watch(PROG_INIT, 9999, n1) == -INIT_ESRCH, "a watch of an unknown id is refused");
	uint64_t ep = mint(srv, 0x61);
	check(init_watch(PROG_INIT, (uint64_t)id, ep) == -E_BAD_ARG, "a watch with an endpoint instead of a note is refused");
	struct tern_msg w = { .info = MSG_INFO(INIT_WATCH, 1, 0), .mr = { (uint64_t)id } };
	check(!tern_call(PROG_INIT, &w) && MSG_LABEL(w.info) == E_BAD_ARG, "a watch without a note is refused");
	check(note_bits(0, 50) == 0, "refused watches signal nothing");
	tern_cap_delete(ep, 0);
}

/* Send label with three (or four) caps attached, count == replies with want. */
static int flood(uint64_t label, unsigned ncaps, uint64_t cap, uint64_t mr0, const char *bytes, unsigned n,
		 uint64_t want, int times)
{
	int ok = 0;
	for (int i = 0; i < times; i++) {
		struct tern_msg m = { 0 };
		m.mr[0] = mr0;
		unsigned len = n ? msg_put_bytes(&m, 1, bytes, n) : 1;
		for (unsigned k = 0; k < ncaps; k++)
			tern_ipcbuf->caps[k] = cap;
		m.info = MSG_INFO(label, len, ncaps);
		ok += !tern_call(PROG_INIT, &m) && MSG_LABEL(m.info) == want;
	}
	return ok == times;
}

static void cap_flood(void)
{
	uint64_t junk = mint(srv, 0x70);
	check(flood(INIT_PS, 3, junk, 0, 0, 0, 0, FLOOD), "thousands of INIT_PS with three caps each");
	check(flood(INIT_MEM, 3, junk, 0, 0, 0, 0, 300), "INIT_MEM with caps");
	check(flood(INIT_SPAWN, 4, junk, 9, "/no/such\0", 9, E_BAD_ARG, 300), "INIT_SPAWN with four caps is refused");
	check(flood(INIT_SPAWN, 3, junk, 9 | 3ull << 32, "/no/such\0tmp", 12, E_BAD_ARG, 300),
	      "INIT_SPAWN with caps and a relative cwd is refused");
	check(flood(INIT_SPAWN, 3, junk, 9, "/no/such\0", 9, INIT_ENOENT, 300), "failed spawns with caps");
	check(flood(INIT_WATCH, 2, note, prog_info->id, 0, 0, E_BAD_ARG, 300), "INIT_WATCH with two caps is refused");
	check(flood(77, 3, junk, 0, 0, 0, E_BAD_SYSCALL, 300), "unknown requests with caps");
	/* None of those caps stayed in init: this child gets exactly ours. */
	const uint64_t io[3] = { mint(srv, 0x71), mint(srv, 0x72), 0 };
	long id = spawn("write", "after the flood", 0, io);
	char text[64] = "";
	struct tern_msg m = serve(text, sizeof(text));
	check(id > 0 && MSG_LABEL(m.info) == STREAM_WRITE && m.badge == 0x72 && !strcmp(text, "after the flood\n"),
	      "after the flood a child gets its own streams");
	const uint64_t badges[2] = { 0x71, 0x72 };
	check(closes(badges, 2, "the child after the flood"), "... and init closes them");
	check(status_of(id) == 0, "... and it exits");
	tern_cap_delete(junk, 0);
}

/* Closes to a server that never receives fill init's notice queue; a
 * client-gone notice to a busy provider must still get through. */
static void close_flood(void)
{
	uint64_t dead = create(CAP_ENDPOINT);
	uint64_t d = mint(dead, 0x80);
	const uint64_t io[3] = { d, d, d };
	int ok = 0;
	for (int i = 0; i < CLOSE_FLOOD; i++)
		ok += status_of(spawn("exit", 0, 0, io)) == 0;
	check(ok == CLOSE_FLOOD, "children whose streams' server never receives");
	long id = spawn("gone", 0, 0, 0);
	check(id > 0 && status_of(id) == 0, "a client of the busy gonewatch ends");
	int gone = 0;
	for (unsigned t = 0; t < POLL_MS && !gone; t += 50) {
		struct tern_msg m = { .info = MSG_INFO(WATCH_QUERY, 1, 0), .mr = { (uint64_t)id } };
		gone = !tern_call(IO_WATCH, &m) && !MSG_LABEL(m.info) && m.mr[1];
		if (!gone)
			tern_sleep_ms(50);
	}
	check(gone, "its client-gone notice is not pushed out by undelivered closes");
	const uint64_t console[3] = { PROG_STDIN, PROG_STDOUT, PROG_STDERR };
	check(status_of(spawn("write", "iotest child: init still spawns", 0, console)) == 0, "init still spawns");
}

int main(int argc, const char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "gone"))
		return gone_child();
	srv = create(CAP_ENDPOINT);
	note = create(CAP_NOTE);
	from_conf();
	streams();
	cwd_and_closes("/tmp/x", "/tmp/x", 0x50);
	cwd_and_closes(0, "/", 0x52);
	bad_cwd();
	watches();
	cap_flood();
	close_flood();
	printf("%d passed, %d failed\n", passed, failed);
	struct tern_msg m = { .info = MSG_INFO(INIT_POWEROFF, 0, 0) };
	tern_call(PROG_INIT, &m);
	return 0;
}
