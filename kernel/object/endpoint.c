/*
 * Endpoints and synchronous IPC. A sender and a receiver meet at an
 * endpoint; whoever comes first waits in its FIFO queue. The message (an
 * info word, up to 64 registers, up to 4 capabilities) is copied out of
 * the sender when it sends (ipc_stage), so a queued message never reads
 * the sender's memory later, and delivered into the receiver's registers
 * and IPC buffer.
 *
 * A call is a send that also hands the receiver a one-shot reply right
 * (receiver->reply_to) and blocks the caller until it is used. While it
 * holds the right, the receiver runs at the caller's priority if that is
 * higher, with at least the rest of the caller's time slice ("helping"),
 * and gets its own priority back when it replies.
 */
#include <abi/error.h>
#include <arch/layout.h>
#include <heap.h>
#include <ipc.h>
#include <object/cspace.h>
#include <object/endpoint.h>
#include <object/memory.h>
#include <object/note.h>
#include <object/page.h>
#include <object/reply.h>
#include <object/task.h>
#include <sched.h>
#include <string.h>

struct endpoint *endpoint_create(void)
{
	struct endpoint *ep = kzalloc(sizeof(*ep));
	if (!ep)
		return 0;
	ep->hdr.type = CAP_ENDPOINT;
	list_init(&ep->waiters);
	return ep;
}

void ipc_drop_staged(struct task *t)
{
	for (int i = 0; i < MSG_MAX_CAPS; i++)
		if (t->send_caps[i].type)
			cap_clear(&t->send_caps[i]);
}

static void set_result(struct task *t, uint64_t err)
{
	t->frame->rax = err;
}

/* Nobody can reach this endpoint any more: its waiters fail with E_DEAD. */
void endpoint_destroy(struct endpoint *ep)
{
	while (!list_empty(&ep->waiters)) {
		struct task *t = list_entry(ep->waiters.next, struct task, qlink);
		list_del(&t->qlink);
		t->blocked_on = 0;
		ipc_drop_staged(t);
		if (t->block == BLOCK_FAULT) {
			t->state = TASK_STOPPED;    /* its handler is gone; stays stopped */
			continue;
		}
		set_result(t, E_DEAD);
		sched_ready(t);
	}
	kfree(ep);
}

static struct tern_ipcbuf *ipcbuf_of(struct task *t)
{
	return t->ipcbuf ? phys_to_virt(page_frame(t->ipcbuf, 0)) : 0;
}

int ipc_stage(struct task *t, uint64_t info, int may_grant)
{
	unsigned len = MSG_LEN(info), ncaps = MSG_NCAPS(info);
	struct tern_ipcbuf *buf = ipcbuf_of(t);
	if (len > MSG_MAX || ncaps > MSG_MAX_CAPS)
		return E_BAD_ARG;
	if ((len > MSG_REGS || ncaps) && !buf)
		return E_BAD_ARG;       /* long messages and caps need an IPC buffer */
	if (ncaps && !may_grant)
		return E_NO_RIGHTS;
	t->msg.info = info & ~MSG_FROM_NOTE;
	t->msg.mr[0] = t->frame->rdx;
	t->msg.mr[1] = t->frame->r10;
	t->msg.mr[2] = t->frame->r8;
	t->msg.mr[3] = t->frame->r9;
	for (unsigned i = MSG_REGS; i < len; i++)
		t->msg.mr[i] = buf->mr[i];
	for (unsigned i = 0; i < ncaps; i++) {
		struct cap *c = cspace_slot(t->cspace, buf->caps[i]);
		if (!c || c->type == CAP_NULL || c->type == CAP_REPLY) {
			while (i--)
				cap_clear(&t->send_caps[i]);
			return c ? E_EMPTY_SLOT : E_BAD_SLOT;
		}
		cap_make(&t->send_caps[i], c->type, c->rights, c->obj, c->badge, c->extra);
	}
	return TERN_OK;
}

/* Deliver s's staged message into r's registers and IPC buffer. */
static void deliver(struct task *s, struct task *r, uint64_t badge)
{
	struct tern_ipcbuf *buf = ipcbuf_of(r);
	unsigned len = MSG_LEN(s->msg.info), ncaps = MSG_NCAPS(s->msg.info), got = 0;
	if (len > MSG_REGS && !buf)
		len = MSG_REGS;         /* nowhere to put the rest */
	for (unsigned i = 0; i < ncaps; i++) {
		struct cap *dst = buf ? cspace_slot(r->cspace, buf->recv_slots[i]) : 0;
		if (dst && dst->type == CAP_NULL) {
			*dst = s->send_caps[i];     /* moves the reference */
			memset(&s->send_caps[i], 0, sizeof(struct cap));
			got++;
		} else {
			cap_clear(&s->send_caps[i]);
		}
	}
	if (buf) {
		for (unsigned i = MSG_REGS; i < len; i++)
			buf->mr[i] = s->msg.mr[i];
		buf->recv_count = got;
	}
	struct trap_frame *f = r->frame;
	f->rax = TERN_OK;
	f->rdi = badge;
	f->rsi = MSG_INFO(MSG_LABEL(s->msg.info), len, got);
	f->rdx = s->msg.mr[0];
	f->r10 = s->msg.mr[1];
	f->r8 = s->msg.mr[2];
	f->r9 = s->msg.mr[3];
}

