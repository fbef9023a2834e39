/*
 * Tasks: creation, death and faults. A new task has an empty address
 * space (sharing the kernel half), an empty cspace and a kernel stack
 * whose top holds its user register frame; it runs once started.
 *
 * Death comes two ways: TASK_KILL (or an unhandled fault) stops it for
 * good and releases its cspace and mappings at once, which also breaks
 * reference cycles; the struct itself goes when the last reference does.
 */
#include <abi/error.h>
#include <arch/cpu.h>
#include <arch/fpu.h>
#include <arch/gdt.h>
#include <arch/layout.h>
#include <arch/paging.h>
#include <arch/percpu.h>
#include <heap.h>
#include <ioport.h>
#include <kprintf.h>
#include <object/cspace.h>
#include <object/endpoint.h>
#include <object/note.h>
#include <object/page.h>
#include <object/task.h>
#include <pmm.h>
#include <sched.h>
#include <string.h>
#include <vspace.h>

static uint32_t next_id = 1;
static struct list all_tasks = { &all_tasks, &all_tasks };

static int stack_alloc(struct task *t)
{
	uint64_t pa = pmm_alloc_contig(KSTACK_SIZE / PAGE_SIZE);
	if (!pa)
		return -1;
	t->kstack = (uint64_t)phys_to_virt(pa);
	return 0;
}

void task_free_stack(struct task *t)
{
	uint64_t pa = virt_to_phys((void *)t->kstack);
	for (unsigned i = 0; i < KSTACK_SIZE / PAGE_SIZE; i++)
		pmm_free(pa + (uint64_t)i * PAGE_SIZE);
	kfree(t);
}

/* Lay out the kernel stack so the first switch "returns" into entry. */
static void stack_prepare(struct task *t, void (*entry)(void), uint64_t r12)
{
	uint64_t *sp = (uint64_t *)t->frame;
	*--sp = (uint64_t)entry;        /* return address of context_switch */
	*--sp = 0;                      /* rbp */
	*--sp = 0;                      /* rbx */
	*--sp = r12;                    /* r12 */
	*--sp = 0;                      /* r13 */
	*--sp = 0;                      /* r14 */
	*--sp = 0;                      /* r15 */
	t->ksp = (uint64_t)sp;
}

static struct task *task_alloc(void)
{
	struct task *t = kzalloc(sizeof(*t));
	if (!t)
		return 0;
	if (stack_alloc(t)) {
		kfree(t);
		return 0;
	}
	t->hdr.type = CAP_TASK;
	t->id = next_id++;
	t->state = TASK_INACTIVE;
	t->prio = t->eff_prio = 100;
	t->slice = SCHED_SLICE;
	list_init(&t->qlink);
	list_init(&t->sleep_link);
	list_init(&t->mappings);
	list_add_tail(&all_tasks, &t->all);
	t->frame = (struct trap_frame *)(t->kstack + KSTACK_SIZE - sizeof(struct trap_frame));
	fpu_state_init((void *)t->kstack);     /* the bottom of the stack (see fpu.c) */
	memset(t->frame, 0, sizeof(*t->frame));
	return t;
}

struct task *task_create(unsigned radix)
{
	struct task *t = task_alloc();
	if (!t)
		return 0;
	t->cspace = cspace_create(radix);
	t->root = paging_new_root();
	if (!t->cspace || !t->root) {
		if (t->cspace)
			cspace_destroy(t->cspace);
		if (t->root)
			paging_free_root(t->root);
		list_del(&t->all);
		task_free_stack(t);
		return 0;
	}
	kobj_get(&t->cspace->hdr);
	t->frame->cs = SEL_UCODE;
	t->frame->ss = SEL_UDATA;
	t->frame->rflags = 0x202;       /* IF set; IOPL 0 so port access is checked */
	stack_prepare(t, task_first_entry, 0);
	return t;
}

struct task *task_idle_create(void (*fn)(void))
{
	struct task *t = task_alloc();
	if (!t)
		return 0;
	task_set_name(t, "idle");
	list_del(&t->all);              /* not listed with the real tasks */
	t->state = TASK_RUNNABLE;
	t->prio = t->eff_prio = 0;
	stack_prepare(t, kthread_entry, (uint64_t)fn);
	return t;
}

void task_set_name(struct task *t, const char *name)
{
	/* Printable ASCII only: the name is printed in the kernel's log lines
	 * and in the tag of the task's console lines, and must not be able
	 * to end a line or start a forged one. */
	size_t i = 0;
	for (; i + 1 < sizeof(t->name) && name[i]; i++)
		t->name[i] = name[i] >= 0x20 && name[i] < 0x7F ? name[i] : '?';
	t->name[i] = '\0';
}

/* Take t out of whatever it is blocked in; its pending call or send is aborted. */
static void task_unblock_all(struct task *t)
{
	if (t->blocked_on) {
		list_del(&t->qlink);
		t->blocked_on = 0;
	}
	sched_cancel_sleep(t);          /* a sleep, or a call's deadline */
	if (t->waiting_note) {
		t->waiting_note->waiter = 0;
		t->waiting_note = 0;
	}
	ipc_drop_staged(t);
	sched_unready(t);
	t->block = BLOCK_NONE;
}

