/*
 * Notes: asynchronous signals. A note is a word of bits; signal ORs the
 * signalling cap's badge into it and never blocks; wait takes (and
 * clears) all bits, blocking while there are none. A note bound to a task
 * also ends that task's RECV on an endpoint, so a server can sleep on
 * requests and interrupts at once.
 */
#include <abi/error.h>
#include <abi/msg.h>
#include <heap.h>
#include <object/note.h>
#include <object/task.h>
#include <sched.h>

struct note *note_create(void)
{
	struct note *n = kzalloc(sizeof(*n));
	if (n)
		n->hdr.type = CAP_NOTE;
	return n;
}

void note_destroy(struct note *n)
{
	if (n->waiter) {
		n->waiter->waiting_note = 0;
		n->waiter->frame->rax = E_DEAD;
		sched_ready(n->waiter);
	}
	kfree(n);
}

void note_signal(struct note *n, uint64_t bits)
{
	struct task *w = note_take_waiter(n, bits);
	if (w) {
		sched_ready(w);
		return;
	}
	w = n->bound;
	if (w && w->state == TASK_BLOCKED && w->block == BLOCK_RECV) {
		list_del(&w->qlink);
		w->blocked_on = 0;
		w->frame->rax = TERN_OK;
		w->frame->rdi = n->bits;
		w->frame->rsi = MSG_FROM_NOTE;
		n->bits = 0;
		sched_ready(w);
	}
}

void note_ref_set(struct note_ref *r, struct note *n, uint64_t badge)
{
	if (n)
		kobj_get(&n->hdr);
	if (r->note)
		kobj_put(&r->note->hdr);
	r->note = n;
	r->badge = badge ? badge : 1;
}

/* WAIT (block) or POLL on n for the current task. */
void note_wait(struct note *n, int block)
{
	struct task *t = current;
	if (n->bits || !block) {
		t->frame->rax = TERN_OK;
		t->frame->rdi = n->bits;
		n->bits = 0;
		return;
	}
	if (n->waiter) {
		t->frame->rax = E_BUSY;
		return;
	}
	n->waiter = t;
	t->waiting_note = n;
	t->state = TASK_BLOCKED;
	t->block = BLOCK_NOTE;
	sched_unready(t);
}
