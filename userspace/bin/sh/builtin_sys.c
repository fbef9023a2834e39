/*
 * Builtins that ask init or the kernel about the system: ps, caps, kill,
 * uptime, mem, reboot, poweroff. Init's requests are plain calls on our
 * PROG_INIT endpoint with the registers proto/init.h documents.
 */
#include "sh.h"
#include <proto/init.h>
#include <stdio.h>
#include <stdlib.h>
#include <tern/msgbuf.h>

/* Call init; 0, or minus the kernel's error or init's status label. */
static long init_call(struct tern_msg *m)
{
	int err = tern_call(PROG_INIT, m);
	if (err)
		return -err;
	return -(long)MSG_LABEL(m->info);
}

/* A program id argument: decimal digits only. */
static int parse_id(const char *cmd, const char *s, uint64_t *id)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 0) {
		printf("%s: %s: not a program id\n", cmd, s);
		return -1;
	}
	*id = (uint64_t)v;
	return 0;
}

static const char *ps_state(uint64_t st)
{
	static const char *const names[] = {
		[INIT_RUNNING] = "running",
		[INIT_EXITED] = "exited",
		[INIT_FAULTED] = "faulted",
		[INIT_RESTARTING] = "restarting",
		[INIT_FAILED] = "failed",
	};
	return st < sizeof(names) / sizeof(names[0]) && names[st] ? names[st] : "?";
}

int bi_ps(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	printf("  ID STATE       RESTARTS  TASK NAME\n");
	for (uint64_t i = 0;; i++) {
		struct tern_msg m = { .info = MSG_INFO(INIT_PS, 1, 0), .mr = { i } };
		long r = init_call(&m);
		if (r == -E_BAD_ARG)
			return 0;               /* past the last program */
		if (r) {
			printf("ps: %s\n", sh_init_strerror(-r));
			return 1;
		}
		char name[33];
		msg_get_bytes(&m, 4, name, 32);
		name[32] = '\0';
		printf("%4lu %-11s %8lu %5lu %s\n", (unsigned long)m.mr[0], ps_state(m.mr[1]),
		       (unsigned long)m.mr[2], (unsigned long)m.mr[3], name);
	}
}

int bi_caps(int argc, const char **argv)
{
	uint64_t id = prog_info ? prog_info->id : 0, off = 0;
	const char *arg = argc > 1 ? argv[1] : "sh";
	char text[MSGBUF_MAX];
	if (argc > 1 && parse_id("caps", argv[1], &id))
		return 1;
	for (;;) {
		struct tern_msg m = { .info = MSG_INFO(INIT_MANIFEST, 2, 0), .mr = { id, off } };
		long r = init_call(&m);
		if (r) {
			printf("caps: %s: %s\n", arg, sh_init_strerror(-r));
			return 1;
		}
		size_t n = m.mr[0] < sizeof(text) ? m.mr[0] : sizeof(text);
		if (!n)
			break;
		msg_get_bytes(&m, 1, text, n);
		stdio_write(text, n);
		off += n;
	}
	if (!off)
		printf("caps: %s: no manifest\n", arg);
	return 0;
}

int bi_kill(int argc, const char **argv)
{
	int st = 0;
	uint64_t id;
	if (argc < 2) {
		printf("usage: kill ID...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		if (parse_id("kill", argv[i], &id)) {
			st = 1;
			continue;
		}
		long r = init_kill(PROG_INIT, id);
		if (r < 0) {
			printf("kill: %s: %s\n", argv[i], sh_init_strerror(-r));
			st = 1;
		}
	}
	return st;
}

int bi_uptime(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	uint64_t ms = tern_uptime_ns() / 1000000, s = ms / 1000;
	printf("up %lu:%02lu:%02lu.%03lu\n", (unsigned long)(s / 3600), (unsigned long)(s / 60 % 60),
	       (unsigned long)(s % 60), (unsigned long)(ms % 1000));
	return 0;
}

int bi_mem(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	struct tern_msg m = { .info = MSG_INFO(INIT_MEM, 0, 0) };
	long r = init_call(&m);
	if (r) {
		printf("mem: %s\n", sh_init_strerror(-r));
		return 1;
	}
	printf("memory: %lu KiB free of %lu KiB; %lu kernel tasks\n", (unsigned long)(m.mr[0] / 1024),
	       (unsigned long)(m.mr[1] / 1024), (unsigned long)m.mr[2]);
	return 0;
}

/* Ask init to end the machine; a reply at all means it refused. */
static int power(const char *cmd, unsigned method)
{
	struct tern_msg m = { .info = MSG_INFO(method, 0, 0) };
	long r = init_call(&m);
	sh_eprintf("%s: %s\n", cmd, r ? sh_init_strerror(-r) : "init did not do it");
	return 1;
}

int bi_reboot(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	return power("reboot", INIT_REBOOT);
}

int bi_poweroff(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	return power("poweroff", INIT_POWEROFF);
}
