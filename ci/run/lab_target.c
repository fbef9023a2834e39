/*
 * A lab machine as the run tool's target (docs/lab.md). The scenario
 * interpreter does not know the difference: it reads and types on a pipe.
 * Here the pipe is the machine's console command (ipmitool sol activate,
 * telnet to a console server, picocom...), and booting is:
 *
 *   1. write the machine's own boot entries (pxelinux.cfg/01-<mac>,
 *      <mac>.ipxe) for the scenario's kernel arguments, so this machine,
 *      and only it, boots them; every other machine keeps the default;
 *   2. start the console, then power_on: the console first, so that the
 *      firmware's and the kernel's first lines are not lost while it
 *      attaches (a lab's console server keeps no backlog);
 *   3. wait boot_timeout seconds for the kernel's first line. A machine
 *      that never gets there (power_on failed, the console stayed silent
 *      or ended) is powered off and tried once more, and said so: lab
 *      boots fail for reasons of their own (a DHCP answer lost, a BMC
 *      busy). The second failure is the verdict "no boot".
 *
 * The end (lab_stop, also on a signal): power_off, end the console, and
 * remove the entries, so the machine's next boot is the default again
 * (netboot once). `exit ok` is tern's own power-off line on the console,
 * as there is no QEMU exit status to read.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lab.h"
#include "labboot.h"
#include "run.h"

/* The kernel's first line (kernel/main.c) and its power-off lines
 * (kernel/object/machine.c, kernel/boot/root.c, arch/x86_64/acpi.c). */
#define KERNEL_FIRST_LINE "^tern [0-9]+\\.[0-9]+ \\(x86_64\\) booting$"
#define POWEROFF_LINE "^tern: (power off requested by task [0-9]+ \\(.*\\)|powering off)$"
#define POWEROFF_FAILED "^tern: ACPI power-off"
#define COMMAND_TIMEOUT 60      /* seconds for power_on and power_off to return */

static void say(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* To the machine's log (our stdout) and to the terminal (stderr). */
static void say(struct run *r, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printf("lab: %s: %s\n", r->lab->m->name, msg);
	fflush(stdout);
	fprintf(stderr, "lab: %s: %s\n", r->lab->m->name, msg);
	/* Not into the console's log (r->log): it would cut its lines. */
}

/* Run a lab command with sh -c, its output to the machine's log; its
 * status (or -1 if it did not end within COMMAND_TIMEOUT s: killed). */
static int run_command(struct run *r, const char *what, const char *cmd)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		int null = open("/dev/null", O_RDONLY);
		dup2(null, 0);
		dup2(1, 2);
		execl("/bin/sh", "sh", "-c", cmd, (char *)0);
		_exit(127);
	}
	if (pid < 0)
		return -1;
	setpgid(pid, pid);
	double end = now() + COMMAND_TIMEOUT;
	int status;
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		if (now() > end) {
			kill(-pid, SIGKILL);
			waitpid(pid, &status, 0);
			say(r, "%s did not end within %d s; killed", what, COMMAND_TIMEOUT);
			return -1;
		}
		/* Keep the console read meanwhile: a full pipe would stall it. */
		if (r->qemu > 0 && !r->exited)
			pump(r, 0.05);
		else
			usleep(50000);
	}
}

/*
 * The console command's stdin and stdout: a pseudo-terminal in raw mode,
 * since the tools labs use for consoles (picocom, ipmitool sol activate,
 * telnet) expect a terminal, and raw mode passes every byte both ways
 * unchanged (no echo, no CR/LF rewriting, ^C a byte, not a signal). The
 * slave is set up here, before the command runs, so nothing we type can
 * be echoed first. Without ptys, pipes. to_guest and from_guest are
 * then the master; it reads EIO once the command and all it started have
 * closed the slave, which pump() takes as the console's end.
 */
static int console_pty(int *master, int *slave)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (m < 0)
		return -1;
	char *name = grantpt(m) || unlockpt(m) ? 0 : ptsname(m);
	int s = name ? open(name, O_RDWR | O_NOCTTY | O_CLOEXEC) : -1;
	struct termios t;
	if (s < 0 || tcgetattr(s, &t)) {
		close(m);
		if (s >= 0)
			close(s);
		return -1;
	}
	cfmakeraw(&t);
	cfsetispeed(&t, B115200);
	cfsetospeed(&t, B115200);
	tcsetattr(s, TCSANOW, &t);
	*master = m;
	*slave = s;
	return 0;
}