/* r now owes caller an answer; lend it the caller's priority meanwhile.
 * An unused reply right r still held is dropped: that caller's call fails. */
static void grant_reply(struct task *r, struct task *caller)
{
	if (r->reply_to) {
		struct task *old = r->reply_to;
		r->reply_to = 0;
		ipc_abort_call(old, r->reply_seq);
		kobj_put(&old->hdr);
		ipc_relend(r);
	}
	caller->block = caller->block == BLOCK_FAULT ? BLOCK_FAULT : BLOCK_REPLY;
	caller->state = TASK_BLOCKED;
	sched_unready(caller);
	kobj_get(&caller->hdr);
	r->reply_to = caller;
	r->reply_seq = caller->call_seq;
	r->reply_saved_prio = r->eff_prio;
	if (caller->eff_prio > r->eff_prio)
		sched_set_eff_prio(r, caller->eff_prio);
	/* And its time: the server goes on with at least what the caller had
	 * left of its slice, so a call is not cut short by the server's own. */
	if (caller->slice > r->slice)
		r->slice = caller->slice;
}

static void enqueue(struct endpoint *ep, struct task *t, int receiver, int block)
{
	ep->receivers = receiver;
	list_add_tail(&ep->waiters, &t->qlink);
	t->blocked_on = ep;
	t->block = (uint8_t)block;
	t->state = TASK_BLOCKED;
	sched_unready(t);
}

static struct task *take_waiter(struct endpoint *ep, int receiver)
{
	if (list_empty(&ep->waiters) || ep->receivers != receiver)
		return 0;
	struct task *t = list_entry(ep->waiters.next, struct task, qlink);
	list_del(&t->qlink);
	t->blocked_on = 0;
	return t;
}

/* Sender s (blocked or current) meets receiver r. */
static void rendezvous(struct task *s, struct task *r, int call)
{
	deliver(s, r, s->send_badge);
	if (call)
		grant_reply(r, s);
	sched_ready(r);
}

/* TERN_OK, or E_DEAD if the answer reached no one: the replier learns
 * that what it sent (bytes taken from a terminal, say) is not consumed. */
static uint64_t reply_to_caller(struct task *replier, struct task *caller, uint64_t seq)
{
	/* Only the very call the right was made for, delivered and waiting:
	 * every call (and fault message) takes a new number when it starts. */
	if (caller->state != TASK_BLOCKED || caller->call_seq != seq || caller->blocked_on ||
	    (caller->block != BLOCK_REPLY && caller->block != BLOCK_FAULT)) {
		/* The caller died or gave up; the answer has nowhere to go. */
		ipc_drop_staged(replier);
		return E_DEAD;
	}
	if (caller->block == BLOCK_FAULT) {
		/* Resume the faulting task as it was; the answer carries no data. */
		ipc_drop_staged(replier);
	} else {
		deliver(replier, caller, 0);
	}
	sched_ready(caller);
	return TERN_OK;
}

void ipc_send(struct cap *c, int block, int call)
{
	struct task *t = current;
	if (c->type == CAP_REPLY) {
		struct reply *rp = (struct reply *)c->obj;
		uint64_t err = E_DEAD;
		if (rp->caller)         /* 0 once its quota was revoked */
			err = reply_to_caller(t, rp->caller, rp->seq);
		else
			ipc_drop_staged(t);
		cap_clear(c);           /* one shot */
		set_result(t, err);
		return;
	}
	struct endpoint *ep = (struct endpoint *)c->obj;
	t->send_badge = c->badge;
	if (call)
		t->call_seq++;          /* no earlier reply right matches this call */
	struct task *r = take_waiter(ep, 1);
	if (r) {
		set_result(t, TERN_OK);
		rendezvous(t, r, call);
		if (call && t->call_timeout)
			sched_deadline(t, t->call_timeout);
		return;
	}
	if (!block) {
		ipc_drop_staged(t);
		set_result(t, E_WOULD_BLOCK);
		return;
	}
	enqueue(ep, t, 0, call ? BLOCK_CALL : BLOCK_SEND);
	if (call && t->call_timeout)
		sched_deadline(t, t->call_timeout);
}

/*
 * A call ran out of its task's time: still queued, it leaves the queue;
 * delivered, its number moves on, so the server's reply right (or saved
 * reply) no longer matches it and goes nowhere. The server stops running
 * at the caller's priority.
 */
