/*
 * User mode on the host: each tern task is a Linux process (tern-task)
 * and the kernel talks to it over its channel, shared memory and two
 * futex words (hosted/wire.h).
 *
 * Every task's kernel stack runs hosted_user_loop (from task_first_entry,
 * switch.S), which is this platform's "return to user" and "enter the
 * kernel": send the task its registers (and the page table changes made
 * since it last ran), wait for its next system call or fault, hand that to
 * the kernel's own syscall_dispatch or fault_user, and go round again.
 * When the kernel switches tasks (schedule(), on the way out, as on the
 * PC) it switches kernel stacks, so another task's loop goes on; when it
 * switches back, this one does. Exactly one task process runs at a time:
 * the current task's; every other one waits on its channel.
 *
 * Time: a 1 kHz tick (clock.c). The kernel takes the ticks due only while
 * it waits (for the current task's process, or in idle), like ticks taken
 * with interrupts on; sched_tick runs once per tick. Its wait for the
 * running task is a futex wait bounded by the next tick; at each tick it
 * also looks at the signals (SIGCHLD, SIGTERM, SIGHUP: one signalfd) and
 * standard input without waiting, and whether the running process still
 * lives. When a tick makes someone else due to run, the running process
 * gets SIGUSR1, and tern-task answers with a WIRE_PREEMPT "entry", after
 * which the scheduler decides as usual.
 */
#include <errno.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arch/percpu.h>
#include <hosted/hosted.h>
#include <hosted/hostterm.h>
#include <hosted/oplog.h>
#include <klog.h>
#include <kprintf.h>
#include <object/kobj.h>
#include <object/task.h>
#include <panic.h>
#include "../../../kernel/include/sched.h"      /* the kernel's, not libc's */

void syscall_dispatch(struct trap_frame *f);

struct hspace {
	pid_t pid;                      /* its process (started at TASK create) */
	struct wire_chan *chan;         /* its channel, or 0 once the process is gone */
	uint32_t up_seen;               /* the last chan->up taken: the task's to write, so ours */
	uint32_t down_sent;             /* the last chan->down given */
	int preempt_sent;               /* SIGUSR1 sent, WIRE_PREEMPT not yet seen */
	int ran;                        /* its process was sent WIRE_RUN */
	int lost_status;                /* its process was reaped (pid 0): how it ended */
	int term;                       /* mappings of the host terminal (hostterm.h) */
	struct task *task;              /* whose it is, once it ran */
	struct oplog ops;               /* page table changes not yet sent */
	struct hspace *next, *prev;     /* every space, to end them all */
};

static struct hspace spaces = { .next = &spaces, .prev = &spaces };
int hosted_signal_fd = -1;
static uint64_t fault_addr;

struct hspace *hosted_space_new(void)
{
	struct hspace *s = calloc(1, sizeof(*s));
	if (!s)
		return 0;
	/* The process starts now, at TASK create, so its exec and set-up
	 * overlap with whatever runs until the task is first scheduled. */
	if (hosted_spawn("tern-task", &s->chan, &s->pid)) {
		kprintf("hosted: cannot start a task process: %s\n", strerror(errno));
		free(s);
		return 0;
	}
	s->next = spaces.next;
	s->prev = &spaces;
	spaces.next->prev = s;
	spaces.next = s;
	return s;
}

static void end_process(struct hspace *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGKILL);
		while (waitpid(s->pid, 0, 0) < 0 && errno == EINTR)
			;
	}
	hosted_chan_free(s->chan);
	s->pid = 0;
	s->chan = 0;
	s->up_seen = s->down_sent = 0;
}

void hosted_space_free(struct hspace *s)
{
	if (!s)
		return;
	if (s->task)
		hosted_stack_dead(s->task->kstack);
	end_process(s);
	if (s->term)
		hosted_term_restore();
	s->prev->next = s->next;
	s->next->prev = s->prev;
	oplog_free(&s->ops);
	free(s);
}

