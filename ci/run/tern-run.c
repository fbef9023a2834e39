/*
 * tern-run: boot tern in QEMU, drive its serial console, judge the output.
 * A Genode-style run tool: a scenario file says how to boot and what to
 * expect; we start QEMU with the serial line on a pipe, log everything,
 * wait for regular expressions with timeouts, type input, and print a
 * verdict. On failure we show why and the tail of the log.
 *
 * Scenario lines (one command each, '#' starts a comment line):
 *   boot ARG...            start QEMU with the common flags plus ARGs
 *   wrap ARG...            run QEMU under this command (e.g. ip netns exec N)
 *   timeout SECONDS        default for expect/exit (scaled under TCG)
 *   expect [SECS] REGEX    wait for REGEX (POSIX ERE, per line) after the cursor
 *   reject REGEX           fail if REGEX ever shows up in the output
 *   allow REGEX            a death line (below) matching REGEX is expected:
 *                          it does not end the scenario (give it before boot)
 *   send TEXT              type TEXT (escapes: \r \n \t \e \\ \xHH)
 *   send-file PATH         type the bytes of a file
 *   sleep MS               pause
 *   exit STATUS [SECS]     wait for QEMU to end with STATUS ("ok" = power-off,
 *                          or N = isa-debug-exit code N); on a lab machine
 *                          "ok" is tern's power-off line on the console
 *   report [SECS]          wait for the guest's "N passed, N failed" line;
 *                          its counts become ours
 *   capture NAME [SECS] REGEX  like expect, and sets ${NAME} to the first
 *                          parenthesised group of the match; only lines
 *                          whose newline has come count (expect also
 *                          matches a line still arriving, as a prompt)
 *   mark NAME              print "mark NAME MS" (ms since boot), for benchmarks
 *   serial SPEC...         before boot: QEMU's serial lines, COM1 first, as
 *                          -serial SPEC each (default: one, "stdio"); the
 *                          line that is "stdio" is the one we read and type on
 *   debug-exit off         before boot: no isa-debug-exit device, so a guest
 *                          that fails halts (with its screen) instead of
 *                          ending QEMU; the scenario waits for its last line
 *   reject-file PATH REGEX fail if a line of the file PATH matches REGEX
 *                          (e.g. a serial line a scenario sent to a file)
 * The screen and keyboard. A scenario that uses screen-* or sendkey gets a
 * QEMU monitor on a UNIX socket of ours instead of `-monitor none`. A VGA
 * text screen is read as 80x25 cells from 0xB8000 with the monitor's
 * `xp /4000bx 0xb8000` (every other byte is a character); a framebuffer
 * (`screen framebuffer`) from a screendump, cell by cell.
 *   screen text|framebuffer  how the screen is read from here on: VGA text
 *                          (the default), or a framebuffer (UEFI): the
 *                          screendump's 8x16 cells matched against the
 *                          glyphs of the kernel's font (font8x16.c)
 *   screen-expect [SECS] REGEX  wait until a line of the screen matches
 *                          REGEX (polled; no cursor: the screen changes)
 *   screen-reject REGEX    fail if a line of the screen matches REGEX now
 *   screen-save NAME       write the screen's text to LOGS/NAME.screen.txt
 *                          and its picture (monitor screendump, converted
 *                          by png.c) to LOGS/NAME.png, LOGS being
 *                          ${BUILD}/ci/logs (BUILD defaults to "build")
 *   sendkey KEY...         press keys on the PS/2 keyboard, one after the
 *                          other (monitor sendkey names: a, shift-a, ret,
 *                          esc, spc, f12, ctrl-alt-delete, ...)
 * Arguments are split on blanks; "double quotes" group; ${NAME} expands
 * from the environment or NAME=VALUE words given on our command line.
 *
 * Deaths end a scenario at once, as a failure with the line as the reason,
 * instead of letting it wait out its timeout: a kernel panic, a task the
 * kernel killed because it had no fault handler, and init's reports that a
 * program faulted ("stopped: ...") or that it gave up restarting a driver
 * (death_patterns below). Scenarios that provoke such deaths on purpose
 * list them with `allow`.
 *
 * Lab machines (--lab LAB.ini, docs/lab.md): the same interpreter with a
 * lab machine as the target (lab_target.c, run.h): `boot` writes its
 * PXE entries, starts its console command and runs power_on; `exit ok`
 * waits for tern's power-off line. lab.c runs the machines in parallel,
 * refusing lines only QEMU can do (labboot.c), and prints a table.
 *
 * tern hosted on Linux (--hosted TERN_LINUX, docs/hosted.md): tern-linux
 * on a pty is the target (hosted_target.c); `boot`'s -initrd is its
 * initramfs and -append its command line, `exit ok` its status 0, and a
 * line only QEMU can do (serial, screen, sendkey, debug-exit, wrap, other
 * boot options) fails the scenario with the reason.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <regex.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "run.h"

#define TAIL_LINES 40

static char **vars;
static int nvars;
static char *captured[32];              /* "NAME=VALUE" set by capture */
static int ncaptured;

