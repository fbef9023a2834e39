/*
 * The IPC fastpath (as seL4's): a call, or a reply_recv, that carries only
 * register words to a partner already waiting for it, where the partner
 * is the task the scheduler would pick next anyway. It does exactly what
 * the general path (endpoint.c + schedule) would do for that case, minus
 * the generality: no staging of the message, no run-queue insert and
 * pick, a direct switch to the partner. Whenever any condition fails it
 * declines (returns 0) before changing anything, and the general path
 * runs as if it had not been asked.
 *
 * The conditions, and why each is needed to keep the general path's rules:
 *   message: MSG_LEN <= MSG_REGS and no caps (nothing to copy from or to
 *            an IPC buffer but recv_count, no grant checks);
 *   call:    the endpoint cap has WRITE; a receiver waits on it (so it is
 *            blocked in recv, with no note bits pending: a bound note
 *            would have woken it); it owes no other reply (else the
 *            general path drops that right first); the caller has no
 *            call timeout (the deadline needs the sleeper list);
 *   reply:   we owe a reply to a caller still waiting for this very call
 *            (not a fault message: that resumes instead of delivering);
 *            our receive will block (no sender queued, no note bits), so
 *            the caller is the one to run; the caller keeps another
 *            reference (so dropping ours cannot destroy it under us);
 *   both:    after lending or returning priority, the partner's effective
 *            priority is above every queued task's: the general path would
 *            queue the partner behind any task of equal priority.
 *
 * A note signal (SYS_SIGNAL) goes fast when it wakes a task that then runs
 * at once, as note_signal + sched_ready + schedule would have it:
 *   cap:     a note cap with WRITE (anything else: the general path says
 *            which error);
 *   waiter:  the note has a waiter, blocked in WAIT (a system call: a trap
 *            never blocks a task on a note); a note bound to a task in
 *            RECV is left to the general path;
 *   order:   the waiter's effective priority is above ours (at equal
 *            priority sched_ready leaves us running) and above every
 *            queued task's (schedule would pick one of those first).
 * The waiter gets the note's bits with our badge (1 if none), and we go
 * to the tail of our priority's queue, where schedule() would put us.
 * A valid cap whose signal wakes nobody at once gets note_signal, as
 * sys_signal would give it, and the way out does the rest; an invalid one
 * goes to sys_signal, which says why.
 * fastpath=off on the kernel command line turns it off (tests compare).
 */
#include <abi/error.h>
#include <abi/syscall.h>
#include <arch/layout.h>
#include <arch/percpu.h>
#include <fastpath.h>
#include <list.h>
#include <object/cspace.h>
#include <object/endpoint.h>
#include <object/kobj.h>
#include <object/note.h>
#include <object/page.h>
#include <object/task.h>
#include <sched.h>

int fastpath_on = 1;
uint64_t fastpath_calls, fastpath_replies, fastpath_signals;

static int regs_only(uint64_t info)
{
	return MSG_LEN(info) <= MSG_REGS && MSG_NCAPS(info) == 0;
}

/* Hand over the four message registers, as deliver() does for a message
 * without caps (the receiver's recv_count says none came). */
static inline void hand_over(const struct trap_frame *from, struct task *to, uint64_t badge, uint64_t info)
{
	struct trap_frame *f = to->frame;
	f->rax = TERN_OK;
	f->rdi = badge;
	f->rsi = MSG_INFO(MSG_LABEL(info), MSG_LEN(info), 0);
	f->rdx = from->rdx;
	f->r10 = from->r10;
	f->r8 = from->r8;
	f->r9 = from->r9;
	if (to->ipcbuf)
		((struct tern_ipcbuf *)phys_to_virt(page_frame(to->ipcbuf, 0)))->recv_count = 0;
}

void syscall_exit_work(void);
void fastpath_exit(uint64_t *prev_ksp, struct trap_frame *prev, struct trap_frame *next)
	__attribute__((noreturn));

/*
 * Make t runnable and run it now, as sched_ready + schedule would. t
 * waits in a system call (recv or call: a trap never blocks a task in
 * BLOCK_RECV or BLOCK_REPLY) whose way out would find nothing to do: no
 * dead objects, no stacks to reap, no reschedule, t runnable. So rather
 * than resume t's kernel context only to unwind it, leave through its
 * trap frame directly (fastpath_exit). When there is work on the way
 * out, or either frame is not a system call's, switch as schedule does.
 */
