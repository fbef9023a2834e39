/*
 * getty: keeps a shell on a terminal. The terminal is its standard
 * streams (tern/program.h: init gives a [program] from init.conf the
 * console, or the service its `start stdio=NAME` line names). It prints a
 * banner and the message of the day (/etc/motd) there, asks init to run
 * /bin/sh with the same three streams, waits for it to end, and starts it
 * again. A shell that keeps dying at once (a broken /bin/sh, no memory)
 * must not flood the line, so after a few quick deaths in a row getty
 * pauses, longer each time, up to 10 s.
 *
 *   getty [-t] [-p] [TERMINAL]  the banner says "on TERMINAL console"
 *                      (default: the terminal's own name, STREAM_INFO:
 *                      serial, serial1, screen); -t starts the shell as
 *                      sh -t (its time stamp counter at the first prompt,
 *                      for make bench: init.conf's ${getty}); -p powers
 *                      the machine off when the shell ends, instead of
 *                      starting another (tern hosted on Linux, where the
 *                      console is the developer's own terminal and ^D or
 *                      the end of piped input means "done": init.conf's
 *                      ${console_end}, docs/hosted.md); not when the
 *                      shell faulted or its terminal failed under it
 *                      (INIT_STATUS_TERMINAL_LOST). Empty words are
 *                      skipped (init.conf's ${NAME:-} when NAME is unset).
 *
 * Manifest slots: 0 the file system.
 */
#include <proto/fs.h>
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define GETTY_FS      PROG_CAP(0)
#define GETTY_QUICK_NS 2000000000ull    /* a shell that lived less than 2 s died "quickly" */

/* Write to the terminal, '\n' as "\r\n". */
static void getty_put(const char *s, size_t n)
{
	stream_write_text(PROG_STDOUT, s, n);
}

static void getty_say(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	getty_put(s, n);
}

static void getty_motd(void)
{
	char buf[FS_IO_MAX];
	long h = fs_open(GETTY_FS, "/etc/motd", 0), n;
	uint64_t off = 0;
	if (h < 0)
		return;
	while ((n = fs_read_at(GETTY_FS, (uint64_t)h, off, buf, sizeof(buf))) > 0) {
		getty_put(buf, (size_t)n);
		off += (uint64_t)n;
	}
	fs_close(GETTY_FS, (uint64_t)h);
}

/* Run one shell to its end, on our terminal: its exit status, or -1 if
 * it could not be started. */
static int getty_shell(int tsc)
{
	const char *const argv[] = { "/bin/sh", "-t", 0 };
	/* Our streams as the shell's, as far as we have them (the list
	 * ends at the first empty slot). */
	uint64_t io[3] = { 0 };
	struct tern_capinfo ci;
	for (int i = 0; i < 3 && !tern_cap_identify(PROG_STDIN + (uint64_t)i, &ci); i++)
		io[i] = PROG_STDIN + (uint64_t)i;
	uint64_t status;
	long id = init_spawn_io(PROG_INIT, argv, tsc ? 2 : 1, "/", io);
	if (id < 0) {
		getty_say("getty: cannot start /bin/sh\n");
		return -1;
	}
	if (init_wait(PROG_INIT, (uint64_t)id, &status) < 0)
		return -1;
	if (status & INIT_STATUS_FAULT)
		getty_say("getty: the shell faulted\n");
	return (int)status;
}

int main(int argc, const char **argv)
{
	unsigned quick = 0;
	int tsc = 0, end_power = 0;
	const char *term = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-t"))
			tsc = 1;
		else if (!strcmp(argv[i], "-p"))
			end_power = 1;
		else if (argv[i][0] && !term)
			term = argv[i];
	}
	/* One write, so that no other output comes between its words. */
	char banner[80], name[9] = "serial";
	if (!term)
		stream_terminal_name(PROG_STDOUT, name);
	snprintf(banner, sizeof(banner), "\ntern 0.1 on %s console\n\n", term ? term : name);
	for (;;) {
		getty_say(banner);
		getty_motd();
		uint64_t t0 = tern_uptime_ns();
		int st = getty_shell(tsc), err = st < 0;
		tsc = 0;        /* only the first shell's prompt is the boot's */
		/* -p: the shell's own end (^D, input that ended, exit) is the
		 * user's "done"; a shell that faulted or lost its terminal (the
		 * driver died: init restarts it) is started again, as on a PC. */
		if (end_power && st >= 0 && !(st & INIT_STATUS_FAULT) && st != INIT_STATUS_TERMINAL_LOST) {
			long r = init_power(PROG_INIT, INIT_POWEROFF);
			char why[80];
			snprintf(why, sizeof(why), "getty: cannot power off: %s\n", r ? init_strerror(-r) : "init did not do it");
			getty_say(why);
		}
		quick = err || tern_uptime_ns() - t0 < GETTY_QUICK_NS ? quick + 1 : 0;
		if (quick >= 3) {
			unsigned secs = quick - 2 < 10 ? quick - 2 : 10;
			getty_say("getty: the shell keeps ending at once; waiting\n");
			tern_sleep_ms(secs * 1000ull);
		}
	}
}