static pid_t qemu_group;
static struct run *signal_run;

/* Never leave a QEMU behind: Ctrl-C or a CI timeout on us stops it too.
 * A lab machine is powered off and its boot entry removed. */
static void on_signal(int sig)
{
	static volatile sig_atomic_t ending;
	if (ending)
		return;         /* a second signal while the first one cleans up */
	ending = 1;
	if (signal_run && signal_run->lab)
		lab_stop(signal_run);
	if (signal_run && signal_run->result_fd >= 0)
		dprintf(signal_run->result_fd, "fail\t%d\t%d\t%d\tstopped by signal %d\n", signal_run->passed,
			signal_run->failed + 1, signal_run->line, sig);
	if (qemu_group > 0)
		kill(-qemu_group, SIGKILL);
	signal(sig, SIG_DFL);
	raise(sig);
}

void set_signal_target(struct run *r)
{
	signal_run = r;
	qemu_group = r->qemu;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
}

void set_vars(char **v, int n)
{
	vars = v;
	nvars = n;
}

double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *var_get(const char *name, size_t n)
{
	for (int i = ncaptured - 1; i >= 0; i--)
		if (!strncmp(captured[i], name, n) && captured[i][n] == '=')
			return captured[i] + n + 1;
	for (int i = 0; i < nvars; i++)
		if (!strncmp(vars[i], name, n) && vars[i][n] == '=')
			return vars[i] + n + 1;
	char key[128];
	if (n >= sizeof(key))
		return "";
	memcpy(key, name, n);
	key[n] = '\0';
	const char *v = getenv(key);
	return v ? v : "";
}

int split(const char *s, char **argv)
{
	int argc = 0;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || argc == MAX_ARGS - 1)
			break;
		char buf[4096];
		size_t n = 0;
		int quoted = 0;
		while (*s && (quoted || (*s != ' ' && *s != '\t')) && n < sizeof(buf) - 1) {
			if (*s == '"') {
				quoted = !quoted;
				s++;
			} else if (s[0] == '$' && s[1] == '{' && strchr(s, '}')) {
				const char *e = strchr(s, '}');
				const char *v = var_get(s + 2, (size_t)(e - s - 2));
				while (*v && n < sizeof(buf) - 1)
					buf[n++] = *v++;
				s = e + 1;
			} else {
				buf[n++] = *s++;
			}
		}
		buf[n] = '\0';
		argv[argc++] = strdup(buf);
	}
	argv[argc] = 0;
	return argc;
}