void ipc_call_timeout(struct task *t)
{
	if (t->state != TASK_BLOCKED || (t->block != BLOCK_CALL && t->block != BLOCK_REPLY))
		return;
	if (t->blocked_on) {
		list_del(&t->qlink);
		t->blocked_on = 0;
		ipc_drop_staged(t);
	}
	t->call_seq++;
	task_end_helpers(t);
	set_result(t, E_TIMEOUT);
	sched_ready(t);
}

static int take_note_bits(struct task *t)
{
	struct note *n = t->bound;
	if (!n || !n->bits)
		return 0;
	t->frame->rax = TERN_OK;
	t->frame->rdi = n->bits;
	t->frame->rsi = MSG_FROM_NOTE;
	n->bits = 0;
	return 1;
}

void ipc_recv(struct cap *c, int block)
{
	struct task *t = current;
	if (take_note_bits(t))
		return;
	struct endpoint *ep = (struct endpoint *)c->obj;
	struct task *s = take_waiter(ep, 0);
	if (s) {
		int call = s->block == BLOCK_CALL || s->block == BLOCK_FAULT;
		deliver(s, t, s->send_badge);
		if (call) {
			grant_reply(t, s);
		} else {
			set_result(s, TERN_OK);
			sched_ready(s);
		}
		return;
	}
	if (!block) {
		set_result(t, E_WOULD_BLOCK);
		return;
	}
	enqueue(ep, t, 1, BLOCK_RECV);
}

/*
 * A server's priority: its own, or what it had when the call it serves
 * came in (which may itself be lent), or its caller's if that is higher.
 * When it changes, the server it is calling in turn (if it is blocked in
 * a call of its own) is recomputed too, down the chain: a drop anywhere
 * must not leave a server further down running at the old priority.
 */
void ipc_relend(struct task *t)
{
	for (int depth = 0; t && depth < 256; depth++) {
		uint8_t p = t->reply_saved_prio > t->prio ? t->reply_saved_prio : t->prio;
		struct task *c = t->reply_to;
		if (c && c->state == TASK_BLOCKED && c->block == BLOCK_REPLY && c->call_seq == t->reply_seq &&
		    c->eff_prio > p)
			p = c->eff_prio;       /* only a caller still waiting lends */
		sched_set_eff_prio(t, p);
		struct task *caller = t;
		t = caller->state == TASK_BLOCKED && (caller->block == BLOCK_REPLY || caller->block == BLOCK_CALL) ?
			task_server_of(caller) : 0;
	}
}

void ipc_reply(void)
{
	struct task *t = current;
	struct task *caller = t->reply_to;
	t->reply_to = 0;
	ipc_relend(t);
	uint64_t err = reply_to_caller(t, caller, t->reply_seq);
	kobj_put(&caller->hdr);
	set_result(t, err);
}

int ipc_save_reply(struct cap *dst)
{
	struct task *t = current;
	/* Paid by the saver's quota: a server keeping many answers pays for
	 * them. Checked first: a reply made and dropped would abort the call. */
	struct memory *q = t->hdr.charged;
	if (q && q->left < REPLY_BYTES)
		return E_NO_MEMORY;
	struct reply *rp = reply_create(t->reply_to, t->reply_seq);
	if (!rp)
		return E_NO_MEMORY;
	memory_charge(q, &rp->hdr, REPLY_BYTES);
	kobj_put(&t->reply_to->hdr);    /* the reply object holds its own */
	t->reply_to = 0;
	ipc_relend(t);
	cap_make(dst, CAP_REPLY, RIGHT_WRITE, &rp->hdr, 0, 0);
	return TERN_OK;
}

/* The server owing caller an answer died (or the saved reply was dropped). */
void ipc_abort_call(struct task *caller, uint64_t seq)
{
	if (caller->state != TASK_BLOCKED || caller->call_seq != seq || caller->blocked_on)
		return;
	if (caller->block == BLOCK_REPLY) {
		set_result(caller, E_DEAD);
		sched_ready(caller);
	} else if (caller->block == BLOCK_FAULT) {
		caller->state = TASK_STOPPED;   /* nobody will resume it */
		caller->block = BLOCK_NONE;
	}
}

/* Kernel-made call from a faulting task to its fault endpoint. */
int ipc_fault_send(struct task *t)
{
	struct endpoint *ep = (struct endpoint *)t->fault_ep.obj;
	t->send_badge = t->fault_ep.badge;
	t->block = BLOCK_FAULT;
	t->call_seq++;
	struct task *r = take_waiter(ep, 1);
	if (r) {
		deliver(t, r, t->send_badge);
		grant_reply(r, t);
		sched_unready(t);
		sched_ready(r);
		return 0;
	}
	list_add_tail(&ep->waiters, &t->qlink);
	ep->receivers = 0;
	t->blocked_on = ep;
	t->state = TASK_BLOCKED;
	sched_unready(t);
	return 0;
}
