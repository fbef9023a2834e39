/*
 * tern-linux: the hosted kernel's boot. Instead of a loader's memory map
 * and modules: one memory file ("physical memory", -m MiB), the initramfs
 * read into it as module 0 and a command line from -c; then the kernel's
 * own boot_start (kernel/boot/root.c) starts the root task from it, as on
 * the PC.
 *
 *   tern-linux [-m MiB] [-c "kernel command line"] [-t path/to/tern-task]
 *              [-g NAME=ELF] [-V] initramfs.tar
 *
 * -V runs every task process under valgrind's memcheck (VALGRIND=1:
 * the programs must be the USER_VG=1 build, docs/hosted.md); so does
 * TERN_LINUX_VALGRIND=1 in the environment.
 * -g stops the task named NAME before its first instruction and prints
 * how to attach gdb to it, with the symbols of ELF (user.c).
 *
 * Physical layout: page 0 is never used (0 is "no frame"), the kernel log
 * ring follows it, the initramfs starts at 1 MiB, everything after it is
 * the frame allocator's. The boot's first lines are the PC's, in the
 * same words where they mean the same (the banner, the command line, the
 * usable memory and its floor, MIN_RAM_KIB), so that a scenario or a
 * reader of dmesg finds them on both.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <abi/klog.h>
#include <arch/layout.h>
#include <boot.h>
#include <fastpath.h>
#include <hosted/hosted.h>
#include <kprintf.h>
#include <memmap.h>
#include <object/task.h>
#include <panic.h>
#include <pmm.h>
#include "../../../kernel/include/sched.h"      /* the kernel's, not libc's */
#include <version.h>

#define MODULE_BASE 0x100000ull

uint8_t *hosted_physmap;
uint64_t hosted_phys_size;
int hosted_mem_fd = -1;
extern const char *hosted_task_path;
extern int hosted_valgrind;
extern int hosted_signal_fd;
extern uint64_t hosted_klog_pa;
struct boot_info boot_info;

static void die(const char *what)
{
	fprintf(stderr, "tern-linux: %s: %s\n", what, strerror(errno));
	exit(2);
}

/* A descriptor above the ones tern-task's wire uses, close-on-exec. */
static int high_fd(int fd)
{
	int h = fcntl(fd, F_DUPFD_CLOEXEC, 16);
	if (h < 0)
		die("fcntl");
	close(fd);
	return h;
}

static void memory_setup(uint64_t mib)
{
	hosted_phys_size = mib << 20;
	int fd = memfd_create("tern-physical-memory", MFD_CLOEXEC);
	if (fd < 0)
		die("memfd_create");
	hosted_mem_fd = high_fd(fd);
	if (ftruncate(hosted_mem_fd, (off_t)hosted_phys_size))
		die("ftruncate");
	void *m = mmap(0, hosted_phys_size, PROT_READ | PROT_WRITE, MAP_SHARED, hosted_mem_fd, 0);
	if (m == MAP_FAILED)
		die("mmap of the memory file");
	hosted_physmap = m;
	hosted_klog_pa = PAGE_SIZE;     /* from here on kprintf's lines are in the log ring too */
}

/* The initramfs as module 0, at MODULE_BASE. */
static void load_module(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die(path);
	uint64_t room = hosted_phys_size - MODULE_BASE;
	size_t n = fread(hosted_physmap + MODULE_BASE, 1, room, f);
	if (ferror(f) || !feof(f)) {
		fprintf(stderr, "tern-linux: %s: unreadable or larger than the memory (-m)\n", path);
		exit(2);
	}
	fclose(f);
	struct boot_module *m = &boot_info.mods[0];
	m->start = MODULE_BASE;
	m->end = MODULE_BASE + n;
	snprintf(m->name, sizeof(m->name), "%s", path);
	boot_info.nmods = 1;
}

_Static_assert(HOSTED_TERM_PAGE_PA >= PAGE_SIZE * (1 + KLOG_PAGES) && HOSTED_TERM_PAGE_PA < MODULE_BASE,
	       "the terminal's page is reserved, after the log ring");

/* The usable memory, as the PC's kmain reports and checks it: what the
 * memory file holds beyond page 0, the log ring and the initramfs. */