/* The text after the command word, with ${VAR} expanded, quotes kept. */
static char *rest_of(const char *line, int skip_words)
{
	const char *s = line;
	for (int i = 0; i < skip_words; i++) {
		while (*s == ' ' || *s == '\t')
			s++;
		while (*s && *s != ' ' && *s != '\t')
			s++;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	char *out = malloc(strlen(s) * 4 + 4096);
	size_t n = 0;
	while (*s) {
		const char *e;
		if (s[0] == '$' && s[1] == '{' && (e = strchr(s, '}'))) {
			const char *v = var_get(s + 2, (size_t)(e - s - 2));
			n += (size_t)sprintf(out + n, "%s", v);
			s = e + 1;
		} else {
			out[n++] = *s++;
		}
	}
	out[n] = '\0';
	/* Drop one pair of surrounding quotes. */
	if (n >= 2 && out[0] == '"' && out[n - 1] == '"') {
		memmove(out, out + 1, n - 2);
		out[n - 2] = '\0';
	}
	return out;
}

static void show_tail(struct run *r)
{
	size_t start = r->len;
	int lines = 0;
	while (start > 0 && lines <= TAIL_LINES)
		if (r->out[--start] == '\n')
			lines++;
	fprintf(stdout, "---- last %d lines of the serial log ----\n", TAIL_LINES);
	fwrite(r->out + start, 1, r->len - start, stdout);
	if (r->len && r->out[r->len - 1] != '\n')
		fputc('\n', stdout);
	fprintf(stdout, "---- end of log ----\n");
}

static void stop_qemu(struct run *r)
{
	if (r->qemu > 0 && !r->exited) {
		kill(-r->qemu, SIGTERM);
		for (int i = 0; i < 50; i++) {
			if (waitpid(r->qemu, &r->status, WNOHANG) == r->qemu) {
				r->exited = 1;
				return;
			}
			usleep(20000);
		}
		kill(-r->qemu, SIGKILL);
		waitpid(r->qemu, &r->status, 0);
		r->exited = 1;
	}
}

void finish(struct run *r, int ok, const char *fmt, ...)
{
	char why[1024] = "";
	if (r->lab)
		lab_stop(r);
	else
		stop_qemu(r);
	monitor_cleanup(r);
	if (!ok) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(why, sizeof(why), fmt, ap);
		va_end(ap);
		printf("FAIL %s:%d: %s\n", r->scenario, r->line, why);
		show_tail(r);
		r->failed++;
	} else if (!r->reported) {
		r->passed++;
	}
	if (r->result_fd >= 0)
		dprintf(r->result_fd, "%s\t%d\t%d\t%d\t%s\n", lab_verdict(r, ok), r->passed, r->failed, r->line,
			why);
	printf("%s: %s (%.1f s)\n", ok ? "PASS" : "FAIL", r->scenario, now() - r->t0);
	printf("%d passed, %d failed\n", r->passed, r->failed);
	if (r->log)
		fclose(r->log);
	exit(ok ? 0 : 1);
}

static void append(struct run *r, const char *buf, size_t n)
{
	if (r->log) {
		fwrite(buf, 1, n, r->log);
		fflush(r->log);
	}
	if (r->verbose)
		fwrite(buf, 1, n, stderr);
	for (size_t i = 0; i < n; i++) {
		if (buf[i] == '\r' || buf[i] == '\0')
			continue;
		if (r->len + 2 > r->cap) {
			r->cap = r->cap ? r->cap * 2 : 65536;
			r->out = realloc(r->out, r->cap);
		}
		r->out[r->len++] = buf[i];
	}
	r->out[r->len] = '\0';
}


static void check_rejects(struct run *r)
{
	static int rejected;
	for (int i = 0; i < r->nreject && !rejected; i++) {
		if (regexec(&r->rejects[i], r->out, 0, 0, 0))
			continue;
		/* Keep reading a moment so the log shows the whole report. */
		rejected = 1;
		double end = now() + 1.0;
		while (now() < end && pump(r, end - now()))
			;
		finish(r, 0, "output matched rejected pattern /%s/", r->reject_src[i]);
	}
}

/* Lines that mean something died (see the header). */
static const char *const death_patterns[] = {
	"KERNEL PANIC",
	"^fault: task [0-9]+ \\(.*\\) has no fault handler; killed",
	"^init: .* \\(id [0-9]+\\) stopped: ",
	"^init: .* died [0-9]+ times; giving up$",
};
#define NDEATH (sizeof(death_patterns) / sizeof(death_patterns[0]))

static int line_matches(regex_t *re, const char *line)
{
	return !regexec(re, line, 0, 0, 0);
}

/* Check each complete line not checked before (all of it once QEMU is gone). */
static void check_deaths(struct run *r)
{
	static regex_t deaths[NDEATH];
	static int compiled, died;
	if (!compiled) {
		for (size_t i = 0; i < NDEATH; i++)
			if (regcomp(&deaths[i], death_patterns[i], REG_EXTENDED | REG_NEWLINE))
				finish(r, 0, "bad built-in death pattern /%s/", death_patterns[i]);
		compiled = 1;
	}
	while (!died && r->death_scan < r->len) {
		char *start = r->out + r->death_scan, *nl = strchr(start, '\n');
		if (!nl && !r->exited)
			return;
		size_t n = nl ? (size_t)(nl - start) : strlen(start);
		r->death_scan += n + (nl != 0);
		char *line = strndup(start, n);
		int dead = 0;
		for (size_t i = 0; i < NDEATH && !dead; i++)
			dead = line_matches(&deaths[i], line);
		for (int i = 0; i < r->nallow && dead; i++)
			dead = !line_matches(&r->allows[i], line);
		if (dead) {
			/* Keep reading a moment so the log shows the whole report. */
			died = 1;
			double end = now() + 1.0;
			while (now() < end && pump(r, end - now()))
				;
			finish(r, 0, "died: %s", line);
		}
		free(line);
	}
}