static inline __attribute__((always_inline)) void run_now(struct task *t)
{
	list_del(&t->sleep_link);       /* a call's deadline ends with its answer */
	t->state = TASK_RUNNABLE;
	t->block = BLOCK_NONE;
	if (!t->slice)
		t->slice = SCHED_SLICE;
	need_resched = 0;
	struct task *prev = current;
	if (kobj_dead || sched_reap_pending || t->frame->vector != SYSCALL_VECTOR ||
	    prev->frame->vector != SYSCALL_VECTOR) {
		sched_switch_to(t);
		return;
	}
	sched_load(prev, t);
	fastpath_exit(&prev->ksp, prev->frame, t->frame);
}

static int fast_call(struct trap_frame *f)
{
	struct task *t = current;
	struct cap *c = cspace_slot(t->cspace, f->rdi);
	if (!c || c->type != CAP_ENDPOINT || !(c->rights & RIGHT_WRITE) || t->call_timeout)
		return 0;
	struct endpoint *ep = (struct endpoint *)c->obj;
	if (!ep->receivers || list_empty(&ep->waiters))
		return 0;
	struct task *r = list_entry(ep->waiters.next, struct task, qlink);
	uint8_t prio = t->eff_prio > r->eff_prio ? t->eff_prio : r->eff_prio;
	if (r->reply_to || r->block != BLOCK_RECV || sched_queued_from(prio))
		return 0;
	list_del(&r->qlink);
	r->blocked_on = 0;
	t->send_badge = c->badge;
	t->call_seq++;
	f->rax = TERN_OK;               /* until the answer overwrites it */
	hand_over(f, r, c->badge, f->rsi);
	/* grant_reply: we wait for the answer, r serves at our priority with
	 * at least the rest of our slice. */
	t->state = TASK_BLOCKED;
	t->block = BLOCK_REPLY;
	kobj_get(&t->hdr);
	r->reply_to = t;
	r->reply_seq = t->call_seq;
	r->reply_saved_prio = r->eff_prio;
	r->eff_prio = prio;
	if (t->slice > r->slice)
		r->slice = t->slice;
	fastpath_calls++;
	run_now(r);
	return 1;
}

static int fast_reply_recv(struct trap_frame *f)
{
	struct task *t = current, *caller = t->reply_to;
	if (!caller)
		return 0;
	struct cap *c = cspace_slot(t->cspace, f->rdi);
	if (!c || c->type != CAP_ENDPOINT || !(c->rights & RIGHT_READ))
		return 0;
	struct endpoint *ep = (struct endpoint *)c->obj;
	if ((!ep->receivers && !list_empty(&ep->waiters)) || (t->bound && t->bound->bits))
		return 0;
	if (caller->state != TASK_BLOCKED || caller->block != BLOCK_REPLY || caller->call_seq != t->reply_seq ||
	    caller->blocked_on || caller->hdr.refs < 2 || sched_queued_from(caller->eff_prio))
		return 0;
	/* ipc_reply: our priority is our own again (or what we had when this
	 * call came in); ipc_relend with no reply owed computes just that. */
	t->reply_to = 0;
	t->eff_prio = t->reply_saved_prio > t->prio ? t->reply_saved_prio : t->prio;
	hand_over(f, caller, 0, f->rsi);
	kobj_put(&caller->hdr);
	/* ipc_recv: we wait on the endpoint for the next message. */
	ep->receivers = 1;
	list_add_tail(&ep->waiters, &t->qlink);
	t->blocked_on = ep;
	t->block = BLOCK_RECV;
	t->state = TASK_BLOCKED;
	fastpath_replies++;
	run_now(caller);
	return 1;
}

int fastpath_signal(struct trap_frame *f)
{
	if (!fastpath_on)
		return 0;
	struct task *t = current;
	struct cap *c = cspace_slot(t->cspace, f->rdi);
	if (!c || c->type != CAP_NOTE || !(c->rights & RIGHT_WRITE))
		return 0;
	struct note *n = (struct note *)c->obj;
	struct task *w = n->waiter;
	f->rax = TERN_OK;
	if (!w || w->state != TASK_BLOCKED || w->block != BLOCK_NOTE || t->state != TASK_RUNNABLE ||
	    w->eff_prio <= t->eff_prio || sched_queued_from(w->eff_prio)) {
		/* The cap is what sys_signal checks for: do what it does
		 * (the way out switches if it must), without a second lookup. */
		note_signal(n, c->badge ? c->badge : 1);
		return 1;
	}
	note_take_waiter(n, c->badge ? c->badge : 1);  /* w */
	/* schedule: we are still runnable, behind our equals */
	sched_enqueue(t);
	fastpath_signals++;
	run_now(w);
	return 1;
}

int fastpath(struct trap_frame *f)
{
	if (!fastpath_on || !regs_only(f->rsi))
		return 0;
	return f->rax == SYS_CALL ? fast_call(f) : fast_reply_recv(f);
}
