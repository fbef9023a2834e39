/* Note (notification): a word of bits; signal ORs in, wait takes all. */
#pragma once
#include <object/kobj.h>

struct task;

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