/* Read what QEMU printed, for up to `wait` seconds. Returns 0 once QEMU is gone. */
int pump(struct run *r, double wait)
{
	if (r->exited)
		return 0;
	struct pollfd p = { r->from_guest, POLLIN, 0 };
	int ms = wait < 0 ? 0 : (int)(wait * 1000);
	int n = poll(&p, 1, ms);
	if (n > 0) {
		char buf[8192];
		ssize_t got = read(r->from_guest, buf, sizeof(buf));
		if (got > 0) {
			append(r, buf, (size_t)got);
			check_rejects(r);
			check_deaths(r);
			return 1;
		}
		/* A lab console may end its output before its process (lab_stop ends it). */
		if (!r->lab)
			waitpid(r->qemu, &r->status, 0);
		r->exited = 1;
		return 0;
	}
	if (waitpid(r->qemu, &r->status, WNOHANG) == r->qemu) {
		/* Drain anything still in the pipe. */
		char buf[8192];
		ssize_t got;
		fcntl(r->from_guest, F_SETFL, O_NONBLOCK);
		while ((got = read(r->from_guest, buf, sizeof(buf))) > 0)
			append(r, buf, (size_t)got);
		r->exited = 1;
		check_rejects(r);
		check_deaths(r);
		return 0;
	}
	return 1;
}

/* ACCEL from the environment (make and ci/accel.sh set it), else TCG:
 * /dev/kvm alone does not prove KVM runs tern (see ci/accel.sh). */
static const char *accel(void)
{
	const char *a = getenv("ACCEL");
	return a && *a ? a : "tcg";
}

const char *run_mem_default(void)
{
	const char *mem = getenv("QEMU_MEM");
	return mem && *mem ? mem : "256";
}

