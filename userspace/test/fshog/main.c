/*
 * fshog: a dead client must not keep what a server gave it. The attack:
 * a client opens as many fs handles as ramfs allows it and ends without
 * closing them; each such client takes its share, and after a few of them
 * nobody can open a file. The defence (proto/service.h): init tells every
 * provider a client used that it is gone, and the provider releases its
 * state.
 *
 *   fshog                 the check: runs HOG_ROUNDS hogs one after the
 *                         other, ending by exit, kill and fault in turn,
 *                         then checks a fresh client's share and notices
 *   fshog exit|kill|fault one hog: opens handles until refused, reports
 *                         the count to gonewatch, then exits, waits to be
 *                         killed, or faults
 *
 * gonewatch is slow on purpose (watch.h): it is busy when each hog ends,
 * so its notices only arrive if init queues and retries them.
 */
#include "../gonewatch/watch.h"
#include <proto/fs.h>
#include <proto/init.h>
#include <proto/service.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define HOG_FS      PROG_CAP(0)
#define HOG_WATCH   PROG_CAP(1)
#define HOG_ROUNDS  6           /* more than ramfs's 4 clients' worth of handles */
#define HOG_FILE    "/etc/motd"
#define HOG_MAX     1000        /* stop somewhere even if the server has no limit */
#define WAIT_MS     10000       /* for the watch's answers, which come late on purpose */

static int passed, failed;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "PASS" : "FAIL", what);
	ok ? passed++ : failed++;
}

static long watch_call(uint64_t label, struct tern_msg *m, unsigned len)
{
	m->info = MSG_INFO(label, len, 0);
	int err = tern_call(HOG_WATCH, m);
	return err ? -err : -(long)MSG_LABEL(m->info);
}

/* ---- one hog ------------------------------------------------------------ */

static int hog(const char *how)
{
	uint64_t n = 0;
	while (n < HOG_MAX && fs_open(HOG_FS, HOG_FILE, 0) >= 0)
		n++;
	struct tern_msg m = { .mr = { n } };
	watch_call(WATCH_HOLDING, &m, 1);
	printf("fshog: hog %lu holds %lu handles; ending by %s\n", prog_info->id, n, how);
	if (!strcmp(how, "kill"))
		for (;;)
			tern_sleep_ms(1000);
	if (!strcmp(how, "fault"))
		__asm__ volatile("ud2");        /* #UD: init reports it and ends us */
	return 0;
}

/* ---- the check ---------------------------------------------------------- */

/* What the watch knows of client id: handles it held, and whether it was
 * reported gone. Polls until want_gone is met (or the wait is over). */
static uint64_t watch_query(uint64_t id, int want_gone, int *gone)
{
	struct tern_msg m;
	for (unsigned ms = 0;; ms += 20) {
		m.mr[0] = id;
		if (watch_call(WATCH_QUERY, &m, 1))
			return WATCH_NONE;
		*gone = (int)m.mr[1];
		if (ms >= WAIT_MS || (want_gone ? *gone : m.mr[0] != WATCH_NONE))
			return m.mr[0];
		tern_sleep_ms(20);
	}
}

/* Run one hog to its end; the handles it held, or WATCH_NONE. */
static uint64_t round_run(unsigned round, const char *how, uint64_t *id)
{
	const char *argv[] = { "/test/fshog", how };
	long r = init_spawn(PROG_INIT, argv, 2);
	int gone;
	if (r < 0) {
		printf("fshog: round %u: spawn failed (%ld)\n", round, r);
		return WATCH_NONE;
	}
	*id = (uint64_t)r;
	if (!strcmp(how, "kill")) {
		watch_query(*id, 0, &gone);     /* it has opened all it could */
		init_kill(PROG_INIT, *id);
	}
	uint64_t status = 0;
	init_wait(PROG_INIT, *id, &status);
	return watch_query(*id, 0, &gone);
}

static void check_forged_notice(void)
{
	long h = fs_open(HOG_FS, HOG_FILE, 0);
	struct tern_msg m = { .info = MSG_INFO(SERVICE_CLIENT_GONE, 1, 0), .mr = { prog_info->id } };
	int err = tern_call(HOG_FS, &m);
	char buf[8];
	check(h >= 0 && (err || MSG_LABEL(m.info)) && fs_read_at(HOG_FS, (uint64_t)h, 0, buf, sizeof(buf)) > 0,
	      "a client-gone notice from a client is refused and releases nothing");
	if (h >= 0)
		fs_close(HOG_FS, (uint64_t)h);
}

static void check_all(void)
{
	static const char *const how[] = { "exit", "kill", "fault" };
	uint64_t ids[HOG_ROUNDS], share = 0;
	char what[96];
	for (unsigned i = 0; i < HOG_ROUNDS; i++) {
		uint64_t held = round_run(i + 1, how[i % 3], &ids[i]);
		if (i == 0)
			share = held;
		snprintf(what, sizeof(what), "hog %u (ends by %s) gets a full share of handles: %lu of %lu", i + 1,
			 how[i % 3], held, share);
		check(held != WATCH_NONE && held > 0 && held == share, what);
	}
	long h = fs_open(HOG_FS, HOG_FILE, 0);
	check(h >= 0, "after all the hogs a fresh client opens a file");
	if (h >= 0)
		fs_close(HOG_FS, (uint64_t)h);
	check_forged_notice();

	unsigned missing = 0;
	for (unsigned i = 0; i < HOG_ROUNDS; i++) {
		int gone = 0;
		watch_query(ids[i], 1, &gone);
		missing += !gone;
	}
	struct tern_msg m;
	watch_call(WATCH_GONE, &m, 0);
	snprintf(what, sizeof(what), "init told the busy watch of every ended hog (%u missing, %lu notices)",
		 missing, m.mr[0]);
	check(!missing && m.mr[0] == HOG_ROUNDS, what);
	/* A forged notice to the watch is refused by it, like ramfs does. */
	m = (struct tern_msg){ .info = MSG_INFO(SERVICE_CLIENT_GONE, 1, 0), .mr = { ids[0] } };
	tern_call(HOG_WATCH, &m);
}

int main(int argc, const char **argv)
{
	if (argc == 2)
		return hog(argv[1]);
	printf("fshog: dead clients must not keep their fs handles\n");
	check_all();
	printf("%d passed, %d failed\n", passed, failed);
	struct tern_msg m = { .info = MSG_INFO(INIT_POWEROFF, 0, 0) };
	tern_call(PROG_INIT, &m);
	return failed != 0;
}
