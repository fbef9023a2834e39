/*
 * Scheduler: 256 priorities (higher runs first), round robin within one,
 * a time slice of SCHED_SLICE timer ticks. The kernel is not preemptible:
 * it switches only on the way out of a trap or system call.
 */
#pragma once
#include <object/task.h>

#define SCHED_HZ    1000
#define SCHED_SLICE 10

extern struct task *current;
extern int need_resched;
extern uint64_t sched_ticks;

void sched_init(struct task *idle);
void sched_ready(struct task *t);       /* make runnable and queue */
void sched_unready(struct task *t);     /* take off the run queue (state set by caller) */
void sched_set_eff_prio(struct task *t, uint8_t prio);
void sched_tick(void);
/* Switch to the best runnable task if it should run instead of current. */
void schedule(void);
/* Block t for a number of ticks; cancel on kill/stop. */
void sched_sleep(struct task *t, uint64_t ticks);
void sched_cancel_sleep(struct task *t);
/* End t's call (ipc_call_timeout) if it still blocks in ticks' time; any
 * wake-up (sched_ready) or sched_cancel_sleep cancels it. */
void sched_deadline(struct task *t, uint64_t ticks);
/* Give up the rest of the slice. */
void sched_yield(void);
/* The run queues: one FIFO per priority of runnable tasks other than the
 * current one, and a bitmap of the non-empty ones. */
extern struct list sched_queue[256];
extern uint64_t sched_nonempty[4];
/* Queue t at the tail of its priority (schedule(), and the note fastpath
 * where schedule() would put the signaller). */
static inline void sched_enqueue(struct task *t)
{
	list_add_tail(&sched_queue[t->eff_prio], &t->qlink);
	sched_nonempty[t->eff_prio / 64] |= 1ull << (t->eff_prio % 64);
}
/* Is a task of priority prio or higher queued (runnable, not running)?
 * The IPC fastpath asks; schedule() keeps the bitmap. */
static inline int sched_queued_from(unsigned prio)
{
	unsigned w = prio / 64;
	if (sched_nonempty[w] >> (prio % 64))
		return 1;
	while (++w < 4)
		if (sched_nonempty[w])
			return 1;
	return 0;
}
/* Run next now (the IPC fastpath; schedule() for everyone else). */
void sched_switch_to(struct task *next);
/* Make next current (tables, kernel stack, I/O bitmap, x87/SSE state)
 * without switching stacks: the caller does that (fastpath_exit). */
void sched_load(struct task *prev, struct task *next);
/* A destroyed task's stack and struct are freed by sched_reap (from
 * kobj_collect), once it is not the task whose stack we are on. */
void task_reap_later(struct task *t);
void sched_reap(void);
extern int sched_reap_pending;
/* First switch from boot into the task world; does not return. */
__attribute__((noreturn)) void sched_start(void);