static void boot(struct run *r, char **args, int nargs)
{
	char *argv[MAX_ARGS * 2];
	int n = 0;
	for (int i = 0; i < r->nwrap; i++)
		argv[n++] = r->wrap[i];
	const char *qemu = getenv("QEMU");
	static char accel_arg[64];
	snprintf(accel_arg, sizeof(accel_arg), "%s", accel());
	argv[n++] = (char *)(qemu && *qemu ? qemu : "qemu-system-x86_64");
	argv[n++] = "-accel";
	argv[n++] = accel_arg;
	int has_mem = 0;
	for (int i = 0; i < nargs; i++)
		has_mem |= !strcmp(args[i], "-m");
	if (!has_mem) {
		argv[n++] = "-m";
		argv[n++] = (char *)run_mem_default();
	}
	argv[n++] = "-display";
	argv[n++] = "none";
	if (!r->nserial)
		r->serial[r->nserial++] = "stdio";
	for (int i = 0; i < r->nserial; i++) {
		argv[n++] = "-serial";
		argv[n++] = r->serial[i];
	}
	static char monitor_arg[160];
	argv[n++] = "-monitor";
	argv[n++] = "none";
	if (r->want_monitor) {
		snprintf(r->mondir, sizeof(r->mondir), "/tmp/tern-run.XXXXXX");
		if (!mkdtemp(r->mondir)) {
			r->mondir[0] = '\0';
			finish(r, 0, "mkdtemp: %s", strerror(errno));
		}
		snprintf(monitor_arg, sizeof(monitor_arg), "unix:%s/mon.sock,server=on,wait=off", r->mondir);
		argv[n - 1] = monitor_arg;
	}
	argv[n++] = "-no-reboot";
	if (!r->no_debug_exit) {
		argv[n++] = "-device";
		argv[n++] = "isa-debug-exit,iobase=0xf4,iosize=0x04";
	}
	for (int i = 0; i < nargs && n < MAX_ARGS * 2 - 1; i++)
		argv[n++] = args[i];
	argv[n] = 0;
	if (!strcmp(accel_arg, "tcg") && r->scale < 3)
		r->scale = 3;

	int in[2], out[2];
	if (pipe(in) || pipe(out))
		finish(r, 0, "pipe: %s", strerror(errno));
	if (r->log) {
		fprintf(r->log, "# tern-run:");
		for (int i = 0; argv[i]; i++)
			fprintf(r->log, " %s", argv[i]);
		fprintf(r->log, "\n");
	}
	r->t0 = now();
	r->qemu = fork();
	if (r->qemu == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		/* QEMU's own messages go into the log too, marked by where they come from. */
		dup2(out[1], 2);
		close(in[1]);
		close(out[0]);
		setpgid(0, 0);
		execvp(argv[0], argv);
		fprintf(stderr, "tern-run: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	setpgid(r->qemu, r->qemu);
	set_signal_target(r);
	close(in[0]);
	close(out[1]);
	r->to_guest = in[1];
	r->from_guest = out[0];
	signal(SIGPIPE, SIG_IGN);
}

/* Wait for pattern; the match (and its first group, if any) goes into m[0..1]. */
/* regexec after the cursor; whole: only up to the last newline that came. */
static int match_upto(struct run *r, regex_t *re, regmatch_t *m, int whole)
{
	size_t end = r->len;
	if (!r->out)
		return REG_NOMATCH;
	if (whole)
		while (end > r->cursor && r->out[end - 1] != '\n')
			end--;
	char keep = r->out[end];
	r->out[end] = '\0';
	int err = regexec(re, r->out + r->cursor, 2, m, 0);
	r->out[end] = keep;
	return err;
}

/*
 * Wait for pattern after the cursor. whole: only in lines whose newline
 * has come. Output is matched as it arrives, and `$` also matches at the
 * end of what has arrived so far; `expect` relies on that (a prompt ends
 * without a newline), but a capture must not take the "1" of a "10" whose
 * "0" is still on its way (it once did, and the scenario then waited for
 * a line that never came).
 */
static void expect_m(struct run *r, double secs, const char *pattern, regmatch_t *m2, size_t *base,
		     int whole)
{
	regex_t re;
	int err = regcomp(&re, pattern, REG_EXTENDED | REG_NEWLINE);
	if (err) {
		char msg[256];
		regerror(err, &re, msg, sizeof(msg));
		finish(r, 0, "bad regular expression /%s/: %s", pattern, msg);
	}
	double end = now() + secs * r->scale;
	for (;;) {
		regmatch_t m[2];
		if (r->cursor <= r->len && !match_upto(r, &re, m, whole)) {
			*base = r->cursor;
			m2[0] = m[0];
			m2[1] = m[1];
			r->cursor += (size_t)m[0].rm_eo;
			regfree(&re);
			return;
		}
		double left = end - now();
		if (left <= 0)
			finish(r, 0, "timed out after %.0f s waiting for /%s/", secs * r->scale, pattern);
		if (!pump(r, left > 0.2 ? 0.2 : left) && r->exited) {
			if (!regexec(&re, r->out + r->cursor, 2, m, 0))
				continue;
			if (r->lab)
				finish(r, 0, "the console ended while waiting for /%s/", pattern);
			if (r->hosted)
				finish(r, 0, "tern-linux ended (%s) while waiting for /%s/",
				       WIFEXITED(r->status) ? "exit" : "signal", pattern);
			finish(r, 0, "QEMU ended (%s) while waiting for /%s/",
			       WIFEXITED(r->status) ? "exit" : "signal", pattern);
		}
	}
}

static void expect(struct run *r, double secs, const char *pattern)
{
	regmatch_t m[2];
	size_t base;
	expect_m(r, secs, pattern, m, &base, 0);
}

static void capture(struct run *r, const char *name, double secs, const char *pattern)
{
	regmatch_t m[2];
	size_t base;
	expect_m(r, secs, pattern, m, &base, 1);
	if (m[1].rm_so < 0)
		finish(r, 0, "capture pattern /%s/ has no group", pattern);
	if (ncaptured == 32)
		finish(r, 0, "too many captures");
	int len = (int)(m[1].rm_eo - m[1].rm_so);
	char *v = malloc(strlen(name) + (size_t)len + 2);
	sprintf(v, "%s=%.*s", name, len, r->out + base + m[1].rm_so);
	captured[ncaptured++] = v;
}

static size_t unescape(const char *s, char *out)
{
	size_t n = 0;
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			out[n++] = *s;
			continue;
		}
		s++;
		switch (*s) {
		case 'r': out[n++] = '\r'; break;
		case 'n': out[n++] = '\n'; break;
		case 't': out[n++] = '\t'; break;
		case 'e': out[n++] = 27; break;
		case 'x': {
			char hex[3] = { s[1], s[1] ? s[2] : 0, 0 };
			out[n++] = (char)strtol(hex, 0, 16);
			s += 2;
			break;
		}
		default: out[n++] = *s; break;
		}
	}
	return n;
}

