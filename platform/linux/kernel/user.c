/*
 * User mode on the host: each tern task is a Linux process (tern-task)
 * and the kernel talks to it over its socket (hosted/wire.h).
 *
 * Every task's kernel stack runs hosted_user_loop (from task_first_entry,
 * switch.S), which is this platform's "return to user" and "enter the
 * kernel": send the task its registers (and the page table changes made
 * since it last ran), wait for its next system call or fault, hand that to
 * the kernel's own syscall_dispatch or fault_user, and go round again.
 * When the kernel switches tasks (schedule(), on the way out, as on the
 * PC) it switches kernel stacks, so another task's loop goes on; when it
 * switches back, this one does. Exactly one task process runs at a time:
 * the current task's; every other one waits in a read of its socket.
 *
 * Time: a 1 kHz timerfd. The kernel reads it only while it waits (for the
 * current task's process, or in idle), like a tick taken with interrupts
 * on; sched_tick runs once per tick. When a tick makes someone else due to
 * run, the running process gets SIGUSR1, and tern-task answers with a
 * WIRE_PREEMPT "entry", after which the scheduler decides as usual.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
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
	int sock;                       /* our end of its socket */
	int preempt_sent;               /* SIGUSR1 sent, WIRE_PREEMPT not yet seen */
	int ran;                        /* its process was sent WIRE_RUN */
	int lost_status;                /* its process was reaped (pid 0): how it ended */
	int term;                       /* mappings of the host terminal (hostterm.h) */
	struct task *task;              /* whose it is, once it ran */
	struct oplog ops;               /* page table changes not yet sent */
	struct hspace *next, *prev;     /* every space, to end them all */
};

static struct hspace spaces = { .next = &spaces, .prev = &spaces };
int hosted_timer_fd = -1, hosted_signal_fd = -1;
static uint64_t fault_addr;

struct hspace *hosted_space_new(void)
{
	struct hspace *s = calloc(1, sizeof(*s));
	if (!s)
		return 0;
	/* The process starts now, at TASK create, so its exec and set-up
	 * overlap with whatever runs until the task is first scheduled. */
	if (hosted_spawn("tern-task", &s->sock, &s->pid)) {
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
	if (s->sock >= 0)
		close(s->sock);
	s->pid = 0;
	s->sock = -1;
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

static void send_down(struct hspace *s, const struct wire_down *d)
{
	/* A failed send means the process is gone: the read that follows
	 * sees that (process_lost). */
	(void)send(s->sock, d, WIRE_DOWN_SIZE(d->nops), MSG_NOSIGNAL);
}

/* Return to user: the changes to its tables, then its registers. */
static void run(struct hspace *s, const struct trap_frame *f)
{
	static struct wire_down d;      /* one CPU: one message at a time */
	unsigned i = 0;
	for (;;) {
		unsigned n = s->ops.n - i > WIRE_MAX_OPS ? WIRE_MAX_OPS : s->ops.n - i;
		if (n)          /* s->ops.ops is 0 until a first change */
			memcpy(d.ops, s->ops.ops + i, n * sizeof(*d.ops));
		d.nops = n;
		i += n;
		if (i < s->ops.n) {
			d.kind = WIRE_MAP;
			send_down(s, &d);
			continue;
		}
		d.kind = WIRE_RUN;
		d.flags = !s->ran && hosted_gdb && gdb_stop(s, current) ? WIRE_WAIT_GDB : 0;
		s->ran = 1;
		memcpy(d.name, current->name, sizeof(d.name) - 1);
		memcpy(&d.regs, f, 15 * sizeof(uint64_t));     /* r15 .. rax */
		d.regs.rip = f->rip;
		d.regs.rsp = f->rsp;
		d.regs.rflags = f->rflags;
		send_down(s, &d);
		break;
	}
	oplog_clear(&s->ops);
	s->preempt_sent = 0;
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
 * Any other task meets it when it next runs.
 */
static void reap_lost(void)
{
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

/* Wait for the task to enter the kernel; ticks meanwhile. 0, or -1 if
 * its process ended or said something malformed. */
static int wait_up(struct hspace *s, struct wire_up *u)
{
	for (;;) {
		struct pollfd p[4] = { { s->sock, POLLIN, 0 }, { hosted_timer_fd, POLLIN, 0 },
				       { hosted_signal_fd, POLLIN, 0 }, { 0, POLLIN, 0 } };
		if (poll(p, hostin_watched() ? 4 : 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			panic("hosted: poll: %s", strerror(errno));
		}
		if (p[2].revents)
			take_signal();
		if (p[3].revents)
			hostin_ready();         /* signals its note, until it is armed again */
		if (p[1].revents || p[3].revents) {
			take_ticks();
			/* Someone else is due (a higher priority woke, or the
			 * slice ran out with an equal one waiting): stop it. */
			if (need_resched && !s->preempt_sent && s->pid > 0 &&       /* never kill(0, ...) */
			    sched_queued_from(current->eff_prio)) {
				kill(s->pid, SIGUSR1);
				s->preempt_sent = 1;
			}
		}
		if (p[0].revents) {
			ssize_t n = recv(s->sock, u, sizeof(*u), MSG_TRUNC);
			if (n < 0 && errno == EINTR)
				continue;
			return n == (ssize_t)sizeof(*u) ? 0 : -1;
		}
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
	close(s->sock);
	s->sock = -1;
	if (s->term)
		hosted_term_restore();  /* a crash leaves the terminal as it was */
	kprintf("hosted: task %u (%s): its process ended (%s %d); a fault\n", t->id, t->name,
		WIFSIGNALED(status) ? "signal" : "status", WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
	oplog_clear(&s->ops);
	s->ran = 0;
	if (hosted_spawn(t->name, &s->sock, &s->pid)) {
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
		run(s, t->frame);
		struct wire_up u;
		struct trap_frame *f = t->frame;
		if (wait_up(s, &u)) {
			process_lost(t, s);
			kernel_exit();
			continue;
		}
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

uint64_t hosted_timer_ticks(void)
{
	uint64_t n = 0;
	if (read(hosted_timer_fd, &n, sizeof(n)) != sizeof(n))
		return 0;
	return n;
}

/* No task runnable: wait for the next tick (a sleeper's wake-up, a call's
 * deadline) and let the scheduler run whoever is due. */
void hosted_idle(void)
{
	for (;;) {
		struct pollfd p[3] = { { hosted_timer_fd, POLLIN, 0 }, { hosted_signal_fd, POLLIN, 0 },
				       { 0, POLLIN, 0 } };
		if (poll(p, hostin_watched() ? 3 : 2, -1) < 0 && errno != EINTR)
			panic("hosted: poll: %s", strerror(errno));
		if (p[1].revents)
			take_signal();
		if (p[2].revents)
			hostin_ready();
		take_ticks();
		kernel_exit();
	}
}
