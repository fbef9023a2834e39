/*
 * The init protocol (proto/init.h), server side, and fault messages. The
 * badge of every message says who sent it: a program id, or FAULT_BADGE |
 * id for the kernel's fault (and exit) messages about that program.
 *
 * Every request is decoded before init acts on it: the message must carry
 * the words its method reads (MSG_LEN), since words beyond it in init's
 * IPC buffer are left over from other messages; and what it asks must be
 * within the sender's authority (authority.c). init only ever replies to
 * a client, and replies never block. Caps may come with any message
 * (main.c); INIT_SPAWN keeps up to three (the program's standard streams)
 * and INIT_WATCH one (a note), all others are deleted after the request.
 */
#include "faultsym.h"
#include "init.h"
#include <stdio.h>
#include <string.h>

static void answer(uint64_t label, unsigned len, struct tern_msg *m)
{
	m->info = MSG_INFO(label, len, 0);
	tern_reply(m);
}

/*
 * INIT_SPAWN: MR0 = args len | cwd len << 32, the args' bytes from MR1 and
 * the cwd's right after them; up to three caps (stdin, stdout, stderr).
 * On success the program owns the caps (caps[i] = 0); otherwise main.c
 * deletes them.
 */
static void do_spawn(struct prog *asker, struct tern_msg *m, uint64_t *caps, unsigned ncaps)
{
	char bytes[MSGBUF_MAX + 1], args[PROG_ARGS_MAX], cwd[sizeof(asker->cwd)];
	uint64_t n = m->mr[0] & 0xFFFFFFFFu, ncwd = m->mr[0] >> 32;
	/* n + ncwd bytes from MR1 must all be in the message. */
	if (n == 0 || n >= sizeof(args) || ncwd >= sizeof(cwd) || n + ncwd > MSGBUF_MAX ||
	    MSG_LEN(m->info) < 1 + (n + ncwd + 7) / 8 || ncaps > 3) {
		answer(E_BAD_ARG, 0, m);
		return;
	}
	msg_get_bytes(m, 1, bytes, n + ncwd);
	memcpy(args, bytes, n);
	args[n] = '\0';
	memcpy(cwd, bytes + n, ncwd);
	cwd[ncwd] = '\0';
	/* The cwd is absolute and one string (a NUL after it is tolerated). */
	while (ncwd > 0 && !cwd[ncwd - 1])
		ncwd--;
	if (ncwd && (cwd[0] != '/' || strlen(cwd) != ncwd)) {
		answer(E_BAD_ARG, 0, m);
		return;
	}
	/* Words are NUL-separated and none is empty, since the child counts
	 * them; NULs after the last word (sent or not) end it. */
	while (n > 0 && !args[n - 1])
		n--;
	uint64_t argc = 1;
	for (uint64_t i = 0; i < n; i++)
		if (!args[i])
			argc++;
	for (uint64_t i = 0; i <= n; i++)
		if (!args[i] && (i == 0 || !args[i - 1])) {
			answer(E_BAD_ARG, 0, m);
			return;
		}
	struct spawn_args a = { .args = args, .args_len = n + 1, .argc = argc, .cwd = ncwd ? cwd : 0 };
	for (unsigned i = 0; i < ncaps; i++)
		a.io[i] = caps[i];
	long err = 0;
	struct prog *p = prog_spawn(asker, &a, &err);
	if (!p) {
		answer((uint64_t)err, 0, m);
		return;
	}
	for (unsigned i = 0; i < ncaps; i++)
		caps[i] = 0;
	m->mr[0] = p->id;
	answer(0, 1, m);
}

static void do_wait(struct prog *asker, struct tern_msg *m)
{
	struct prog *p = prog_find(m->mr[0]);
	if (!p) {
		answer(INIT_ESRCH, 0, m);
		return;
	}
	long err = authority_wait(asker, m->badge, p);
	if (err) {
		answer((uint64_t)err, 0, m);
		return;
	}
	if (!p->task && p->state != INIT_RESTARTING) {
		m->mr[0] = p->status;
		answer(0, 1, m);
		return;
	}
	/* One wait per asker: a new one replaces an old one whose caller gave
	 * up (a call timeout), so waits cannot use up the table. */
	prog_drop_waiter(p, asker->id);
	uint64_t s = slot_alloc();
	if (!s || p->nwaiters == MAX_WAITERS || tern_save_reply(s)) {
		slot_free(s);
		answer(E_BUSY, 0, m);
		return;
	}
	p->waiter_id[p->nwaiters] = asker->id;
	p->waiters[p->nwaiters++] = s;  /* answered in prog_ended */
}

