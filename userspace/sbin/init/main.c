/*
 * init's start and its loop. The boot configuration is a text file in the
 * initramfs (conf= on the kernel command line, default /etc/init.conf):
 *   start [stdio=SERVICE] PATH [ARG...]
 *                           start a program (in order); a [program] gets
 *                           SERVICE (default: console, if there is one)
 *                           as its stdin, stdout and stderr; a [driver],
 *                           or a program that provides a service, none
 *                           (tern/program.h)
 *   alias NAME=SERVICE      another name for a provided service
 * A word may use ${NAME} or ${NAME:-DEFAULT}: NAME=VALUE from the kernel
 * command line (confvar.h).
 *   # comment
 * Then init serves requests and fault messages forever.
 */
#include "confvar.h"
#include "init.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tar.h>

uint64_t init_ep;
const uint8_t *initramfs;
uint64_t initramfs_len;
char init_platform[16] = "pc";

static const char *kernel_cmdline = "";

/*
 * console= on the kernel command line (com1|com2|screen, a comma list)
 * also says which terminals are consoles: its known names, in order, make
 * the aliases "console" (the primary: what programs started from here
 * talk to), "console2" and "console3" name "serial", "serial1" or "screen"
 * (drv/vgacon or drv/fbcon, typed into by drv/ps2kbd), whatever the
 * configuration's alias lines say; a consoleN alias beyond the list is
 * dropped, so its getty line is skipped. An unknown name is skipped (the
 * kernel reports it). Without console=, the alias lines stand.
 */
#define CONSOLES_MAX 3
static const char *console_ports[CONSOLES_MAX];
static int console_given;

static void console_word(void)
{
	static const struct { const char *name, *service; } terms[] = {
		{ "com1", "serial" }, { "com2", "serial1" }, { "screen", "screen" },
	};
	char list[128];
	int n = 0;
	if (conf_expand(kernel_cmdline, "${console}", list, sizeof(list)) || !list[0])
		return;
	for (char *p = list; *p && n < CONSOLES_MAX;) {
		char *end = strchr(p, ',');
		if (end)
			*end = '\0';
		for (size_t i = 0; i < sizeof(terms) / sizeof(terms[0]); i++) {
			int dup = 0;
			for (int k = 0; k < n; k++)
				dup |= !strcmp(console_ports[k], terms[i].service);
			if (!strcmp(p, terms[i].name) && !dup)
				console_ports[n++] = terms[i].service;
		}
		p = end ? end + 1 : p + strlen(p);
	}
	console_given = n > 0;
}

/* Which of console, console2, console3 name is (0, 1, 2), or -1. */
static int console_index(const char *name)
{
	if (!strcmp(name, "console"))
		return 0;
	if (!strncmp(name, "console", 7) && name[7] >= '2' && name[7] < '1' + CONSOLES_MAX && !name[8])
		return name[7] - '1';
	return -1;
}

/* One config line: split into NUL-separated words (${NAME} expanded from
 * the kernel command line, confvar.h), then act on it. */
static void conf_line(const char *conf, unsigned lineno, char *line)
{
	char words[PROG_ARGS_MAX], word[256];
	size_t n = 0;
	uint64_t argc = 0;
	for (char *p = line; *p;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			break;
		size_t w = 0;
		while (*p && *p != ' ' && *p != '\t' && w + 1 < sizeof(word))
			word[w++] = *p++;
		word[w] = '\0';
		if (conf_expand(kernel_cmdline, word, words + n, sizeof(words) - n)) {
			printf("init: %s:%u: \"%s\" is too long or has an unclosed ${\n", conf, lineno, word);
			return;
		}
		n += strlen(words + n) + 1;
		argc++;
	}
	if (!argc)
		return;
	const char *cmd = words, *arg = words + strlen(words) + 1;
	if (!strcmp(cmd, "start") && argc >= 2) {
		/* The standard streams: the console, unless stdio= names another
		 * service; one that does not exist (yet) is a mistake in this
		 * line, which is skipped. Without a console, none. */
		struct spawn_args a = { 0 };
		if (!strncmp(arg, "stdio=", 6)) {
			a.stdio_service = arg + 6;
			arg += strlen(arg) + 1;
			argc--;
			if (argc < 2) {
				printf("init: %s:%u: start stdio=SERVICE needs a program; line skipped\n", conf, lineno);
				return;
			}
			if (!service_find(a.stdio_service) && console_index(a.stdio_service) > 0) {
				printf("init: no %s terminal this boot; %s not started there\n", a.stdio_service, arg);
				return;
			}
			if (!service_find(a.stdio_service)) {
				printf("init: %s:%u: unknown stdio service '%s' for %s; line skipped\n", conf, lineno,
				       a.stdio_service, arg);
				return;
			}
		} else if (service_find("console")) {
			a.stdio_service = "console";
		}
		a.args = arg;
		a.args_len = n - (size_t)(arg - words);
		a.argc = argc - 1;
		long err = 0;
		if (!prog_spawn(0, &a, &err))
			printf("init: %s:%u: %s not started (error %ld); going on\n", conf, lineno, arg, err);
	} else if (!strcmp(cmd, "alias") && argc == 2 && strchr(arg, '=')) {
		char *eq = strchr(arg, '=');
		*eq = '\0';
		const char *target = eq + 1;
		int ci = console_index(arg);
		if (ci >= 0 && console_given) {
			if (!console_ports[ci])
				return;         /* not a console this boot (console=) */
			target = console_ports[ci];
		}
		if (service_alias(arg, target))
			printf("init: %s:%u: alias %s already defined\n", conf, lineno, arg);
	} else {
		printf("init: %s:%u: cannot understand \"%s\"\n", conf, lineno, line);
	}
}

