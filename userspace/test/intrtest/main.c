/*
 * intrtest: the terminals' side of the stream protocol (proto/stream.h),
 * checked from a client, on the serial console (drv/pcserial, or
 * drv/hostterm on PLATFORM=linux) and on the screen (drv/vgacon or
 * drv/fbcon, typed on through drv/ps2kbd).
 *
 *   intrtest          the checks below on the console alone, then power
 *                     off (terminal-intr-console.run, on both platforms)
 *   intrtest screen   the same, and the screen's: the screen is its
 *                     standard input (`start stdio=screen`, intr.conf),
 *                     so that its manifest asks only for what every
 *                     platform has (terminal-intr.run, uefi-terminal-intr.run)
 *   intrtest child    registers a ^C note on the console and exits
 *   intrtest input    registers "^C is my input" on the console, reads a
 *                     line there and exits 0 if the ^C in it was read
 *   intrtest drop     drops the console's ^C note (not its own) and exits
 *   intrtest com2     the same on COM2, its standard input (`start
 *                     stdio=serial1`), whose calls reach the
 *                     driver through its forwarders, with QEMU's COM2
 *                     looped back (intr-com2.run): what we write comes
 *                     back as input, ^C included
 *
 * It always prints on the console (service console), whatever its
 * standard streams are.
 *
 * What it checks: STREAM_INFO says terminal and STREAM_CLOSE changes
 * nothing; STREAM_INTR refuses a cap that is not a note (E_WRONG_TYPE), a
 * note it could not signal (E_NO_RIGHTS) and MR0 = 1 without a cap
 * (E_BAD_ARG), as it does MR0 = 3 and a cap with MR0 = 2; many
 * registrations, and many caps sent with requests that take none, leave
 * the server able to keep the next one (no slot leak); while registered,
 * a ^C typed is signalled (with the badge of the note cap sent) and not
 * read; after dropping it is input again. Registrations stack: a child
 * that registers over ours and ends leaves ours in force, and a child
 * that registers "^C is my input" over ours reads the ^C itself. ("\n" going out as "\r\n"
 * is checked by ci/unit/test_pcserial.c and, through a real UART, by
 * serial-com2.run's loopback.)
 *
 * Each check prints "intrtest: ok ..." or "intrtest: FAIL ..."; the last
 * line is "N passed, N failed" for the run tool's `report`. When it waits
 * for the scenario to type, it says "intrtest: type ..." first.
 */
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define CON         PROG_CAP(0)         /* the serial console */
#define SCREEN      PROG_STDIN          /* intrtest screen: the screen terminal */
#define NOTE        PROG_CAP(2)
#define COM2        PROG_STDIN          /* intrtest com2: serial1 */
#define BADGE       0x40ull             /* the bits our registered note cap signals */
#define WAIT_MS     20000               /* for the scenario to type, under TCG */
#define MANY        300                 /* more than pcserial's and vgacon's slots */

static int passed, failed;

static void to_console(const char *s, size_t n) { stream_write(CON, s, n); }

static void check(int ok, const char *what, long got)
{
	if (ok)
		passed++;
	else
		failed++;
	printf("intrtest: %s %s (%ld)\n", ok ? "ok" : "FAIL", what, got);
}

/* A STREAM_INTR made by hand: MR0 and whether a cap goes with it. */
static long intr_raw(uint64_t ep, uint64_t mr0, uint64_t cap)
{
	struct tern_msg m = { .info = MSG_INFO(STREAM_INTR, 1, cap ? 1 : 0), .mr = { mr0 } };
	tern_ipcbuf->caps[0] = cap;
	int err = tern_call(ep, &m);
	return err ? -err : -(long)MSG_LABEL(m.info);
}

/* A request that takes no cap, sent with one (the server must drop it). */
static long poll_with_cap(uint64_t ep, uint64_t cap)
{
	struct tern_msg m = { .info = MSG_INFO(STREAM_POLL, 0, 1) };
	tern_ipcbuf->caps[0] = cap;
	int err = tern_call(ep, &m);
	return err ? -err : -(long)MSG_LABEL(m.info);
}

/* Bits the note got within ms (0: none). */
static uint64_t note_within(uint64_t note, unsigned ms)
{
	uint64_t bits = 0;
	for (unsigned t = 0; t < ms && !bits; t += 50) {
		tern_poll(note, &bits);
		if (!bits)
			tern_sleep_ms(50);
	}
	return bits;
}

/* Read one line (up to '\r') from a terminal into buf, NUL-terminated. */
static long read_line(uint64_t ep, char *buf, size_t max)
{
	size_t n = 0;
	while (n + 1 < max) {
		long k = stream_read(ep, buf + n, max - 1 - n);
		if (k <= 0)
			return k;
		n += (size_t)k;
		if (memchr(buf, '\r', n))
			break;
	}
	buf[n] = '\0';
	char *cr = memchr(buf, '\r', n);
	if (cr)
		*cr = '\0';
	return (long)n;
}