/*
 * INIT_WATCH: MR0 = id, one note cap, kept (caps[0] = 0) until the program
 * ends, the asker ends, or the asker watches it again. A program already
 * ended is signalled at once. Watches take a place of the same table size
 * as waits: one per asker, as many askers as MAX_WAITERS.
 */
static void do_watch(struct prog *asker, struct tern_msg *m, uint64_t *caps, unsigned ncaps)
{
	struct tern_capinfo ci;
	if (ncaps != 1 || tern_cap_identify(caps[0], &ci) || ci.type != CAP_NOTE || !(ci.rights & RIGHT_WRITE)) {
		answer(E_BAD_ARG, 0, m);
		return;
	}
	struct prog *p = prog_find(m->mr[0]);
	if (!p) {
		answer(INIT_ESRCH, 0, m);
		return;
	}
	long err = authority_watch(asker, m->badge, p);
	if (err) {
		answer((uint64_t)err, 0, m);
		return;
	}
	prog_drop_watch(p, asker->id);
	if (!p->task && p->state != INIT_RESTARTING) {
		tern_signal(caps[0]);   /* never blocks; main.c deletes the cap */
		answer(0, 0, m);
		return;
	}
	if (p->nwatches == MAX_WAITERS) {
		answer(E_BUSY, 0, m);
		return;
	}
	p->watch_id[p->nwatches] = asker->id;
	p->watches[p->nwatches++] = caps[0];
	caps[0] = 0;
	answer(0, 0, m);
}

static void do_ps(struct tern_msg *m)
{
	uint64_t k = m->mr[0];
	for (int i = 0; i < MAX_PROGS; i++) {
		if (!progs[i].used || k--)
			continue;
		struct prog *p = &progs[i];
		m->mr[0] = p->id;
		m->mr[1] = (uint64_t)p->state;
		m->mr[2] = p->restarts;
		m->mr[3] = p->ktask;
		unsigned len = msg_put_bytes(m, 4, p->man.name, sizeof(p->man.name));
		answer(0, len, m);
		return;
	}
	answer(E_BAD_ARG, 0, m);
}

static void do_manifest(struct tern_msg *m)
{
	struct prog *p = prog_find(m->mr[0]);
	if (!p) {
		answer(INIT_ESRCH, 0, m);
		return;
	}
	uint64_t off = m->mr[1] < p->man_len ? m->mr[1] : p->man_len;
	uint64_t n = p->man_len - off < MSGBUF_MAX - 8 ? p->man_len - off : MSGBUF_MAX - 8;
	m->mr[0] = n;
	unsigned len = msg_put_bytes(m, 1, p->man_text + off, n);
	answer(0, len, m);
}

static void do_mem(struct tern_msg *m)
{
	uint64_t out[6] = { 0 };
	tern_invoke(ROOT_MACHINE, MACHINE_INFO, 0, 0, 0, 0, out);
	m->mr[0] = out[0] * 4096;
	m->mr[1] = out[1] * 4096;
	m->mr[2] = out[2];
	answer(0, 3, m);
}

static void do_kill(struct prog *asker, struct tern_msg *m)
{
	struct prog *p = prog_find(m->mr[0]);
	if (!p || !p->task) {
		answer(INIT_ESRCH, 0, m);
		return;
	}
	long err = authority_kill(asker, m->badge, p);
	answer((uint64_t)err, 0, m);
	if (err)
		return;
	printf("init: killing %s (id %lu) on request of %s (id %lu)\n", p->man.name, p->id, asker->man.name,
	       asker->id);
	p->killed = 1;
	prog_ended(p, INIT_EXITED, 137);
}