static void console_start(struct run *r)
{
	struct lab_run *l = r->lab;
	int m = -1, s = -1, in[2] = { -1, -1 }, out[2] = { -1, -1 };
	if (console_pty(&m, &s) && (pipe(in) || pipe(out)))
		finish(r, 0, "neither a pseudo-terminal nor a pipe for the console: %s", strerror(errno));
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		/* A session of its own: the pty becomes its controlling terminal,
		 * and the whole session is one process group for console_stop. */
		setsid();
		if (s >= 0) {
			ioctl(s, TIOCSCTTY, 0);
			dup2(s, 0);
			dup2(s, 1);
		} else {
			dup2(in[0], 0);
			dup2(out[1], 1);
		}
		/* Its complaints go to the machine's log, not into the console text. */
		dup2(l->log_fd, 2);
		execl("/bin/sh", "sh", "-c", l->m->console, (char *)0);
		_exit(127);
	}
	if (pid < 0)
		finish(r, 0, "fork: %s", strerror(errno));
	if (s >= 0) {
		close(s);
		r->to_guest = dup(m);
		r->from_guest = m;
	} else {
		close(in[0]);
		close(out[1]);
		r->to_guest = in[1];
		r->from_guest = out[0];
	}
	r->qemu = pid;
	r->exited = 0;
	signal(SIGPIPE, SIG_IGN);
	set_signal_target(r);
	l->console_up = 1;
}

static void console_stop(struct run *r)
{
	struct lab_run *l = r->lab;
	if (!l->console_up)
		return;
	l->console_up = 0;
	kill(-r->qemu, SIGTERM);
	int status;
	for (int i = 0; i < 50 && waitpid(r->qemu, &status, WNOHANG) != r->qemu; i++)
		usleep(20000);
	kill(-r->qemu, SIGKILL);
	waitpid(r->qemu, &status, WNOHANG);
	close(r->to_guest);
	close(r->from_guest);
	r->exited = 1;
}

static void power_off(struct run *r)
{
	struct lab_run *l = r->lab;
	if (!l->powered)
		return;
	l->powered = 0;
	int st = run_command(r, "power_off", l->m->power_off);
	if (st)
		say(r, "WARNING: power_off failed (status %d): the machine may still be on", st);
}