void hosted_end_all(void)
{
	for (struct hspace *s = spaces.next; s != &spaces; s = s->next)
		end_process(s);
	hosted_spawn_end();
}

void hosted_space_op(struct hspace *s, uint64_t va, uint64_t pa, unsigned prot)
{
	if (!s)
		return;
	if (oplog_add(&s->ops, va, pa, prot))
		panic("hosted: out of host memory for mapping changes");
	if (prot == WIRE_TERM_ON)
		s->term++;
	if (prot == WIRE_TERM_OFF && --s->term == 0)
		hosted_term_restore();  /* it may have left raw mode on */
}

const char *hosted_gdb;

/* -g NAME=ELF: the task named NAME waits for a debugger before its first
 * instruction (tern-task, WIRE_WAIT_GDB), and we say how to attach. The
 * whole system waits meanwhile, since only the current task runs. */
static int gdb_stop(struct hspace *s, const struct task *t)
{
	const char *eq = strchr(hosted_gdb, '=');
	size_t n = eq ? (size_t)(eq - hosted_gdb) : strlen(hosted_gdb);
	const char *base = strrchr(t->name, '/') ? strrchr(t->name, '/') + 1 : t->name;
	if (strlen(base) != n || strncmp(base, hosted_gdb, n))
		return 0;
	kprintf("hosted: task %u (%s) waits for gdb before its first instruction:\n"
		"  gdb -p %d -ex 'handle SIGSYS SIGUSR1 nostop noprint pass' -ex 'add-symbol-file %s' -ex 'break main' -ex continue\n",
		t->id, t->name, (int)s->pid, eq ? eq + 1 : t->name);
	return 1;
}

static long futex(uint32_t *word, int op, uint32_t val, const struct timespec *t)
{
	return syscall(SYS_futex, word, op, val, t, 0, FUTEX_BITSET_MATCH_ANY);
}

/* The message in chan->d is complete: let the task have it. */
static void post_down(struct hspace *s)
{
	__atomic_store_n(&s->chan->down, ++s->down_sent, __ATOMIC_RELEASE);
	futex(&s->chan->down, FUTEX_WAKE, 1, 0);
}

static int wait_up(struct hspace *s, struct wire_up *u);

/* Return to user: the changes to its tables, then its registers. 0, or
 * -1 if its process is gone or answered a WIRE_MAP with anything but
 * WIRE_MAPPED. */
static int run(struct hspace *s, const struct trap_frame *f)
{
	if (!s->chan)
		return -1;
	struct wire_down *d = &s->chan->d;
	unsigned i = 0;
	for (;;) {
		unsigned n = s->ops.n - i > WIRE_MAX_OPS ? WIRE_MAX_OPS : s->ops.n - i;
		if (n)          /* s->ops.ops is 0 until a first change */
			memcpy(d->ops, s->ops.ops + i, n * sizeof(*d->ops));
		d->nops = n;
		i += n;
		if (i < s->ops.n) {
			d->kind = WIRE_MAP;
			post_down(s);
			/* Its SIGUSR1 is blocked until it runs the program:
			 * not one now (preempt_sent is cleared below). */
			s->preempt_sent = 1;
			struct wire_up u;
			if (wait_up(s, &u) || u.kind != WIRE_MAPPED)
				return -1;
			continue;
		}
		d->kind = WIRE_RUN;
		d->flags = !s->ran && hosted_gdb && gdb_stop(s, current) ? WIRE_WAIT_GDB : 0;
		s->ran = 1;
		memset(d->name, 0, sizeof(d->name));
		memcpy(d->name, current->name, sizeof(d->name) - 1);
		memcpy(&d->regs, f, 15 * sizeof(uint64_t));     /* r15 .. rax */
		d->regs.rip = f->rip;
		d->regs.rsp = f->rsp;
		d->regs.rflags = f->rflags;
		post_down(s);
		break;
	}
	oplog_clear(&s->ops);
	s->preempt_sent = 0;
	return 0;
}