static void send_bytes(struct run *r, const char *buf, size_t n)
{
	size_t done = 0;
	while (done < n) {
		pump(r, 0);
		struct pollfd p = { r->to_guest, POLLOUT, 0 };
		if (poll(&p, 1, 100) <= 0)
			continue;
		ssize_t w = write(r->to_guest, buf + done, n - done > 512 ? 512 : n - done);
		if (w < 0)
			finish(r, 0, "cannot send input to QEMU: %s", strerror(errno));
		done += (size_t)w;
	}
}

static void reject_file(struct run *r, const char *path, const char *pattern)
{
	regex_t re;
	if (regcomp(&re, pattern, REG_EXTENDED | REG_NEWLINE | REG_NOSUB))
		finish(r, 0, "bad regular expression /%s/", pattern);
	FILE *f = fopen(path, "r");
	if (!f)
		finish(r, 0, "cannot open %s: %s", path, strerror(errno));
	char line[4096];
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!regexec(&re, line, 0, 0, 0))
			finish(r, 0, "%s has a line matching /%s/: %s", path, pattern, line);
	}
	fclose(f);
	regfree(&re);
}

static int exit_matches(struct run *r, const char *want)
{
	if (!WIFEXITED(r->status))
		return 0;
	int code = WEXITSTATUS(r->status);
	if (!strcmp(want, "ok"))
		return code == 0;
	if (r->hosted)
		return code == atoi(want);      /* tern-linux exits with MACHINE_FAIL's code */
	return code == ((atoi(want) << 1) | 1);
}

static void wait_exit(struct run *r, double secs, const char *want)
{
	double end = now() + secs * r->scale;
	while (!r->exited) {
		double left = end - now();
		if (left <= 0)
			finish(r, 0, "timed out after %.0f s waiting for QEMU to exit (%s)", secs * r->scale, want);
		pump(r, left > 0.2 ? 0.2 : left);
	}
	if (!exit_matches(r, want))
		finish(r, 0, "QEMU ended with %s %d, wanted %s", WIFEXITED(r->status) ? "status" : "signal",
		       WIFEXITED(r->status) ? WEXITSTATUS(r->status) : WTERMSIG(r->status), want);
}

static void report(struct run *r, double secs)
{
	expect(r, secs, "^([0-9]+) passed, ([0-9]+) failed$");
	/* Find the line we just matched (ends at the cursor). */
	size_t s = r->cursor;
	while (s > 0 && r->out[s - 1] != '\n')
		s--;
	int p = 0, f = 0;
	sscanf(r->out + s, "%d passed, %d failed", &p, &f);
	r->passed += p;
	r->failed += f;
	r->reported = 1;
	if (f)
		finish(r, 0, "the guest reported %d failed test(s)", f);
}

static double num_or(char **argv, int argc, int i, double dflt, int *used)
{
	*used = 0;
	if (i < argc) {
		char *e;
		double v = strtod(argv[i], &e);
		if (*e == '\0' && e != argv[i]) {
			*used = 1;
			return v;
		}
	}
	return dflt;
}