static void do_power(struct prog *asker, struct tern_msg *m, const char *what, uint64_t op)
{
	long err = authority_power(asker, m->badge, what);
	if (err) {
		answer((uint64_t)err, 0, m);
		return;
	}
	printf("init: %s requested by %s (id %lu)\n", what, asker->man.name, asker->id);
	err = tern_invoke(ROOT_MACHINE, op, 0, 0, 0, 0, 0);
	answer(err ? (uint64_t)err : E_BUSY, 0, m);     /* only if the machine did not go down */
}

/* How many message words each method reads. */
static const unsigned min_len[] = {
	[INIT_SPAWN] = 1, [INIT_WAIT] = 1, [INIT_KILL] = 1, [INIT_PS] = 1, [INIT_MANIFEST] = 2,
	[INIT_MEM] = 0, [INIT_POWEROFF] = 0, [INIT_REBOOT] = 0, [INIT_WATCH] = 1,
};

void request_handle(struct tern_msg *m, uint64_t *caps, unsigned ncaps)
{
	uint64_t label = MSG_LABEL(m->info);
	if (label == 0 || label >= sizeof(min_len) / sizeof(min_len[0])) {
		answer(E_BAD_SYSCALL, 0, m);
		return;
	}
	/* Every client cap init gives is badged with a live program's id. */
	struct prog *asker = prog_find(m->badge);
	if (!asker || MSG_LEN(m->info) < min_len[label]) {
		answer(asker ? E_BAD_ARG : E_NO_RIGHTS, 0, m);
		return;
	}
	switch (label) {
	case INIT_SPAWN: do_spawn(asker, m, caps, ncaps); break;
	case INIT_WATCH: do_watch(asker, m, caps, ncaps); break;
	case INIT_WAIT: do_wait(asker, m); break;
	case INIT_KILL: do_kill(asker, m); break;
	case INIT_PS: do_ps(m); break;
	case INIT_MANIFEST: do_manifest(m); break;
	case INIT_MEM: do_mem(m); break;
	case INIT_POWEROFF: do_power(asker, m, "power off", MACHINE_POWEROFF); break;
	case INIT_REBOOT: do_power(asker, m, "reboot", MACHINE_REBOOT); break;
	}
}

void fault_handle(struct tern_msg *m)
{
	struct prog *p = prog_find(m->badge & ~FAULT_BADGE);
	uint64_t kind = tern_ipcbuf->mr[FAULT_MR_KIND];
	if (!p || !p->task)
		return;
	if (kind == FAULT_EXIT) {
		/* 141 is how a pipeline's writer ends when its reader has gone
		 * (lib/stdio.c): routine, not worth a line on the console. */
		if (m->mr[0] && m->mr[0] != STDIO_EPIPE_STATUS)
			printf("init: %s (id %lu) exited with status %lu\n", p->man.name, p->id, m->mr[0]);
		prog_ended(p, INIT_EXITED, m->mr[0]);
		return;
	}
	/* The function, when the program has a symbol table (the test
	 * initramfs keeps them; faultsym.c): "RIP 4010a3 in main+0x13". */
	char fn[64] = "";
	const char *in = "";
	if (p->elf && faultsym_name(p->elf, p->elf_len, m->mr[FAULT_MR_RIP], fn, sizeof(fn)))
		in = " in ";
	if (kind == FAULT_IOPORT)
		printf("init: %s (id %lu) stopped: I/O port 0x%lx is outside its manifest (RIP %lx%s%s)\n",
		       p->man.name, p->id, m->mr[FAULT_MR_ADDR], m->mr[FAULT_MR_RIP], in, fn);
	else
		printf("init: %s (id %lu) stopped: CPU exception %lu, error 0x%lx, address 0x%lx, RIP %lx%s%s\n",
		       p->man.name, p->id, m->mr[FAULT_MR_VECTOR], m->mr[FAULT_MR_ERROR],
		       m->mr[FAULT_MR_ADDR], m->mr[FAULT_MR_RIP], in, fn);
	prog_ended(p, INIT_FAULTED, INIT_STATUS_FAULT | m->mr[FAULT_MR_VECTOR]);
}
