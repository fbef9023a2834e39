/*
 * The init protocol (proto/init.h), server side, and fault messages. The
 * badge of every message says who sent it: a program id, or FAULT_BADGE |
 * id for the kernel's fault (and exit) messages about that program.
 */
#include "init.h"
#include <stdio.h>
#include <string.h>

static void answer(uint64_t label, unsigned len, struct tern_msg *m)
{
	m->info = MSG_INFO(label, len, 0);
	tern_reply(m);
}

static void do_spawn(struct tern_msg *m)
{
	char args[PROG_ARGS_MAX];
	uint64_t n = m->mr[0];
	if (n == 0 || n >= sizeof(args) || n > MSGBUF_MAX) {
		answer(E_BAD_ARG, 0, m);
		return;
	}
	msg_get_bytes(m, 1, args, n);
	args[n] = '\0';
	uint64_t argc = 0;
	for (uint64_t i = 0; i <= n; i++)
		if (args[i] == '\0' && (i == 0 || args[i - 1] != '\0'))
			argc++;
	long err = 0;
	struct prog *p = prog_spawn(args, args, n + 1, argc, &err);
	if (!p) {
		answer((uint64_t)err, 0, m);
		return;
	}
	m->mr[0] = p->id;
	answer(0, 1, m);
}

static void do_wait(struct tern_msg *m)
{
	struct prog *p = prog_find(m->mr[0]);
	if (!p) {
		answer(INIT_ESRCH, 0, m);
		return;
	}
	if (!p->task && p->state != INIT_RESTARTING) {
		m->mr[0] = p->status;
		answer(0, 1, m);
		return;
	}
	uint64_t s = slot_alloc();
	if (!s || p->nwaiters == MAX_WAITERS || tern_save_reply(s)) {
		slot_free(s);
		answer(E_BUSY, 0, m);
		return;
	}
	p->waiters[p->nwaiters++] = s;  /* answered in prog_ended */
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

void request_handle(struct tern_msg *m)
{
	struct prog *p;
	switch (MSG_LABEL(m->info)) {
	case INIT_SPAWN: do_spawn(m); break;
	case INIT_WAIT: do_wait(m); break;
	case INIT_KILL:
		p = prog_find(m->mr[0]);
		if (!p || !p->task) {
			answer(INIT_ESRCH, 0, m);
			break;
		}
		answer(0, 0, m);
		printf("init: killing %s (id %lu) on request of id %lu\n", p->man.name, p->id, m->badge);
		prog_ended(p, INIT_EXITED, 137);
		break;
	case INIT_PS: do_ps(m); break;
	case INIT_MANIFEST: do_manifest(m); break;
	case INIT_MEM: do_mem(m); break;
	case INIT_POWEROFF:
		printf("init: power off requested by id %lu\n", m->badge);
		tern_invoke(ROOT_MACHINE, MACHINE_POWEROFF, 0, 0, 0, 0, 0);
		break;
	case INIT_REBOOT:
		printf("init: reboot requested by id %lu\n", m->badge);
		tern_invoke(ROOT_MACHINE, MACHINE_REBOOT, 0, 0, 0, 0, 0);
		break;
	default:
		answer(E_BAD_SYSCALL, 0, m);
	}
}

void fault_handle(struct tern_msg *m)
{
	struct prog *p = prog_find(m->badge & ~FAULT_BADGE);
	uint64_t kind = tern_ipcbuf->mr[FAULT_MR_KIND];
	if (!p || !p->task)
		return;
	if (kind == FAULT_EXIT) {
		if (m->mr[0])
			printf("init: %s (id %lu) exited with status %lu\n", p->man.name, p->id, m->mr[0]);
		prog_ended(p, INIT_EXITED, m->mr[0]);
		return;
	}
	if (kind == FAULT_IOPORT)
		printf("init: %s (id %lu) stopped: I/O port 0x%lx is outside its manifest (RIP %lx)\n",
		       p->man.name, p->id, m->mr[FAULT_MR_ADDR], m->mr[FAULT_MR_RIP]);
	else
		printf("init: %s (id %lu) stopped: CPU exception %lu, error 0x%lx, address 0x%lx, RIP %lx\n",
		       p->man.name, p->id, m->mr[FAULT_MR_VECTOR], m->mr[FAULT_MR_ERROR],
		       m->mr[FAULT_MR_ADDR], m->mr[FAULT_MR_RIP]);
	prog_ended(p, INIT_FAULTED, INIT_STATUS_FAULT | m->mr[FAULT_MR_VECTOR]);
}