/* Write path atomically (a machine booting now reads the old or the new). */
static int write_entry(const char *path, const char *text)
{
	char tmp[4200];
	snprintf(tmp, sizeof(tmp), "%s.tmp%d", path, (int)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	size_t n = strlen(text);
	int bad = write(fd, text, n) != (ssize_t)n;
	bad |= close(fd);
	if (bad || rename(tmp, path)) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

static void entries_write(struct run *r, const char *args)
{
	struct lab_run *l = r->lab;
	char mac[18], text[2048];
	lab_mac_hyphen(l->m->mac, mac);
	/* One run per machine at a time: its entries are its own. */
	char lock[4200];
	snprintf(lock, sizeof(lock), "%s/.tern-lab", l->tftp_root);
	mkdir(lock, 0755);
	snprintf(lock, sizeof(lock), "%s/.tern-lab/%s.lock", l->tftp_root, mac);
	l->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (l->lock_fd < 0)
		finish(r, 0, "cannot make the lock %s: %s", lock, strerror(errno));
	if (flock(l->lock_fd, LOCK_EX | LOCK_NB))
		finish(r, 0, "machine %s is in use by another lab run (%s is locked)", l->m->name, lock);
	snprintf(l->pxe_path, sizeof(l->pxe_path), "%s/pxelinux.cfg/01-%s", l->tftp_root, mac);
	snprintf(l->ipxe_path, sizeof(l->ipxe_path), "%s/%s.ipxe", l->tftp_root, mac);
	l->entries = 1;
	if (lab_pxelinux_entry(text, sizeof(text), l->m->name, l->dir, args, l->m->com2) < 0 ||
	    write_entry(l->pxe_path, text))
		finish(r, 0, "cannot write %s: %s", l->pxe_path, strerror(errno));
	if (lab_ipxe_entry(text, sizeof(text), l->m->name, l->dir, args) < 0 || write_entry(l->ipxe_path, text))
		finish(r, 0, "cannot write %s: %s", l->ipxe_path, strerror(errno));
	say(r, "boot entries %s and %s: \"%s\"", l->pxe_path, l->ipxe_path, args);
}

static void entries_remove(struct run *r)
{
	struct lab_run *l = r->lab;
	if (!l->entries)
		return;
	l->entries = 0;
	unlink(l->pxe_path);
	unlink(l->ipxe_path);
}

/* Does a line from `from` on match re? */
static int seen_from(struct run *r, regex_t *re, size_t from)
{
	return from <= r->len && !regexec(re, r->out + from, 0, 0, 0);
}

/* One attempt: 0 when the kernel's first line came, else why not. */
static const char *attempt(struct run *r, regex_t *first)
{
	struct lab_run *l = r->lab;
	static char why[256];
	size_t from = r->len;
	console_start(r);
	/* A moment for the console to attach (a SOL session, a telnet login). */
	pump(r, 0.3);
	l->powered = 1;
	int st = run_command(r, "power_on", l->m->power_on);
	if (st) {
		snprintf(why, sizeof(why), "power_on failed (status %d)", st);
		return why;
	}
	double end = now() + l->m->boot_timeout;
	while (!seen_from(r, first, from)) {
		if (r->exited)
			return "the console ended before the kernel's first line";
		if (now() > end) {
			snprintf(why, sizeof(why), "no kernel line within boot_timeout %u s", l->m->boot_timeout);
			return why;
		}
		pump(r, 0.2);
	}
	/* The scenario reads from this attempt's first byte on. */
	r->cursor = from;
	l->boot_from = from;
	return 0;
}

void lab_boot(struct run *r, char **args, int nargs)
{
	struct lab_run *l = r->lab;
	struct lab_boot b;
	char err[512];
	if (l->booted)
		finish(r, 0, "a second boot line: a lab machine boots once per scenario");
	l->booted = 1;
	if (lab_boot_parse(args, nargs, l->m->com2, &b, err, sizeof(err)))
		finish(r, 0, "%s", err);
	regex_t first;
	if (regcomp(&first, KERNEL_FIRST_LINE, REG_EXTENDED | REG_NEWLINE | REG_NOSUB))
		finish(r, 0, "bad built-in pattern");
	entries_write(r, b.args);
	r->t0 = now();
	for (int i = 1;; i++) {
		say(r, "powering on (attempt %d of 2)", i);
		const char *why = attempt(r, &first);
		if (!why)
			break;
		if (i == 2) {
			l->no_boot = 1;
			finish(r, 0, "no boot: %s (tried twice)", why);
		}
		say(r, "no boot: %s; powering off and retrying once", why);
		power_off(r);
		console_stop(r);
	}
	regfree(&first);
	say(r, "the kernel is booting");
}

void lab_wait_poweroff(struct run *r, double secs)
{
	regex_t off, failed;
	if (regcomp(&off, POWEROFF_LINE, REG_EXTENDED | REG_NEWLINE | REG_NOSUB) ||
	    regcomp(&failed, POWEROFF_FAILED, REG_EXTENDED | REG_NEWLINE | REG_NOSUB))
		finish(r, 0, "bad built-in pattern");
	if (!r->qemu)
		finish(r, 0, "exit before boot");
	double end = now() + secs * r->scale;
	/* Anywhere since the boot: an expect may have read past it already. */
	while (!seen_from(r, &off, r->lab->boot_from)) {
		if (r->exited)
			finish(r, 0, "the console ended without tern's power-off line");
		if (now() > end)
			finish(r, 0, "timed out after %.0f s waiting for tern's power-off line", secs * r->scale);
		pump(r, 0.2);
	}
	/* ACPI may still fail (the kernel then says why and halts): give it
	 * the kernel's own wait and a little more, unless the console ends. */
	double grace = now() + 2;
	while (now() < grace && !r->exited)
		pump(r, grace - now());
	if (seen_from(r, &failed, r->lab->boot_from))
		finish(r, 0, "tern's power-off failed on this machine (see the log)");
	r->cursor = r->len;
	regfree(&off);
	regfree(&failed);
}

void lab_stop(struct run *r)
{
	struct lab_run *l = r->lab;
	if (l->stopped)
		return;
	l->stopped = 1;
	if (l->console_up && !r->exited)
		pump(r, 0.1);
	power_off(r);
	console_stop(r);
	entries_remove(r);
	if (l->lock_fd >= 0)
		close(l->lock_fd);
	l->lock_fd = -1;
}

const char *lab_verdict(struct run *r, int ok)
{
	return ok ? "pass" : r->lab && r->lab->no_boot ? "no boot" : "fail";
}
