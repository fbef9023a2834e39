/*
 * System call dispatch. The table below is the kernel side of
 * abi/syscall.h. Every handler decodes first (slot, type, rights, ranges:
 * anything may fail, with an error code in RAX) and only then invokes
 * (which cannot fail). Handlers that block leave RAX to whoever wakes the
 * task. Any task switch happens after the handler, on the way out.
 */
#include <abi/error.h>
#include <abi/syscall.h>
#include <arch/percpu.h>
#include <ipc.h>
#include <console.h>
#include <fastpath.h>
#include <kprintf.h>
#include <object/cspace.h>
#include <object/endpoint.h>
#include <object/note.h>
#include <object/task.h>
#include <sched.h>
#include <syscall.h>
#include <vspace.h>

struct cap *cap_lookup(uint64_t slot, int type, unsigned rights, uint64_t *err)
{
	struct cap *c = cspace_slot(current->cspace, slot);
	if (!c)
		*err = E_BAD_SLOT;
	else if (c->type == CAP_NULL)
		*err = E_EMPTY_SLOT;
	else if (type != CAP_NULL && c->type != type)
		*err = E_WRONG_TYPE;
	else if ((c->rights & rights) != rights)
		*err = E_NO_RIGHTS;
	else
		return c;
	return 0;
}

struct cap *cap_lookup_empty(uint64_t slot, uint64_t *err)
{
	struct cap *c = cspace_slot(current->cspace, slot);
	if (!c)
		*err = E_BAD_SLOT;
	else if (c->type != CAP_NULL)
		*err = E_SLOT_IN_USE;
	else
		return c;
	return 0;
}

static void sys_yield(struct trap_frame *f)
{
	f->rax = TERN_OK;
	sched_yield();
}

static void sys_uptime(struct trap_frame *f)
{
	f->rax = TERN_OK;
	f->rdi = sched_ticks * (1000000000ull / SCHED_HZ);
	f->rsi = sched_ticks;
}

/* SEND/CALL: a0 = endpoint (or reply cap), a1 = info, a2..a5 = MR0..3. */
static void do_send(struct trap_frame *f, int block, int call)
{
	uint64_t err = 0;
	struct cap *c = cap_lookup(f->rdi, CAP_NULL, RIGHT_WRITE, &err);
	if (c && c->type != CAP_ENDPOINT && (c->type != CAP_REPLY || call))
		c = 0, err = E_WRONG_TYPE;
	if (c)
		err = ipc_stage(current, f->rsi, c->type == CAP_REPLY || (c->rights & RIGHT_GRANT));
	if (err) {
		f->rax = err;
		return;
	}
	ipc_send(c, block, call);
}

static void sys_send(struct trap_frame *f) { do_send(f, 1, 0); }
static void sys_nbsend(struct trap_frame *f) { do_send(f, 0, 0); }
static void sys_call(struct trap_frame *f) { do_send(f, 1, 1); }
static void sys_nbcall(struct trap_frame *f) { do_send(f, 0, 1); }

static void do_recv(struct trap_frame *f, int block)
{
	uint64_t err = 0;
	struct cap *c = cap_lookup(f->rdi, CAP_ENDPOINT, RIGHT_READ, &err);
	if (!c) {
		f->rax = err;
		return;
	}
	ipc_recv(c, block);
}

static void sys_recv(struct trap_frame *f) { do_recv(f, 1); }
static void sys_nbrecv(struct trap_frame *f) { do_recv(f, 0); }

static void sys_reply(struct trap_frame *f)
{
	if (!current->reply_to) {
		f->rax = E_NO_REPLY;
		return;
	}
	uint64_t err = ipc_stage(current, f->rsi, 1);
	if (err) {
		f->rax = err;
		return;
	}
	ipc_reply();
}

static void sys_reply_recv(struct trap_frame *f)
{
	uint64_t err = 0;
	struct cap *c = cap_lookup(f->rdi, CAP_ENDPOINT, RIGHT_READ, &err);
	if (!c) {
		f->rax = err;
		return;
	}
	if (current->reply_to) {
		err = ipc_stage(current, f->rsi, 1);
		if (err) {
			f->rax = err;
			return;
		}
		ipc_reply();
	}
	ipc_recv(c, 1);
}

static void sys_signal(struct trap_frame *f)
{
	uint64_t err = 0;
	struct cap *c = cap_lookup(f->rdi, CAP_NOTE, RIGHT_WRITE, &err);
	if (!c) {
		f->rax = err;
		return;
	}
	f->rax = TERN_OK;
	note_signal((struct note *)c->obj, c->badge ? c->badge : 1);
}

