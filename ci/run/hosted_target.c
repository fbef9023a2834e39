/*
 * tern hosted on Linux as the run tool's target (--hosted TERN_LINUX,
 * docs/hosted.md). The scenario interpreter does not know the
 * difference: it reads and types on one descriptor, here the master side
 * of a pty whose other side is tern-linux's standard input and output,
 * so drv/hostterm sees a real terminal (raw mode, bytes as typed) and the
 * scenarios of the serial console run as they are.
 *
 * `boot` takes QEMU's words: -initrd ARCHIVE is the initramfs, -append
 * WORDS becomes tern-linux's -c command line, -m MIB its -m (the size of
 * its memory file; without one, the same default as QEMU's,
 * run_mem_default, so `free` says the same on both), -kernel is ignored
 * (the kernel is tern-linux itself). Any other word, and every line that needs
 * QEMU itself (its serial lines, monitor, screen, keyboard, isa-debug-exit
 * codes, wrapping), is refused with the reason before anything runs
 * (hosted_line_refused), as a lab machine refuses them. `exit ok` is
 * tern-linux's status 0 (power off); `exit N` its status N (MACHINE_FAIL).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "run.h"

const char *hosted_line_refused(char **argv, int argc)
{
	static const struct { const char *cmd, *why; } qemu_only[] = {
		{ "wrap", "wraps QEMU's command" },
		{ "serial", "chooses QEMU's serial lines" },
		{ "debug-exit", "configures QEMU's isa-debug-exit device" },
		{ "reject-file", "reads a file QEMU wrote" },
		{ "screen", "reads the VGA or framebuffer screen through QEMU's monitor" },
		{ "screen-expect", "reads the screen through QEMU's monitor" },
		{ "screen-reject", "reads the screen through QEMU's monitor" },
		{ "screen-save", "reads the screen through QEMU's monitor" },
		{ "sendkey", "types on QEMU's PS/2 keyboard" },
	};
	if (!argc)
		return 0;
	for (size_t i = 0; i < sizeof(qemu_only) / sizeof(qemu_only[0]); i++)
		if (!strcmp(argv[0], qemu_only[i].cmd))
			return qemu_only[i].why;
	if (!strcmp(argv[0], "boot"))
		for (int i = 1; i < argc; i++) {
			if (!strcmp(argv[i], "-kernel") || !strcmp(argv[i], "-initrd") || !strcmp(argv[i], "-append") ||
			    !strcmp(argv[i], "-m")) {
				if (++i == argc)
					return "has an option without its value";
				continue;
			}
			return "has QEMU options beyond -kernel, -initrd, -append and -m";
		}
	return 0;
}

void hosted_boot(struct run *r, char **args, int nargs)
{
	const char *initrd = 0, *append = 0, *mem = run_mem_default();
	for (int i = 0; i + 1 < nargs; i += 2) {
		if (!strcmp(args[i], "-initrd"))
			initrd = args[i + 1];
		else if (!strcmp(args[i], "-append"))
			append = args[i + 1];
		else if (!strcmp(args[i], "-m"))
			mem = args[i + 1];
	}
	if (!initrd)
		finish(r, 0, "boot needs -initrd ARCHIVE on the hosted target");
	int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0 || grantpt(master) || unlockpt(master))
		finish(r, 0, "cannot make a pty: %s", strerror(errno));
	const char *slave = ptsname(master);
	if (r->log) {
		fprintf(r->log, "# %s -m %s%s%s%s %s\n", r->hosted, mem, append ? " -c \"" : "",
			append ? append : "", append ? "\"" : "", initrd);
		fflush(r->log);
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		finish(r, 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		setsid();       /* its own group (signals take it down) with the pty as its terminal */
		int s = slave ? open(slave, O_RDWR) : -1;
		if (s < 0)
			_exit(127);
		dup2(s, 0), dup2(s, 1), dup2(s, 2);
		if (s > 2)
			close(s);
		if (append)
			execl(r->hosted, r->hosted, "-m", mem, "-c", append, initrd, (char *)0);
		else
			execl(r->hosted, r->hosted, "-m", mem, initrd, (char *)0);
		fprintf(stderr, "tern-run: cannot run %s: %s\n", r->hosted, strerror(errno));
		_exit(127);
	}
	r->qemu = pid;
	r->to_guest = master;
	r->from_guest = master;
	set_signal_target(r);
}