static void take_ticks(void)
{
	uint64_t n = hosted_timer_ticks();
	while (n--) {
		sched_tick();
		klog_tick(sched_ticks);         /* wake the log's reader, as the PC's tick does */
	}
}

/*
 * A task process ended while its task was not running. A task blocked in
 * a system call has it end with E_DEAD (as TASK_STOP would) and becomes
 * runnable, so that it meets its lost process at once (process_lost: a
 * fault its supervisor hears of) instead of whenever someone calls it.
 * Any other task meets it when it next runs. A process of the pool
 * started ahead is replaced (spawn.c).
 */
static void reap_lost(void)
{
	hosted_spawn_check();   /* one started ahead, not yet a task's */
	for (struct hspace *s = spaces.next; s != &spaces; s = s->next) {
		int st;
		if (s->pid <= 0 || waitpid(s->pid, &st, WNOHANG) != s->pid)
			continue;
		s->pid = 0;
		s->lost_status = st;
		struct task *t = s->task;
		if (t && t != current && t->state == TASK_BLOCKED && t->block != BLOCK_FAULT) {
			task_stop(t);           /* its call fails with E_DEAD */
			sched_ready(t);
		}
	}
}

static void take_signal(void)
{
	struct signalfd_siginfo si;
	while (read(hosted_signal_fd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo == SIGCHLD) {
			reap_lost();
			continue;
		}
		kprintf("tern: %s: powering off\n", si.ssi_signo == SIGHUP ? "SIGHUP" : "SIGTERM");
		machine_poweroff();
	}
}

/* Signals and standard input, waiting for them until the next tick is
 * due (idle) or not at all (a task runs: we look at each tick). */
static void take_events(int wait)
{
	struct pollfd p[2] = { { hosted_signal_fd, POLLIN, 0 }, { 0, POLLIN, 0 } };
	struct timespec t = { 0, 0 };
	if (wait) {
		uint64_t now = hosted_now_ns(), next = hosted_next_tick_ns();
		t.tv_nsec = next > now ? (long)(next - now) : 0;
	}
	if (ppoll(p, hostin_watched() ? 2 : 1, &t, 0) < 0) {
		if (errno == EINTR)
			return;
		panic("hosted: poll: %s", strerror(errno));
	}
	if (p[0].revents)
		take_signal();
	if (p[1].revents)
		hostin_ready();         /* signals its note, until it is armed again */
}

/* A tick is due while the task runs: the events, the ticks, and a
 * preemption if someone else is due (a higher priority woke, or the
 * slice ran out with an equal one waiting). */
static void tick_while_running(struct hspace *s)
{
	take_events(0);
	take_ticks();
	int st;
	if (s->pid > 0 && waitpid(s->pid, &st, WNOHANG) == s->pid) {
		s->pid = 0;     /* gone without a word: no SIGCHLD needed */
		s->lost_status = st;
	}
	if (need_resched && !s->preempt_sent && s->pid > 0 &&       /* never kill(0, ...) */
	    sched_queued_from(current->eff_prio)) {
		kill(s->pid, SIGUSR1);
		s->preempt_sent = 1;
	}
}

/* Wait for the task to enter the kernel; ticks meanwhile. 0 with its
 * entry copied to *u (the channel is the task's to change: we read it
 * once), or -1 if its process ended. */
static int wait_up(struct hspace *s, struct wire_up *u)
{
	for (;;) {
		uint64_t next = hosted_next_tick_ns();
		if (hosted_now_ns() >= next) {
			tick_while_running(s);
			continue;
		}
		uint32_t v = __atomic_load_n(&s->chan->up, __ATOMIC_ACQUIRE);
		if (v != s->up_seen) {
			s->up_seen = v;
			memcpy(u, (const void *)&s->chan->u, sizeof(*u));
			return 0;
		}
		if (s->pid <= 0)
			return -1;
		struct timespec t = { (time_t)(next / 1000000000ull), (long)(next % 1000000000ull) };
		futex(&s->chan->up, FUTEX_WAIT_BITSET, v, &t);  /* woken, timed out, or it changed */
	}
}

