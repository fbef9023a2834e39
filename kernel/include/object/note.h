/* Note (notification): a word of bits; signal ORs in, wait takes all. */
#pragma once
#include <abi/error.h>
#include <object/kobj.h>
#include <object/task.h>

struct note {
	struct kobj hdr;
	uint64_t bits;
	struct task *waiter;    /* blocked in WAIT on this note */
	struct task *bound;     /* task whose RECV this note also wakes */
};

struct note *note_create(void);
void note_destroy(struct note *n);
/* Signal from the kernel (IRQs) or a task: OR bits in, wake the waiter. */
void note_signal(struct note *n, uint64_t bits);
/* WAIT (block = 1) or POLL for the current task. */
void note_wait(struct note *n, int block);

/* A note the kernel itself signals for a task that asked (the log's
 * reader, MACHINE_KLOG_NOTE; the host terminal's holder,
 * MACHINE_HOSTIN_NOTE): one reference held while set, so the note lives
 * as long as the kernel may signal it; signalled with its cap's badge, 1
 * if that is 0. */
struct note_ref {
	struct note *note;      /* 0: none */
	uint64_t badge;
};
/* Hold n (0: none) in place of what r held. */
void note_ref_set(struct note_ref *r, struct note *n, uint64_t badge);

/* The waiter's half of a signal, shared by note_signal and the note
 * fastpath (fastpath.c): OR bits in and, if a task waits in WAIT, give
 * it the word (its WAIT returns it) and return it, for the caller to make
 * runnable or run; 0 if none waits. Inline: on the fastpath's way. */
static inline struct task *note_take_waiter(struct note *n, uint64_t bits)
{
	struct task *w = n->waiter;
	n->bits |= bits;
	if (!w)
		return 0;
	n->waiter = 0;
	w->waiting_note = 0;
	w->frame->rax = TERN_OK;
	w->frame->rdi = n->bits;
	n->bits = 0;
	return w;
}