/* The hostile requests and the slot-leak check, on terminal ep. */
static void refusals(const char *name, uint64_t ep, uint64_t note, uint64_t ronote)
{
	char what[80];
	long r = stream_info(ep);
	snprintf(what, sizeof(what), "%s: STREAM_INFO is terminal", name);
	check(r == STREAM_KIND_TERMINAL, what, r);
	r = stream_close(ep);
	snprintf(what, sizeof(what), "%s: STREAM_CLOSE answers 0", name);
	check(r == 0, what, r);
	r = stream_poll(ep);
	snprintf(what, sizeof(what), "%s: still served after STREAM_CLOSE", name);
	check(r >= 0, what, r);
	r = intr_raw(ep, 1, CON);
	snprintf(what, sizeof(what), "%s: an endpoint for a note is E_WRONG_TYPE", name);
	check(r == -E_WRONG_TYPE, what, r);
	r = intr_raw(ep, 1, ronote);
	snprintf(what, sizeof(what), "%s: a note it cannot signal is E_NO_RIGHTS", name);
	check(r == -E_NO_RIGHTS, what, r);
	r = intr_raw(ep, 1, 0);
	snprintf(what, sizeof(what), "%s: MR0 = 1 without a cap is E_BAD_ARG", name);
	check(r == -E_BAD_ARG, what, r);
	r = intr_raw(ep, 3, 0);
	snprintf(what, sizeof(what), "%s: MR0 = 3 is E_BAD_ARG", name);
	check(r == -E_BAD_ARG, what, r);
	r = intr_raw(ep, 2, note);
	snprintf(what, sizeof(what), "%s: MR0 = 2 with a cap is E_BAD_ARG", name);
	check(r == -E_BAD_ARG, what, r);
	long bad = 0;
	for (int i = 0; i < MANY; i++) {
		if ((r = stream_intr(ep, note)) != 0)
			bad = r;
		if ((r = poll_with_cap(ep, note)) < 0)
			bad = r;
	}
	snprintf(what, sizeof(what), "%s: %d registrations and %d stray caps", name, MANY, MANY);
	check(bad == 0, what, bad);
}

/* Registered: ^C is a signal; dropped: it is input. The scenario types
 * "a^Cb\r" (or sends ^C keys) when asked. */
static void ctrl_c(const char *name, uint64_t ep, uint64_t note)
{
	char what[80], line[64];
	uint64_t bits;
	tern_poll(note, &bits);
	long r = stream_intr(ep, note);
	snprintf(what, sizeof(what), "%s: registered", name);
	check(r == 0, what, r);
	if (ep == CON) {        /* another client's drop leaves ours in place */
		const char *args[] = { "/test/intrtest", "drop" };
		uint64_t status = 1;
		long id = init_spawn(PROG_INIT, args, 2);
		long w = id < 0 ? id : init_wait(PROG_INIT, (uint64_t)id, &status);
		check(w >= 0 && status == 0, "console: another client's drop is answered 0", w ? w : (long)status);
	}
	printf("intrtest: type on %s: a ^C b\n", name);
	bits = note_within(note, WAIT_MS);
	snprintf(what, sizeof(what), "%s: ^C signalled the note with its badge", name);
	check(bits == BADGE, what, (long)bits);
	r = read_line(ep, line, sizeof(line));
	snprintf(what, sizeof(what), "%s: ^C was not input (\"ab\")", name);
	check(r > 0 && !strcmp(line, "ab"), what, r);

	r = stream_intr(ep, 0);
	snprintf(what, sizeof(what), "%s: dropped", name);
	check(r == 0, what, r);
	printf("intrtest: type on %s again: c ^C d\n", name);
	r = read_line(ep, line, sizeof(line));
	snprintf(what, sizeof(what), "%s: after dropping, ^C is input", name);
	check(r > 0 && !strcmp(line, "c\x03" "d"), what, r);
	bits = 0;
	tern_poll(note, &bits);
	snprintf(what, sizeof(what), "%s: and no signal", name);
	check(bits == 0, what, (long)bits);
}

/* Run intrtest MODE as a child and wait for it: its exit status, or 1. */
static uint64_t child(const char *mode)
{
	const char *argv[] = { "/test/intrtest", mode };
	uint64_t status = 1;
	long id = init_spawn(PROG_INIT, argv, 2);
	if (id < 0 || init_wait(PROG_INIT, (uint64_t)id, &status) < 0)
		return 1;
	return status;
}