static void regs_in(struct trap_frame *f, const struct wire_regs *r)
{
	memcpy(f, r, 15 * sizeof(uint64_t));
	f->rip = r->rip;
	f->rsp = r->rsp;
	f->rflags = r->rflags;
}

uint64_t read_cr2_if(uint64_t vector) { return vector == 14 ? fault_addr : 0; }

/* On the way out of the kernel, as the PC's trap path does it. */
static void kernel_exit(void)
{
	if (kobj_dead || sched_reap_pending)
		kobj_collect();
	if (need_resched || current->state != TASK_RUNNABLE)
		schedule();
}

/*
 * The task's process ended without a word (killed from outside, or
 * tern-task itself failed). The task's state is all still here (memory in
 * the memory file, mappings in its tables, registers in its frame), so it
 * is a fault like any other, vector 13, and its supervisor decides: a
 * reply resumes it in a new process, with every mapping sent again.
 */
static void process_lost(struct task *t, struct hspace *s)
{
	int status = s->lost_status;
	pid_t pid = s->pid;
	if (pid > 0)
		kill(pid, SIGKILL);     /* it may have only said nonsense */
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	s->pid = 0;
	hosted_chan_free(s->chan);
	s->chan = 0;
	s->up_seen = s->down_sent = 0;
	if (s->term)
		hosted_term_restore();  /* a crash leaves the terminal as it was */
	kprintf("hosted: task %u (%s): its process ended (%s %d); a fault\n", t->id, t->name,
		WIFSIGNALED(status) ? "signal" : "status", WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
	oplog_clear(&s->ops);
	s->ran = 0;
	if (hosted_spawn(t->name, &s->chan, &s->pid)) {
		kprintf("hosted: task %u (%s): no new process: %s\n", t->id, t->name, strerror(errno));
		task_kill(t);
		return;
	}
	hosted_replay(t->root);
	t->frame->vector = 13;
	t->frame->error = 0;
	fault_addr = 0;
	fault_user(t->frame);
}

void hosted_user_loop(void)
{
	struct task *t = current;
	struct hspace *s = hosted_space(t->root);
	if (!s)
		panic("hosted: task %u (%s) has no address space", t->id, t->name);
	s->task = t;
	for (;;) {
		struct wire_up u;
		struct trap_frame *f = t->frame;
		if (run(s, f) || wait_up(s, &u)) {
			process_lost(t, s);
			kernel_exit();
			continue;
		}
		/* Registers only from a well-formed entry: a made-up one
		 * (its process wrote on its channel) leaves the frame as the
		 * task last was, for the fault report. */
		if (u.kind == WIRE_SYSCALL || u.kind == WIRE_FAULT || u.kind == WIRE_PREEMPT)
			regs_in(f, &u.regs);
		switch (u.kind) {
		case WIRE_SYSCALL:
			f->vector = SYSCALL_VECTOR;
			syscall_dispatch(f);
			continue;
		case WIRE_FAULT:
			if (u.vector < 32) {
				f->vector = u.vector;
				f->error = u.error;
				fault_addr = u.addr;
				fault_user(f);
				break;
			}
			kprintf("hosted: task %u (%s): fault vector %lu\n", t->id, t->name, u.vector);
			process_lost(t, s);
			break;
		default:
			kprintf("hosted: task %u (%s): malformed entry (kind %u)\n", t->id, t->name, u.kind);
			process_lost(t, s);
			break;
		case WIRE_PREEMPT:
			need_resched = 1;
			break;
		}
		kernel_exit();
	}
}

/* No task runnable: wait for the next tick (a sleeper's wake-up, a call's
 * deadline) or an event, and let the scheduler run whoever is due. */
void hosted_idle(void)
{
	for (;;) {
		take_events(1);
		take_ticks();
		kernel_exit();
	}
}
