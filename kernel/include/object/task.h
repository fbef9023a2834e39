/*
 * A task: one thread, its address space and its cspace (all three in one
 * object, as the design asks). Its user context lives in a trap frame at
 * the top of its own kernel stack; switching tasks switches stacks.
 */
#pragma once
#include <abi/msg.h>
#include <abi/object.h>
#include <arch/trap.h>
#include <bucket.h>
#include <list.h>
#include <object/cap.h>

struct cspace;
struct endpoint;
struct note;
struct page;

enum task_block {
	BLOCK_NONE,
	BLOCK_SEND,             /* queued on an endpoint to send */
	BLOCK_CALL,             /* queued to send, then will wait for the reply */
	BLOCK_RECV,             /* queued on an endpoint to receive */
	BLOCK_REPLY,            /* call delivered, waiting for the answer */
	BLOCK_NOTE,             /* in WAIT on a note */
	BLOCK_FAULT,            /* faulted; the fault message is queued or delivered */
	BLOCK_SLEEP,            /* in SYS_SLEEP until wake_tick */
};

/* A message on its way: copied out of the sender when it blocks. */
struct msg {
	uint64_t info;
	uint64_t mr[MSG_MAX];
};

struct task {
	struct kobj hdr;
	uint32_t id;
	char name[24];
	uint8_t state;                  /* enum tern_task_state */
	uint8_t block;                  /* enum task_block */
	uint8_t prio;                   /* set by TASK_SET_PRIO */
	uint8_t eff_prio;               /* prio, raised while serving a caller */
	uint32_t slice;                 /* ticks left in this time slice */
	uint32_t faults;
	struct list qlink;              /* run queue or endpoint wait queue */
	struct list all;                /* every live task, for listings */
	struct endpoint *blocked_on;
	uint64_t wake_tick;             /* BLOCK_SLEEP: when to wake; in a call: its deadline */
	uint64_t call_timeout;          /* ticks a call may take (0 = no limit) */
	struct bucket log_budget;       /* its share of tagged console output (debug_write.c) */
	struct list sleep_link;         /* BLOCK_SLEEP: in the scheduler's sleepers */
	struct note *waiting_note;

	struct cspace *cspace;
	uint64_t root;                  /* PML4 (physical); 0 for the idle task */
	struct list mappings;           /* struct mapping records of this vspace */
	uint64_t table_bytes;           /* page tables below the PML4, charged to hdr.charged */
	uint64_t kstack;                /* lowest address of the kernel stack */
	uint64_t ksp;                   /* saved kernel stack pointer */
	struct trap_frame *frame;       /* user registers */
	uint8_t *iomap;                 /* I/O permission bitmap, if any ports enabled */

	struct page *ipcbuf;
	struct cap fault_ep;
	struct note *bound;

	/* Calls: the task we owe a reply, and our own pending call. */
	struct task *reply_to;
	uint64_t reply_seq;             /* reply_to's call_seq when it called */
	uint8_t reply_saved_prio;       /* our eff_prio before the caller lent us its own */
	uint64_t call_seq;
	uint64_t send_badge;            /* badge of the endpoint cap we send through */
	struct cap send_caps[MSG_MAX_CAPS];     /* caps travelling with a queued message */
	struct msg msg;
};

#define KSTACK_SIZE (16 * 1024)

struct task *task_create(unsigned radix);
void task_destroy(struct task *t);
/* Stop for good: leave every queue, release cspace and mappings, wake callers. */
void task_kill(struct task *t);
void task_set_name(struct task *t, const char *name);
/* Suspend: abort any IPC in progress; TASK_START resumes it. */
void task_stop(struct task *t);
void task_free_stack(struct task *t);
/* IPC hooks used by task death and faults (endpoint.c). */
void ipc_abort_call(struct task *caller, uint64_t seq);
/* Recompute t's priority from its own, the one it had when its call came
 * in and its caller's (only while that caller still waits), and so down
 * the chain of servers it is calling: after a reply, a saved reply, a
 * caller's death or timeout, or TASK_SET_PRIO. */
void ipc_relend(struct task *t);
/* Drop the caps staged with t's message (it will not be delivered). */
void ipc_drop_staged(struct task *t);
/* The server holding t's reply right, if any (a linear search). */
struct task *task_server_of(struct task *caller);
/* t's call ended unanswered: its server drops the reply right and the
 * priority t lent it (and passes the drop on down a chain of calls). */
void task_end_helpers(struct task *t);
/* t's call ran out of time (sched_tick): it fails with E_TIMEOUT. */
void ipc_call_timeout(struct task *t);
int ipc_fault_send(struct task *t);
/* Called from trap_dispatch for user-mode exceptions. */
int fault_user(struct trap_frame *f);
void task_exit(struct task *t, uint64_t status);
struct task *task_idle_create(void (*fn)(void));
/* Number of live tasks and the i-th of them (for MACHINE_TASKS). */
unsigned task_count(void);
struct task *task_nth(unsigned i);