struct task *task_server_of(struct task *caller)
{
	for (struct list *l = all_tasks.next; l != &all_tasks; l = l->next) {
		struct task *s = list_entry(l, struct task, all);
		if (s->reply_to == caller)
			return s;
	}
	return 0;
}

/*
 * t's call is over without an answer (t died, or its call timed out): the
 * server that holds the reply right loses it (its answer would go nowhere)
 * and, with it, the priority t lent it, and so on down a chain of servers
 * each calling the next.
 */
void task_end_helpers(struct task *t)
{
	struct task *s;
	while ((s = task_server_of(t))) {
		s->reply_to = 0;
		kobj_put(&t->hdr);
		ipc_relend(s);
	}
}

void task_stop(struct task *t)
{
	if (t->state == TASK_DEAD || t->state == TASK_STOPPED)
		return;
	/* The interrupted system call fails when restarted; a task stopped in
	 * a fault was in no system call, and its registers are its own. */
	if (t->state == TASK_BLOCKED && t->block != BLOCK_FAULT)
		t->frame->rax = E_DEAD;
	task_unblock_all(t);
	t->state = TASK_STOPPED;
}

void task_kill(struct task *t)
{
	if (t->state == TASK_DEAD)
		return;
	task_unblock_all(t);
	t->state = TASK_DEAD;
	/* A server lent our priority for our call gives it back now: it may
	 * never answer a caller that is gone. */
	task_end_helpers(t);
	/* A caller waiting for our answer will not get one. */
	if (t->reply_to) {
		ipc_abort_call(t->reply_to, t->reply_seq);
		kobj_put(&t->reply_to->hdr);
		t->reply_to = 0;
	}
	if (t->bound) {
		t->bound->bound = 0;
		kobj_put(&t->bound->hdr);
		t->bound = 0;
	}
	if (t->ipcbuf) {
		kobj_put(&t->ipcbuf->hdr);
		t->ipcbuf = 0;
	}
	if (t->fault_ep.type)
		cap_clear(&t->fault_ep);
	ioport_release(t);
	if (t->cspace) {
		struct cspace *cs = t->cspace;
		t->cspace = 0;
		cspace_clear(cs);
		kobj_put(&cs->hdr);
	}
	if (t == current && t->root) {
		/* We are still on its tables: move to the kernel's before freeing them. */
		paging_switch(paging_kernel_root());
	}
	vspace_destroy(t);
	if (t == current)
		need_resched = 1;
}

void task_destroy(struct task *t)
{
	task_kill(t);
	list_del(&t->all);
	task_reap_later(t);
}

unsigned task_count(void)
{
	unsigned n = 0;
	for (struct list *l = all_tasks.next; l != &all_tasks; l = l->next)
		n++;
	return n;
}

struct task *task_nth(unsigned i)
{
	for (struct list *l = all_tasks.next; l != &all_tasks; l = l->next)
		if (i-- == 0)
			return list_entry(l, struct task, all);
	return 0;
}

/*
 * A user task faulted. The kernel never dies of it: the task stops, and
 * its fault endpoint (if any) gets a fault message as if the task had
 * called; a reply resumes it. With no handler the task is killed.
 */
int fault_user(struct trap_frame *f)
{
	struct task *t = current;
	t->faults++;
	uint64_t kind = FAULT_CPU, addr = read_cr2_if(f->vector);
	if (f->vector == 13) {
		int port = ioport_decode_fault(t, f->rip, f->rdx);
		if (port >= 0) {
			kind = FAULT_IOPORT;
			addr = (uint64_t)port;
		}
	}
	kprintf("fault: task %u (%s): %s (vector %lu) error 0x%lx %s 0x%lx at RIP %016lx\n",
		t->id, t->name, kind == FAULT_IOPORT ? "I/O port outside its caps" : trap_name(f->vector),
		f->vector, f->error, kind == FAULT_IOPORT ? "port" : "addr", addr, f->rip);
	t->msg.info = MSG_INFO(MSG_LABEL_FAULT, FAULT_LEN, 0);
	t->msg.mr[FAULT_MR_VECTOR] = f->vector;
	t->msg.mr[FAULT_MR_ERROR] = f->error;
	t->msg.mr[FAULT_MR_ADDR] = addr;
	t->msg.mr[FAULT_MR_RIP] = f->rip;
	t->msg.mr[FAULT_MR_KIND] = kind;
	if (t->fault_ep.type == CAP_ENDPOINT && ipc_fault_send(t) == 0)
		return 1;
	kprintf("fault: task %u (%s) has no fault handler; killed\n", t->id, t->name);
	task_kill(t);
	return 1;
}

/* SYS_EXIT: tell the supervisor like a fault would, else just die. */
void task_exit(struct task *t, uint64_t status)
{
	t->msg.info = MSG_INFO(MSG_LABEL_FAULT, FAULT_LEN, 0);
	t->msg.mr[0] = status;
	t->msg.mr[1] = t->msg.mr[2] = 0;
	t->msg.mr[3] = t->frame->rip;
	t->msg.mr[FAULT_MR_KIND] = FAULT_EXIT;
	if (t->fault_ep.type == CAP_ENDPOINT && ipc_fault_send(t) == 0)
		return;
	task_kill(t);
}
