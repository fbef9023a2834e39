/* Task invocations (SYS_INVOKE on a task cap): decode, then invoke. */
#include <abi/error.h>
#include <abi/object.h>
#include <object/cspace.h>
#include <object/note.h>
#include <object/page.h>
#include <object/task.h>
#include <sched.h>
#include <syscall.h>
#include <vspace.h>

static int canonical_user(uint64_t va) { return va < USER_TOP; }

void task_invoke(struct cap *c, uint64_t op, struct trap_frame *f)
{
	struct task *t = (struct task *)c->obj;
	uint64_t err = 0;
	struct cap *arg = 0;
	if (!(c->rights & RIGHT_WRITE) && op != TASK_INFO) {
		f->rax = E_NO_RIGHTS;
		return;
	}
	if (t->state == TASK_DEAD && op != TASK_INFO && op != TASK_KILL) {
		f->rax = E_DEAD;
		return;
	}
	switch (op) {
	case TASK_SET_REGS:
		if (!canonical_user(f->rdx) || !canonical_user(f->r10)) {
			f->rax = E_BAD_ARG;
			return;
		}
		t->frame->rip = f->rdx;
		t->frame->rsp = f->r10;
		t->frame->rdi = f->r8;
		t->frame->rsi = f->r9;
		break;
	case TASK_SET_IPCBUF:
		if (!(arg = cap_lookup(f->rdx, CAP_PAGE, RIGHT_READ | RIGHT_WRITE, &err))) {
			f->rax = err;
			return;
		}
		kobj_get(arg->obj);
		if (t->ipcbuf)
			kobj_put(&t->ipcbuf->hdr);
		t->ipcbuf = (struct page *)arg->obj;
		break;
	case TASK_SET_PRIO:
		if (f->rdx > 255 || f->rdx > current->prio) {
			f->rax = E_NO_RIGHTS;   /* nobody raises another above itself */
			return;
		}
		/* Its own priority, also the one it returns to after serving
		 * a call (or a reply would undo the change); while it serves,
		 * it keeps its caller's if that is higher. */
		t->prio = t->reply_saved_prio = (uint8_t)f->rdx;
		ipc_relend(t);
		break;
	case TASK_SET_FAULT:
		if (f->rdx && !(arg = cap_lookup(f->rdx, CAP_ENDPOINT, RIGHT_WRITE, &err))) {
			f->rax = err;
			return;
		}
		if (t->fault_ep.type)
			cap_clear(&t->fault_ep);
		if (f->rdx)
			cap_make(&t->fault_ep, arg->type, arg->rights, arg->obj, arg->badge, arg->extra);
		break;
	case TASK_BIND_NOTE:
		if (f->rdx && !(arg = cap_lookup(f->rdx, CAP_NOTE, RIGHT_READ, &err))) {
			f->rax = err;
			return;
		}
		if (f->rdx && ((struct note *)arg->obj)->bound && ((struct note *)arg->obj)->bound != t) {
			f->rax = E_BUSY;
			return;
		}
		if (t->bound) {
			t->bound->bound = 0;
			kobj_put(&t->bound->hdr);
			t->bound = 0;
		}
		if (f->rdx) {
			t->bound = (struct note *)arg->obj;
			t->bound->bound = t;
			kobj_get(arg->obj);
		}
		break;
	case TASK_START:
		if (t->state != TASK_INACTIVE && t->state != TASK_STOPPED) {
			f->rax = E_BUSY;
			return;
		}
		sched_ready(t);
		break;
	case TASK_STOP:
		task_stop(t);
		break;
	case TASK_KILL:
		f->rax = TERN_OK;       /* set first: t may be the caller itself */
		task_kill(t);
		return;
	case TASK_INFO:
		f->rdi = t->state;
		f->rsi = t->prio;
		f->rdx = t->faults;
		f->r10 = t->id;
		break;
	case TASK_CSPACE:
		if (!(arg = cap_lookup_empty(f->rdx, &err))) {
			f->rax = err;
			return;
		}
		cap_make(arg, CAP_CSPACE, RIGHTS_ALL, &t->cspace->hdr, 0, 0);
		break;
	case TASK_SET_TIMEOUT:
		if (f->rdx > 3600000) {
			f->rax = E_BAD_ARG;
			return;
		}
		t->call_timeout = (f->rdx * SCHED_HZ + 999) / 1000;   /* whole ticks, rounded up */
		break;
	case TASK_SET_NAME: {
		char name[sizeof(t->name)] = { 0 };
		uint64_t n = f->r10 < sizeof(name) - 1 ? f->r10 : sizeof(name) - 1;
		if (user_read(current, name, f->rdx, n)) {
			f->rax = E_BAD_ADDRESS;
			return;
		}
		task_set_name(t, name);
		break;
	}
	default:
		f->rax = E_BAD_SYSCALL;
		return;
	}
	f->rax = TERN_OK;
}