static void do_wait(struct trap_frame *f, int block)
{
	uint64_t err = 0;
	struct cap *c = cap_lookup(f->rdi, CAP_NOTE, RIGHT_READ, &err);
	if (!c) {
		f->rax = err;
		return;
	}
	note_wait((struct note *)c->obj, block);
}

static void sys_wait(struct trap_frame *f) { do_wait(f, 1); }
static void sys_poll(struct trap_frame *f) { do_wait(f, 0); }

static void sys_save_reply(struct trap_frame *f)
{
	uint64_t err = 0;
	struct cap *dst = cap_lookup_empty(f->rdi, &err);
	if (dst && !current->reply_to)
		dst = 0, err = E_NO_REPLY;
	f->rax = dst ? (uint64_t)ipc_save_reply(dst) : err;
}

static void sys_invoke(struct trap_frame *f)
{
	uint64_t err = 0;
	struct cap *c = cap_lookup(f->rdi, CAP_NULL, 0, &err);
	if (!c) {
		f->rax = err;
		return;
	}
	uint64_t op = f->rsi;
	switch (c->type) {
	case CAP_MEMORY: memory_invoke(c, op, f); break;
	case CAP_TASK: task_invoke(c, op, f); break;
	case CAP_PAGE: page_invoke(c, op, f); break;
	case CAP_IRQ_CONTROL: irq_control_invoke(c, op, f); break;
	case CAP_IRQ: irq_invoke(c, op, f); break;
	case CAP_IOPORT: ioport_invoke(c, op, f); break;
	case CAP_MACHINE: machine_invoke(c, op, f); break;
	case CAP_MMIO: mmio_invoke(c, op, f); break;
	default: f->rax = E_BAD_SYSCALL; break;
	}
}

static void sys_exit(struct trap_frame *f)
{
	f->rax = TERN_OK;
	task_exit(current, f->rdi);
}

static void sys_sleep(struct trap_frame *f)
{
	uint64_t tick_ns = 1000000000ull / SCHED_HZ;
	uint64_t ticks = f->rdi / tick_ns + (f->rdi % tick_ns != 0);
	f->rax = TERN_OK;
	sched_sleep(current, ticks);
}

void sys_debug_write(struct trap_frame *f);
void sys_cap_copy(struct trap_frame *f);
void sys_cap_mint(struct trap_frame *f);
void sys_cap_move(struct trap_frame *f);
void sys_cap_delete(struct trap_frame *f);
void sys_cap_identify(struct trap_frame *f);

static void (*const syscalls[SYS_COUNT])(struct trap_frame *) = {
	[SYS_DEBUG_WRITE] = sys_debug_write,
	[SYS_YIELD] = sys_yield,
	[SYS_UPTIME] = sys_uptime,
	[SYS_SEND] = sys_send,
	[SYS_NBSEND] = sys_nbsend,
	[SYS_RECV] = sys_recv,
	[SYS_NBRECV] = sys_nbrecv,
	[SYS_CALL] = sys_call,
	[SYS_REPLY] = sys_reply,
	[SYS_REPLY_RECV] = sys_reply_recv,
	[SYS_SIGNAL] = sys_signal,
	[SYS_WAIT] = sys_wait,
	[SYS_POLL] = sys_poll,
	[SYS_CAP_COPY] = sys_cap_copy,
	[SYS_CAP_MINT] = sys_cap_mint,
	[SYS_CAP_MOVE] = sys_cap_move,
	[SYS_CAP_DELETE] = sys_cap_delete,
	[SYS_CAP_IDENTIFY] = sys_cap_identify,
	[SYS_CAP_SAVE_REPLY] = sys_save_reply,
	[SYS_INVOKE] = sys_invoke,
	[SYS_EXIT] = sys_exit,
	[SYS_SLEEP] = sys_sleep,
	[SYS_NBCALL] = sys_nbcall,
};

/* The way out of every system call: destroy what died, switch if the
 * current task may not go on. Also where a task the IPC fastpath left
 * blocked resumes (fastpath_resume in syscall.S). */
void syscall_exit_work(void)
{
	if (kobj_dead || sched_reap_pending)
		kobj_collect();
	if (need_resched || current->state != TASK_RUNNABLE)
		schedule();
}

void syscall_dispatch(struct trap_frame *f)
{
	if (((f->rax == SYS_CALL || f->rax == SYS_REPLY_RECV) && fastpath(f)) ||
	    (f->rax == SYS_SIGNAL && fastpath_signal(f)))
		;       /* done, and we have run again since */
	else if (f->rax < SYS_COUNT && syscalls[f->rax])
		syscalls[f->rax](f);
	else
		f->rax = E_BAD_SYSCALL;
	syscall_exit_work();
}