static void run_line(struct run *r, char *line)
{
	char *argv[MAX_ARGS];
	int argc = split(line, argv);
	if (!argc || argv[0][0] == '#')
		return;
	const char *cmd = argv[0];
	int used;
	if (!strcmp(cmd, "boot") && r->hosted) {
		hosted_boot(r, argv + 1, argc - 1);
	} else if (!strcmp(cmd, "boot") && r->lab) {
		lab_boot(r, argv + 1, argc - 1);
	} else if (!strcmp(cmd, "boot")) {
		boot(r, argv + 1, argc - 1);
	} else if (!strcmp(cmd, "wrap")) {
		for (int i = 1; i < argc && r->nwrap < MAX_ARGS - 1; i++)
			r->wrap[r->nwrap++] = argv[i];
	} else if (!strcmp(cmd, "timeout") && argc == 2) {
		r->timeout = atof(argv[1]);
	} else if (!strcmp(cmd, "expect") && argc >= 2) {
		double t = num_or(argv, argc, 1, r->timeout, &used);
		char *pat = rest_of(line, 1 + used);
		if (!r->qemu)
			finish(r, 0, "expect before boot");
		expect(r, t, pat);
		free(pat);
	} else if (!strcmp(cmd, "capture") && argc >= 3) {
		double t = num_or(argv, argc, 2, r->timeout, &used);
		char *pat = rest_of(line, 2 + used);
		if (!r->qemu)
			finish(r, 0, "capture before boot");
		capture(r, argv[1], t, pat);
		free(pat);
	} else if (!strcmp(cmd, "reject") && argc >= 2 && r->nreject < 16) {
		char *pat = rest_of(line, 1);
		if (regcomp(&r->rejects[r->nreject], pat, REG_EXTENDED | REG_NEWLINE))
			finish(r, 0, "bad regular expression /%s/", pat);
		r->reject_src[r->nreject++] = pat;
	} else if (!strcmp(cmd, "allow") && argc >= 2 && r->nallow < 16) {
		char *pat = rest_of(line, 1);
		if (regcomp(&r->allows[r->nallow++], pat, REG_EXTENDED | REG_NEWLINE))
			finish(r, 0, "bad regular expression /%s/", pat);
		free(pat);
	} else if (!strcmp(cmd, "send") && argc >= 2) {
		char *text = rest_of(line, 1);
		char *buf = malloc(strlen(text) + 1);
		send_bytes(r, buf, unescape(text, buf));
		free(buf);
		free(text);
	} else if (!strcmp(cmd, "send-file") && argc == 2) {
		FILE *f = fopen(argv[1], "rb");
		if (!f)
			finish(r, 0, "cannot open %s: %s", argv[1], strerror(errno));
		char buf[4096];
		size_t n;
		while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
			send_bytes(r, buf, n);
		fclose(f);
	} else if (!strcmp(cmd, "sleep") && argc == 2) {
		double end = now() + atof(argv[1]) / 1000.0;
		while (now() < end)
			pump(r, end - now());
	} else if (!strcmp(cmd, "exit") && argc >= 2 && r->lab && !strcmp(argv[1], "ok")) {
		lab_wait_poweroff(r, num_or(argv, argc, 2, r->timeout, &used));
	} else if (!strcmp(cmd, "exit") && argc >= 2) {
		wait_exit(r, num_or(argv, argc, 2, r->timeout, &used), argv[1]);
	} else if (!strcmp(cmd, "report")) {
		report(r, num_or(argv, argc, 1, r->timeout, &used));
	} else if (!strcmp(cmd, "mark") && argc == 2) {
		printf("mark %s %.0f\n", argv[1], (now() - r->t0) * 1000);
		fflush(stdout);
	} else if (!strcmp(cmd, "serial") && argc >= 2 && argc <= 5 && !r->qemu) {
		for (int i = 1; i < argc; i++)
			r->serial[r->nserial++] = argv[i];
	} else if (!strcmp(cmd, "debug-exit") && argc == 2 && !strcmp(argv[1], "off") && !r->qemu) {
		r->no_debug_exit = 1;
	} else if (!strcmp(cmd, "reject-file") && argc >= 3) {
		char *pat = rest_of(line, 2);
		reject_file(r, argv[1], pat);
		free(pat);
	} else if (!strcmp(cmd, "screen-expect") && argc >= 2) {
		double t = num_or(argv, argc, 1, r->timeout, &used);
		char *pat = rest_of(line, 1 + used);
		screen_expect(r, t, pat, 1);
		free(pat);
	} else if (!strcmp(cmd, "screen-reject") && argc >= 2) {
		char *pat = rest_of(line, 1);
		screen_expect(r, 0, pat, 0);
		free(pat);
	} else if (!strcmp(cmd, "screen") && argc == 2 && (!strcmp(argv[1], "text") || !strcmp(argv[1], "framebuffer"))) {
		r->screen_fb = !strcmp(argv[1], "framebuffer");
	} else if (!strcmp(cmd, "screen-save") && argc == 2) {
		screen_save(r, argv[1]);
	} else if (!strcmp(cmd, "sendkey") && argc >= 2) {
		for (int i = 1; i < argc; i++)
			sendkey(r, argv[i]);
	} else {
		finish(r, 0, "unknown or malformed command \"%s\"", cmd);
	}
}