/* Call conf_line for each line of the file that is (or is not) an alias line. */
static void each_line(const char *path, const struct tar_entry *e, int aliases)
{
	char line[256];
	size_t n = 0;
	unsigned lineno = 1;
	for (uint64_t i = 0; i <= e->size; i++) {
		char c = i < e->size ? (char)e->data[i] : '\n';
		if (c != '\n') {
			if (n + 1 < sizeof(line))
				line[n++] = c;
			continue;
		}
		line[n] = '\0';
		if ((strncmp(line, "alias", 5) == 0) == aliases)
			conf_line(path, lineno, line);
		n = 0;
		lineno++;
	}
}

static void run_conf(const char *path)
{
	static struct tar_entry e;
	if (tar_find(initramfs, initramfs_len, path[0] == '/' ? path + 1 : path, &e) || e.type != TAR_FILE) {
		printf("init: no boot configuration %s in the initramfs; nothing to start\n", path);
		return;
	}
	/* Aliases may come after the start lines that use them: do them first. */
	each_line(path, &e, 1);
	each_line(path, &e, 0);
}

/* init's heap holds copies of programs read from the fs and of their
 * manifests; when it runs dry, a spawn fails and the console says why. */
void *init_malloc(size_t n, const char *what)
{
	void *p = malloc(n);
	if (!p)
		printf("init: out of memory: no %lu bytes for %s\n", (unsigned long)n, what);
	return p;
}

#define INIT_CALL_TIMEOUT_MS 2000
#define INIT_TICK_MS 10

/*
 * init's receive. When nothing is waiting for a time (a notice a busy
 * provider has not taken yet, a driver's restart back-off), it blocks
 * until a message comes. Otherwise it does that work, and waits at most a
 * tick for a message before coming back to it: the kernel has no receive
 * timeout, so it polls, sleeping in between. It must never spin at its
 * priority, which would keep the very providers it waits for from running;
 * if it cannot sleep, it blocks instead.
 */
static int init_recv(uint64_t ep, struct tern_msg *m)
{
	int pending = gone_retry();
	pending |= prog_restarts_due();
	if (!pending)
		return tern_recv(ep, m);
	int err = tern_nbrecv(ep, m);
	if (err == E_WOULD_BLOCK && tern_sleep_ms(INIT_TICK_MS))
		return tern_recv(ep, m);
	return err;
}

/*
 * Caps that come with requests (INIT_SPAWN's streams, INIT_WATCH's note)
 * land in recv_caps, set as the IPC buffer's receive slots only for init's
 * own receive: the replies of init's calls to the fs carry none. Every
 * message may carry caps, from any client: those a handler does not keep
 * are deleted at once, so no client can fill init's cspace. The fourth
 * slot is there to see (and refuse) a message with more than three.
 */
static uint64_t recv_caps[MSG_MAX_CAPS];

static void recv_caps_arm(void)
{
	int ok = 1;
	for (int i = 0; i < MSG_MAX_CAPS; i++) {
		if (!recv_caps[i])
			recv_caps[i] = slot_alloc();
		/* caps[i] of a message lands in recv_slots[i]: only a prefix,
		 * so that the i-th cap received is the i-th sent. */
		ok &= recv_caps[i] != 0;
		tern_ipcbuf->recv_slots[i] = ok ? recv_caps[i] : 0;
	}
}

static void recv_caps_clear(void)
{
	for (int i = 0; i < MSG_MAX_CAPS; i++) {
		tern_ipcbuf->recv_slots[i] = 0;
		if (recv_caps[i])
			tern_cap_delete(recv_caps[i], 0);   /* E_EMPTY_SLOT when none came */
	}
}

int tern_main(uint64_t ramfs, uint64_t ramfs_len, uint64_t ipcbuf, uint64_t cmdline)
{
	(void)ipcbuf;
	initramfs = (const uint8_t *)ramfs;
	initramfs_len = ramfs_len;
	slot_init(ROOT_FIRST_FREE, ROOT_RADIX);
	malloc_memory = ROOT_MEMORY;
	malloc_heap_va = INIT_HEAP_VA;
	/* init never waits on a server for long: a call (to the fs, when a
	 * program is read from it) that is not answered in this time fails
	 * with E_TIMEOUT, and init goes back to handling faults. */
	tern_invoke(ROOT_TASK, TASK_SET_TIMEOUT, INIT_CALL_TIMEOUT_MS, 0, 0, 0, 0);
	init_ep = slot_alloc();
	if (tern_mem_create(ROOT_MEMORY, CAP_ENDPOINT, init_ep, 0)) {
		printf("init: cannot create its endpoint\n");
		return 1;
	}
	char conf[64] = "";
	if (cmdline)
		kernel_cmdline = (const char *)cmdline;
	conf_expand(kernel_cmdline, "${conf:-/etc/init.conf}", conf, sizeof(conf));
	conf_expand(kernel_cmdline, "${platform:-pc}", init_platform, sizeof(init_platform));
	platform_devices();
	console_word();
	printf("init: reading %s\n", conf);
	run_conf(conf);

	struct tern_msg m;
	for (;;) {
		recv_caps_arm();
		int err = init_recv(init_ep, &m);
		for (int i = 0; i < MSG_MAX_CAPS; i++)
			tern_ipcbuf->recv_slots[i] = 0;
		if (!err && (m.badge & FAULT_BADGE))
			fault_handle(&m);
		else if (!err)
			request_handle(&m, recv_caps, MSG_NCAPS(m.info));
		recv_caps_clear();
	}
}