static void frames_setup(void)
{
	boot_info.avail[0] = (struct mem_range){ 0, hosted_phys_size };
	boot_info.navail = 1;
	struct mem_range res[2] = {
		{ 0, MODULE_BASE },     /* page 0, the log ring, the terminal's page, room */
		{ MODULE_BASE, boot_info.mods[0].end - MODULE_BASE },
	};
	struct memmap usable;
	memmap_build(&usable, boot_info.avail, 1, res, 2);
	uint64_t kib = memmap_total(&usable) / 1024;
	kprintf("memory: %lu KiB usable in %d ranges\n", kib, usable.n);
	if (kib < MIN_RAM_KIB) {
		kprintf("tern: not enough memory: %lu KiB usable, need at least %d KiB "
			"(give tern-linux more, e.g. -m 128)\n", kib, MIN_RAM_KIB);
		machine_fail(2);
	}
	if (pmm_init(&usable)) {
		fprintf(stderr, "tern-linux: no room for the frame bitmap\n");
		exit(2);
	}
}

/* SIGTERM and SIGHUP power off; SIGCHLD says a task process ended (user.c
 * reads them all from one signalfd). */
static void signals_setup(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, 0);
	int fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (fd < 0)
		die("signalfd");
	hosted_signal_fd = high_fd(fd);
	signal(SIGPIPE, SIG_IGN);
}

/* The terminal as we found it, to put back (hostterm.h): whenever the
 * task holding it ends and when we end. */
static struct termios term_saved;
static int term_is_tty;

void hosted_term_restore(void)
{
	if (term_is_tty)
		tcsetattr(0, TCSANOW, &term_saved);
}

static const char *task_path_default(void)
{
	static char path[PATH_MAX];
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return "tern-task";
	self[n] = '\0';
	snprintf(path, sizeof(path), "%s/tern-task", dirname(self));
	return path;
}

int main(int argc, char **argv)
{
	uint64_t mib = 128;
	const char *cmdline = "";
	int opt;
	hosted_task_path = task_path_default();
	/* The same as -V, for the tests that start tern-linux through
	 * tern-run (ci/check.sh with VALGRIND=1, ci/hosted-valgrind.sh). */
	const char *vg = getenv("TERN_LINUX_VALGRIND");
	hosted_valgrind = vg && !strcmp(vg, "1");
	while ((opt = getopt(argc, argv, "m:c:t:g:V")) != -1) {
		switch (opt) {
		case 'g': hosted_gdb = optarg; break;
		case 'm': mib = strtoull(optarg, 0, 0); break;
		case 'c': cmdline = optarg; break;
		case 't': hosted_task_path = optarg; break;
		case 'V': hosted_valgrind = 1; break;
		default: goto usage;
		}
	}
	if (optind + 1 != argc || mib < 2 || mib > 65536)
		goto usage;
	/* "platform=linux" first: userspace may ask (init refuses ioport and
	 * irq manifests on this platform). "serial=hostterm console_end=-p"
	 * last, so that a word of -c comes first and wins (init takes a
	 * name's first value): init.conf starts /drv/${serial:-pcserial} as
	 * the serial terminal, here the host terminal's driver, and gives
	 * the console's getty ${console_end}: -p, power off when the shell
	 * ends (^D, or the end of piped input), as a program on this
	 * terminal ends; -c console_end= keeps the serial line's way. */
	snprintf(boot_info.cmdline, sizeof(boot_info.cmdline), "platform=linux %s%sserial=hostterm console_end=-p",
		 cmdline, *cmdline ? " " : "");
	/* A closed standard stream would be the next file we open (the
	 * initramfs, a task's socket): standard input polled for the host
	 * terminal would be that. /dev/null instead: input that has ended,
	 * output that goes nowhere. */
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", fd ? O_WRONLY : O_RDONLY) != fd)
			die("/dev/null");
	term_is_tty = tcgetattr(0, &term_saved) == 0;
	memory_setup(mib);
	kprintf("tern %s (x86_64, hosted on Linux) booting\n", TERN_VERSION);
	kprintf("cmdline: \"%s\"\n", boot_info.cmdline);
	load_module(argv[optind]);
	frames_setup();
	signals_setup();
	kprintf("memory: %lu KiB in one memory file; frames: %lu free\n", hosted_phys_size / 1024,
		pmm_free_frames());
	if (strstr(boot_info.cmdline, "fastpath=off")) {
		fastpath_on = 0;
		kprintf("ipc: fastpath off (fastpath=off)\n");
	}
	boot_selftest(boot_info.cmdline);        /* where the PC's kmain runs it (selftest.c) */
	struct task *idle = task_idle_create(hosted_idle);
	if (!idle) {
		fprintf(stderr, "tern-linux: cannot create the idle task\n");
		return 2;
	}
	sched_init(idle);
	hosted_clock_start();
	boot_start(&boot_info);
usage:
	fprintf(stderr, "usage: tern-linux [-m MiB (2..65536)] [-c cmdline] [-t tern-task] [-g NAME=ELF] [-V] initramfs.tar\n");
	return 2;
}