void scenario_run(struct run *r)
{
	FILE *f = fopen(r->scenario, "r");
	if (!f)
		finish(r, 0, "cannot open %s: %s", r->scenario, strerror(errno));
	r->t0 = now();
	char line[8192];
	/* A scenario that looks at the screen or types on the keyboard gets a monitor. */
	while (fgets(line, sizeof(line), f)) {
		size_t w = strspn(line, " \t");
		if (!strncmp(line + w, "screen-", 7) || !strncmp(line + w, "sendkey", 7))
			r->want_monitor = 1;
		/* The hosted target refuses QEMU's lines before it starts anything. */
		r->line++;
		line[strcspn(line, "\n")] = '\0';
		char *argv[MAX_ARGS];
		int argc = r->hosted && line[w] != '#' ? split(line, argv) : 0;
		const char *why = hosted_line_refused(argv, argc);
		if (why)
			finish(r, 0, "\"%s\" %s: QEMU only, not on the hosted target", argv[0], why);
		for (int i = 0; i < argc; i++)
			free(argv[i]);
	}
	r->line = 0;
	rewind(f);
	while (fgets(line, sizeof(line), f)) {
		r->line++;
		line[strcspn(line, "\n")] = '\0';
		run_line(r, line);
	}
	fclose(f);
	/* Let rejects see the last output before we judge. */
	if (r->qemu && !r->exited)
		pump(r, 0.1);
	finish(r, 1, " ");
}

int main(int argc, char **argv)
{
	struct run r = { .scale = 1, .timeout = 30, .mon = -1, .result_fd = -1 };
	static const struct option longopts[] = {
		{ "lab", required_argument, 0, 'L' },
		{ "machines", required_argument, 0, 'M' },
		{ "logs", required_argument, 0, 'O' },
		{ "dry-run", no_argument, 0, 'D' },
		{ "hosted", required_argument, 0, 'H' },
		{ 0, 0, 0, 0 },
	};
	int opt;
	const char *logpath = 0, *lab = 0, *machines = 0, *logdir = "build/lab";
	int dry_run = 0;
	while ((opt = getopt_long(argc, argv, "vl:s:", longopts, 0)) != -1) {
		if (opt == 'v')
			r.verbose = 1;
		else if (opt == 'l')
			logpath = optarg;
		else if (opt == 's')
			r.scale = atof(optarg);
		else if (opt == 'L')
			lab = optarg;
		else if (opt == 'M')
			machines = optarg;
		else if (opt == 'O')
			logdir = optarg;
		else if (opt == 'D')
			dry_run = 1;
		else if (opt == 'H')
			r.hosted = optarg;
		else
			goto usage;
	}
	if (optind >= argc)
		goto usage;
	set_vars(argv + optind + 1, argc - optind - 1);
	if (lab && !r.hosted)
		return lab_main(lab, machines, logdir, argv[optind], dry_run);
	if (machines || dry_run || (lab && r.hosted))
		goto usage;
	r.scenario = argv[optind];
	r.cap = 65536;
	r.out = calloc(1, r.cap);
	if (access(r.scenario, R_OK)) {
		fprintf(stderr, "tern-run: cannot open %s: %s\n", r.scenario, strerror(errno));
		return 2;
	}
	if (logpath && !(r.log = fopen(logpath, "w"))) {
		fprintf(stderr, "tern-run: cannot write %s: %s\n", logpath, strerror(errno));
		return 2;
	}
	scenario_run(&r);
usage:
	fprintf(stderr, "usage: tern-run [-v] [-l LOG] [-s SCALE] [--hosted TERN_LINUX] SCENARIO [NAME=VALUE...]\n"
			"       tern-run --lab LAB.ini [--machines A,B] [--logs DIR] [--dry-run] SCENARIO [NAME=VALUE...]\n");
	return 2;
}
