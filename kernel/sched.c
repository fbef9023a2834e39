/*
 * The scheduler. Runnable tasks other than the current one wait in one
 * FIFO queue per priority; a bitmap finds the highest non-empty queue.
 * The current task keeps the CPU until it blocks, a higher priority task
 * becomes runnable, or its slice runs out with an equal one waiting
 * (round robin). A task that receives a call runs at its caller's priority
 * until it replies (see endpoint.c), which is how a low priority server
 * helps a high priority client past a busy medium priority task.
 */
#include <arch/cpu.h>
#include <arch/fpu.h>
#include <arch/gdt.h>
#include <arch/layout.h>
#include <arch/paging.h>
#include <arch/percpu.h>
#include <ioport.h>
#include <panic.h>
#include <sched.h>

struct task *current;
int need_resched;
uint64_t sched_ticks;

struct list sched_queue[256];
uint64_t sched_nonempty[4];
static struct task *idle;
static struct list reap = { &reap, &reap };     /* destroyed tasks, stacks not yet freed */
int sched_reap_pending;          /* reap is not empty */

void sched_init(struct task *idle_task)
{
	for (int i = 0; i < 256; i++)
		list_init(&sched_queue[i]);
	idle = idle_task;
	current = idle;         /* boot runs "as" idle until sched_start */
}

static void enqueue(struct task *t)
{
	sched_enqueue(t);
}

static void dequeue(struct task *t)
{
	list_del(&t->qlink);
	if (list_empty(&sched_queue[t->eff_prio]))
		sched_nonempty[t->eff_prio / 64] &= ~(1ull << (t->eff_prio % 64));
}

static int best_prio(void)
{
	for (int w = 3; w >= 0; w--)
		if (sched_nonempty[w])
			return w * 64 + 63 - __builtin_clzll(sched_nonempty[w]);
	return -1;
}

static int queued(struct task *t)
{
	return t->state == TASK_RUNNABLE && t != current && t != idle;
}

void sched_ready(struct task *t)
{
	list_del(&t->sleep_link);       /* woken before its sleep or deadline ended */
	if (t->state == TASK_RUNNABLE)
		return;
	t->state = TASK_RUNNABLE;
	t->block = BLOCK_NONE;
	if (t == current)
		return;
	enqueue(t);
	if (current == idle || t->eff_prio > current->eff_prio)
		need_resched = 1;
}

void sched_unready(struct task *t)
{
	if (queued(t))
		dequeue(t);
	if (t == current)
		need_resched = 1;
}

void sched_set_eff_prio(struct task *t, uint8_t prio)
{
	if (t->eff_prio == prio)
		return;
	int q = queued(t);
	if (q)
		dequeue(t);
	t->eff_prio = prio;
	if (q) {
		enqueue(t);
		if (prio > current->eff_prio)
			need_resched = 1;
	} else if (t == current) {
		need_resched = 1;       /* we may have dropped below a waiting task */
	}
}

/* Sleeping tasks, soonest wake first; each task links itself in, so
 * there is no global limit to run out of. */
static struct list sleepers = { &sleepers, &sleepers };

/* Link t into the sleepers at wake_tick, keeping them in order. */
static void sleepers_add(struct task *t, uint64_t ticks)
{
	t->wake_tick = sched_ticks + (ticks ? ticks : 1);
	struct list *l = sleepers.next;
	while (l != &sleepers && list_entry(l, struct task, sleep_link)->wake_tick <= t->wake_tick)
		l = l->next;
	list_add_tail(l, &t->sleep_link);       /* before l: keeps the order */
}

void sched_sleep(struct task *t, uint64_t ticks)
{
	sleepers_add(t, ticks);
	t->state = TASK_BLOCKED;
	t->block = BLOCK_SLEEP;
	sched_unready(t);
}

void sched_deadline(struct task *t, uint64_t ticks)
{
	sleepers_add(t, ticks);
}

void sched_cancel_sleep(struct task *t)
{
	list_del(&t->sleep_link);
}

void sched_tick(void)
{
	sched_ticks++;
	while (!list_empty(&sleepers)) {
		struct task *t = list_entry(sleepers.next, struct task, sleep_link);
		if (t->wake_tick > sched_ticks)
			break;
		list_del(&t->sleep_link);
		if (t->block != BLOCK_SLEEP) {
			ipc_call_timeout(t);    /* a call's deadline */
			continue;
		}
		t->frame->rax = 0;
		sched_ready(t);
	}
	if (current != idle && current->slice && --current->slice == 0)
		need_resched = 1;       /* slice used up: round robin */
}

/* Everything a switch changes but the kernel stack (the IPC fastpath's
 * direct exit, fastpath.c, changes that itself). */
static inline void load(struct task *prev, struct task *next)
{
	current = next;
	if (next->root)
		paging_switch(next->root);      /* idle runs on any tables */
	cpu0.kstack_top = next->kstack + KSTACK_SIZE;
	tss_set_kernel_stack(cpu0.kstack_top);
	ioport_switch(next);
	fpu_switch((void *)prev->kstack, (void *)next->kstack);
}

void sched_load(struct task *prev, struct task *next) { load(prev, next); }

static void switch_to(struct task *next)
{
	struct task *prev = current;
	if (next == prev)
		return;
	load(prev, next);
	context_switch(&prev->ksp, next->ksp);
}

void sched_switch_to(struct task *next) { switch_to(next); }

void sched_yield(void)
{
	current->slice = 0;
	need_resched = 1;
}

void task_reap_later(struct task *t)
{
	list_add_tail(&reap, &t->all);
	sched_reap_pending = 1;
}

/* Every destroyed task's stack but the one we are running on (a task that
 * destroyed itself is freed at the next kernel entry of another). */
void sched_reap(void)
{
	struct list *l = reap.next;
	while (l != &reap) {
		struct task *t = list_entry(l, struct task, all);
		l = l->next;
		if (t == current)
			continue;
		list_del(&t->all);
		task_free_stack(t);
	}
	sched_reap_pending = !list_empty(&reap);
}

void schedule(void)
{
	need_resched = 0;
	int p = best_prio();
	int cur_ok = current != idle && current->state == TASK_RUNNABLE;
	if (cur_ok) {
		if (p < current->eff_prio) {
			if (!current->slice)
				current->slice = SCHED_SLICE;
			return;
		}
		if (p == current->eff_prio && current->slice)
			return;         /* slice left and nobody more important */
		enqueue(current);
		p = best_prio();
	}
	if (p < 0) {
		switch_to(idle);
		return;
	}
	struct task *next = list_entry(sched_queue[p].next, struct task, qlink);
	dequeue(next);
	if (!next->slice)
		next->slice = SCHED_SLICE;
	switch_to(next);
}

void sched_start(void)
{
	static uint64_t boot_sp;
	current = idle;
	need_resched = 0;
	int p = best_prio();
	struct task *next = idle;
	if (p >= 0) {
		next = list_entry(sched_queue[p].next, struct task, qlink);
		dequeue(next);
	}
	current = next;
	if (next->root)
		paging_switch(next->root);
	cpu0.kstack_top = next->kstack + KSTACK_SIZE;
	tss_set_kernel_stack(cpu0.kstack_top);
	ioport_switch(next);
	fpu_switch((void *)idle->kstack, (void *)next->kstack);
	context_switch(&boot_sp, next->ksp);
	panic("sched_start returned");
}