/* Registrations stack. A child registers over ours and ends: init's
 * client-gone notice drops its registration and ours decides again. A
 * child that registers "^C is my input" over ours reads ^C itself. */
static void nested(uint64_t note)
{
	char line[64];
	uint64_t bits = 0;
	long r = stream_intr(CON, note);
	check(r == 0, "console: registered under the children", r);
	check(child("child") == 0, "console: a child registered over ours and ended", 0);
	tern_sleep_ms(500);     /* init's notice reaches pcserial */
	tern_poll(note, &bits);
	printf("intrtest: type on the console after the child: e ^C f\n");
	bits = note_within(note, WAIT_MS);
	check(bits == BADGE, "console: ours decides again after the child's ended", (long)bits);
	r = read_line(CON, line, sizeof(line));
	check(r > 0 && !strcmp(line, "ef"), "console: and ^C was not input", r);
	/* the child prints the prompt for the scenario itself */
	check(child("input") == 0, "console: a child registered as input read the ^C", 0);
	bits = 0;
	tern_poll(note, &bits);
	check(bits == 0, "console: and our note was not signalled", (long)bits);
	r = stream_intr(CON, 0);
	check(r == 0, "console: dropped ours", r);
}

/* intrtest input: "^C is my input" over the parent's note. */
static int input_child(void)
{
	char line[64];
	if (intr_raw(CON, 2, 0))
		return 1;
	printf("intrtest: type on the console in the child: g ^C h\n");
	long r = read_line(CON, line, sizeof(line));
	return r > 0 && !strcmp(line, "g\x03" "h") ? 0 : 1;
}

/* COM2 looped back: we type by writing. The registration must reach
 * the driver through the forwarders with its cap. */
static void com2(uint64_t note, uint64_t ronote)
{
	char line[64];
	uint64_t bits;
	long r = intr_raw(COM2, 1, CON);
	check(r == -E_WRONG_TYPE, "com2: an endpoint for a note is E_WRONG_TYPE", r);
	r = intr_raw(COM2, 1, ronote);
	check(r == -E_NO_RIGHTS, "com2: a note it cannot signal is E_NO_RIGHTS", r);
	long bad = 0;
	for (int i = 0; i < MANY; i++) {
		if ((r = stream_intr(COM2, note)) != 0)
			bad = r;
		if ((r = poll_with_cap(COM2, note)) < 0)
			bad = r;
	}
	check(bad == 0, "com2: registrations and stray caps through the forwarders", bad);
	tern_poll(note, &bits);
	r = stream_write(COM2, "a\x03" "b\r", 4);
	bits = note_within(note, WAIT_MS);
	check(bits == BADGE, "com2: ^C signalled the note", (long)bits);
	r = read_line(COM2, line, sizeof(line));
	check(r > 0 && !strcmp(line, "ab"), "com2: ^C was not input", r);
	r = stream_intr(COM2, 0);
	check(r == 0, "com2: dropped", r);
	stream_write(COM2, "c\x03" "d\r", 4);
	r = read_line(COM2, line, sizeof(line));
	check(r > 0 && !strcmp(line, "c\x03" "d"), "com2: after dropping, ^C is input", r);
	bits = 0;
	tern_poll(note, &bits);
	check(bits == 0, "com2: and no signal", (long)bits);
}

int main(int argc, const char **argv)
{
	stdio_write = to_console;
	if (argc == 2 && !strcmp(argv[1], "child"))
		return stream_intr(CON, NOTE) == 0 ? 0 : 1;
	if (argc == 2 && !strcmp(argv[1], "input"))
		return input_child();
	if (argc == 2 && !strcmp(argv[1], "drop"))
		return stream_intr(CON, 0) == 0 ? 0 : 1;
	int com2_only = argc == 2 && !strcmp(argv[1], "com2");
	int screen = argc == 2 && !strcmp(argv[1], "screen");
	uint64_t note = slot_alloc(), ronote = slot_alloc();
	if (!note || !ronote || tern_cap_mint(NOTE, 0, note, RIGHT_READ | RIGHT_WRITE, BADGE, 0) ||
	    tern_cap_mint(NOTE, 0, ronote, RIGHT_READ, BADGE, 0)) {
		printf("intrtest: cannot make the note caps\n");
		return 1;
	}
	if (com2_only) {
		com2(note, ronote);
	} else {
		refusals("console", CON, note, ronote);
		if (screen)
			refusals("screen", SCREEN, note, ronote);
		ctrl_c("console", CON, note);
		nested(note);
		if (screen)
			ctrl_c("screen", SCREEN, note);
	}
	printf("%d passed, %d failed\n", passed, failed);
	struct tern_msg m = { .info = MSG_INFO(INIT_POWEROFF, 0, 0) };
	tern_call(PROG_INIT, &m);
	return 0;
}
