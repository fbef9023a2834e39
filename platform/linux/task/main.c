/*
 * tern-task: the Linux process a tern task runs in (docs/hosted.md).
 *
 * It starts with nothing of the program: the hosted kernel sends the
 * task's mappings (ranges of the memory file at fixed addresses) and its
 * registers, and tern-task jumps there. From then on the program is the
 * same ELF code as on the PC: its `syscall` instructions are trapped by a
 * seccomp filter that lets only tern-task's own code make Linux system
 * calls, and the SIGSYS handler turns each into an entry on the task's
 * channel (hosted/wire.h: registers in, registers and mapping changes
 * out; shared memory and a futex each way). A CPU exception
 * (SIGSEGV, SIGILL, SIGFPE, SIGBUS, SIGTRAP) is sent the same way as a
 * fault with the PC's vector, and the kernel's SIGUSR1 (preemption) as
 * WIRE_PREEMPT. All signal handlers run on our own stack, with every
 * signal blocked.
 *
 * Under valgrind (VALGRIND=1, tern-linux -V) there is no filter: the
 * programs of that build call a gate instead (gate_on, gate_main).
 *
 * Everything here trusts the kernel and nothing else; it uses no libc, so
 * nothing maps or calls behind the kernel's back.
 */
#include <hosted/fault.h>
#include <hosted/hostterm.h>
#include <hosted/vgreq.h>
#include <hosted/wire.h>
#include "linux.h"
#include "task.h"

void stub_restorer(void);
__attribute__((noreturn)) void stub_enter(struct wire_regs *r);
extern char __stub_text_start[], __stub_text_end[];
void stub_gate(void);
extern char stub_gate_end[];

static uint8_t altstack[65536] __attribute__((aligned(16)));
static int host_term;           /* mappings of the host terminal's page (hostterm.h) */
/* The kernel's last WIRE_RUN: what stub_enter loads, and the name and
 * flags it came with. */
static struct wire_regs run_regs;
static uint64_t run_flags;
static struct wire_chan *const chan = (struct wire_chan *)WIRE_CHAN_VA;

static void say(const char *s)
{
	unsigned n = 0;
	while (s[n])
		n++;
	sys3(NR_write, 2, s, n);
}

__attribute__((noreturn)) static void die(const char *why)
{
	say("tern-task: ");
	say(why);
	say("\n");
	for (;;)
		sys3(NR_exit_group, 125, 0, 0);
}

static void apply(const struct wire_op *o)
{
	uint64_t len = o->npages * 4096, end = o->va + len;
	if (o->prot == WIRE_TERM_ON || o->prot == WIRE_TERM_OFF) {
		host_term += o->prot == WIRE_TERM_ON ? 1 : -1;
		return;
	}
	if ((o->va & 4095) || (o->pa & 4095) || !o->npages || o->npages > (1ull << 35) ||
	    end > 0x800000000000ull || end < o->va || (o->prot & ~7ull))
		die("malformed mapping from the kernel");
	if (o->va < WIRE_STUB_END && end > WIRE_STUB_BASE)
		die("the program mapped memory over tern-task itself");
	if (san_overlaps(o->va, end))
		die("the program mapped memory over its ASan shadow (hosted/san.h)");
	long r;
	if (!o->prot)
		r = sys3(NR_munmap, o->va, len, 0);
	else    /* Read-only pages privately: they still show every write made
		 * elsewhere to their frames, until a debugger writes a
		 * breakpoint into one (which then gets a copy of its own). */
		r = sys6(NR_mmap, (long)o->va, (long)len, (long)o->prot,
			 (o->prot & PROT_WRITE ? MAP_SHARED : MAP_PRIVATE) | MAP_FIXED, WIRE_FD_MEM, (long)o->pa);
	if (r < 0 || (o->prot && (uint64_t)r != o->va))
		die("cannot map what the kernel said");
}

static void futex(uint32_t *word, int op, uint32_t val)
{
	sys6(NR_futex, (long)word, op, val, 0, 0, 0);
}

/* The channel: the first page ours to write, the kernel's part read-only
 * (a stray store cannot forge its messages), at WIRE_CHAN_VA in our own
 * range; the descriptor goes, so nothing but this mapping reaches it. */
static void chan_map(void)
{
	long a = sys6(NR_mmap, WIRE_CHAN_VA, WIRE_CHAN_UP_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
		      WIRE_FD_CHAN, 0);
	long b = sys6(NR_mmap, WIRE_CHAN_VA + WIRE_CHAN_UP_SIZE, WIRE_CHAN_SIZE - WIRE_CHAN_UP_SIZE, PROT_READ,
		      MAP_SHARED | MAP_FIXED, WIRE_FD_CHAN, WIRE_CHAN_UP_SIZE);
	if (a != (long)WIRE_CHAN_VA || b != (long)(WIRE_CHAN_VA + WIRE_CHAN_UP_SIZE))
		die("cannot map the channel");
	sys3(NR_close, WIRE_FD_CHAN, 0, 0);
}

/* Post chan->u (filled by the caller but for its kind): the kernel's turn. */
static void post_up(uint32_t kind)
{
	chan->u.kind = kind;
	__atomic_store_n(&chan->up, chan->up + 1, __ATOMIC_RELEASE);
	futex(&chan->up, FUTEX_WAKE, 1);
}

/* Wait for WIRE_RUN, applying mappings on the way; the registers in
 * run_regs. `seen` is chan->down as it was before our entry: the kernel
 * writes only after an entry, so a new value is its answer. Kept on this
 * stack, not in our data, for the same reason the kernel's half is
 * read-only. */
static void await_run(uint32_t seen)
{
	for (;;) {
		uint32_t v;
		while ((v = __atomic_load_n(&chan->down, __ATOMIC_ACQUIRE)) == seen)
			futex(&chan->down, FUTEX_WAIT, seen);   /* returns at once if it changed */
		seen = v;
		const struct wire_down *d = &chan->d;
		uint32_t kind = d->kind, nops = d->nops;
		if (nops > WIRE_MAX_OPS)
			die("malformed message from the kernel");
		for (unsigned i = 0; i < nops; i++)
			apply(&d->ops[i]);
		if (kind == WIRE_RUN) {
			char name[sizeof(d->name)];
			for (unsigned i = 0; i < sizeof(name); i++)
				name[i] = d->name[i];
			name[sizeof(name) - 1] = 0;
			sys6(NR_prctl, 15 /* PR_SET_NAME */, (long)name, 0, 0, 0, 0);
			run_regs = d->regs;
			run_flags = d->flags;
			return;
		}
		if (kind != WIRE_MAP)
			die("unknown message from the kernel");
		post_up(WIRE_MAPPED);
	}
}

static void regs_from(struct wire_regs *r, const struct k_mcontext *m)
{
	r->r15 = m->r15, r->r14 = m->r14, r->r13 = m->r13, r->r12 = m->r12;
	r->r11 = m->r11, r->r10 = m->r10, r->r9 = m->r9, r->r8 = m->r8;
	r->rbp = m->rbp, r->rdi = m->rdi, r->rsi = m->rsi, r->rdx = m->rdx;
	r->rcx = m->rcx, r->rbx = m->rbx, r->rax = m->rax;
	r->rip = m->rip, r->rsp = m->rsp, r->rflags = m->eflags;
}

static void regs_to(struct k_mcontext *m, const struct wire_regs *r)
{
	m->r15 = r->r15, m->r14 = r->r14, m->r13 = r->r13, m->r12 = r->r12;
	m->r11 = r->r11, m->r10 = r->r10, m->r9 = r->r9, m->r8 = r->r8;
	m->rbp = r->rbp, m->rdi = r->rdi, m->rsi = r->rsi, m->rdx = r->rdx;
	m->rcx = r->rcx, m->rbx = r->rbx, m->rax = r->rax;
	m->rip = r->rip, m->rsp = r->rsp;
}

/* Enter the kernel with the interrupted registers; return with its. */
static void enter(uint32_t kind, struct k_ucontext *uc, uint64_t vector, uint64_t error, uint64_t addr)
{
	uint32_t seen = __atomic_load_n(&chan->down, __ATOMIC_ACQUIRE);
	chan->u.vector = vector;
	chan->u.error = error;
	chan->u.addr = addr;
	regs_from(&chan->u.regs, &uc->mc);
	post_up(kind);
	await_run(seen);
	regs_to(&uc->mc, &run_regs);
}

/* The host terminal's calls (hosted/hostterm.h), for a task that holds
 * it: answered here, without the kernel. 1 if it was one. */
static int hostcall(struct k_mcontext *m)
{
	static struct k_termios saved;
	static int have_saved;
	switch (m->rax) {
	case HOSTCALL_WRITE:
		m->rax = (uint64_t)sys3(NR_write, 1, m->rdi, m->rsi);
		return 1;
	case HOSTCALL_READ: {
		struct k_pollfd p = { 0, 1 /* POLLIN */, 0 };
		long r = sys3(NR_poll, &p, 1, 0);
		if (r <= 0) {
			m->rax = 0;
			return 1;
		}
		r = sys3(NR_read, 0, m->rdi, m->rsi);
		m->rax = r > 0 ? (uint64_t)r : r == 0 || (p.revents & 0x10 /* POLLHUP */) ? HOSTCALL_EOF : 0;
		return 1;
	}
	case HOSTCALL_RAW: {
		struct k_termios t;
		if (sys3(NR_ioctl, 0, 0x5401 /* TCGETS */, &t)) {
			m->rax = (uint64_t)-1;
			return 1;
		}
		if (!have_saved) {
			saved = t;
			have_saved = 1;
		}
		if (m->rdi) {   /* as cfmakeraw(3): bytes as typed, ^C a byte too */
			t.iflag &= ~(0001u | 0002u | 0010u | 0040u | 0100u | 0200u | 0400u | 02000u);
			t.oflag &= ~0001u;
			t.lflag &= ~(0010u | 0100u | 0002u | 0001u | 0100000u);
			t.cflag = (t.cflag & ~(0060u | 0400u)) | 0060u;
			t.cc[6] = 1;    /* VMIN */
			t.cc[5] = 0;    /* VTIME */
		} else {
			t = saved;
		}
		m->rax = (uint64_t)sys3(NR_ioctl, 0, 0x5402 /* TCSETS */, &t);
		return 1;
	}
	}
	return 0;
}

static void on_sigsys(int sig, void *info, void *ctx)
{
	(void)sig, (void)info;
	struct k_ucontext *uc = ctx;
	if ((host_term && hostcall(&uc->mc)) || san_hostcall(&uc->mc))
		return;
	enter(WIRE_SYSCALL, ctx, 0, 0, 0);
}

static int in_stub(uint64_t rip)
{
	return rip >= (uint64_t)__stub_text_start && rip < (uint64_t)__stub_text_end;
}

/* Preempted: in the program, with its registers; or, when the signal was
 * pending at the first jump into it (stub_enter), with the registers it
 * is about to start with, which the kernel may change meanwhile. */
static void on_preempt(int sig, void *info, void *ctx)
{
	(void)sig, (void)info;
	struct k_ucontext *uc = ctx;
	if (!in_stub(uc->mc.rip)) {
		enter(WIRE_PREEMPT, uc, 0, 0, 0);
		return;
	}
	if (uc->mc.rip >= (uint64_t)stub_gate && uc->mc.rip < (uint64_t)stub_gate_end)
		return;         /* on its way into the kernel already (entry.S) */
	uint32_t seen = __atomic_load_n(&chan->down, __ATOMIC_ACQUIRE);
	chan->u.regs = run_regs;
	post_up(WIRE_PREEMPT);
	await_run(seen);
}

static void on_fault(int sig, void *info, void *ctx)
{
	struct k_siginfo *si = info;
	struct k_ucontext *uc = ctx;
	if (in_stub(uc->mc.rip))
		die("crashed in tern-task itself");
	struct fault_report r;
	fault_from_signal(sig, uc->mc.trapno, uc->mc.err, si->addr, &r);
	enter(WIRE_FAULT, uc, r.vector, r.error, r.addr);
}

static void handle(int sig, void (*fn)(int, void *, void *))
{
	struct k_sigaction sa = { fn, SA_SIGINFO | SA_ONSTACK | SA_RESTORER, stub_restorer, ~0ull };
	if (sys6(NR_rt_sigaction, sig, (long)&sa, 0, 8, 0, 0))
		die("sigaction");
}

/* Only our own text may make Linux system calls; a `syscall` anywhere
 * else raises SIGSYS (on_sigsys). Anything not x86_64 is killed. */
static void seccomp_on(void)
{
	uint64_t lo = (uint64_t)__stub_text_start, hi = (uint64_t)__stub_text_end;
	if (lo >> 32 != hi >> 32)
		die("text crosses a 4 GiB line");
	struct sock_filter f[] = {
		{ 0x20, 0, 0, 4 },                              /* A = arch */
		{ 0x15, 0, 7, 0xC000003Eu },                    /* x86_64? else kill */
		{ 0x20, 0, 0, 12 },                             /* A = ip >> 32 */
		{ 0x15, 0, 4, (uint32_t)(lo >> 32) },           /* else trap */
		{ 0x20, 0, 0, 8 },                              /* A = ip & 0xffffffff */
		{ 0x35, 0, 2, (uint32_t)lo },                   /* A >= lo, else trap */
		{ 0x35, 1, 0, (uint32_t)hi },                   /* A >= hi: trap */
		{ 0x06, 0, 0, 0x7fff0000u },                    /* allow */
		{ 0x06, 0, 0, 0x00030000u },                    /* trap */
		{ 0x06, 0, 0, 0x80000000u },                    /* kill the process */
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };
	if (sys6(NR_prctl, 38 /* PR_SET_NO_NEW_PRIVS */, 1, 0, 0, 0, 0) ||
	    sys6(NR_prctl, 22 /* PR_SET_SECCOMP */, 2 /* FILTER */, (long)&prog, 0, 0, 0))
		die("cannot install the seccomp filter");
}

#ifdef USER_VG_GATE
_Static_assert(USER_VG_GATE == WIRE_GATE_VA, "userspace.mk's USER_VG_GATE is not hosted/wire.h's WIRE_GATE_VA");
#endif

/* Under valgrind (VALGRIND=1): a program's system call comes through
 * the gate (entry.S, stub_gate) with its registers, not as SIGSYS, and
 * is answered exactly as on_sigsys answers one; then on into the
 * program with the kernel's registers. */
__attribute__((noreturn)) void gate_main(struct wire_regs *r);
void gate_main(struct wire_regs *r)
{
	struct k_ucontext uc = { 0 };
	regs_to(&uc.mc, r);
	uc.mc.eflags = r->rflags;
	on_sigsys(SIGSYS, 0, &uc);
	regs_from(&run_regs, &uc.mc);
	stub_enter(&run_regs);
}

/* Valgrind runs this process: it makes every Linux system call from its
 * own code, which the seccomp filter would trap, so there is none, and
 * the programs (built with USER_VG=1) find the gate at WIRE_GATE_VA. A
 * debugging build: a program's own `syscall` instruction is then a Linux
 * system call (docs/hosted.md). */
static int gate_on(void)
{
	if (!vg_running())
		return 0;
	/* Named as without valgrind (its tool's name otherwise) until the
	 * first task's name: tern-linux's processes started ahead are found
	 * by it (ci/hosted-life.sh). */
	sys6(NR_prctl, 15 /* PR_SET_NAME */, (long)"tern-task", 0, 0, 0, 0);
	long a = sys6(NR_mmap, WIRE_GATE_VA, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED | 0x20 /* ANONYMOUS */,
		      -1, 0);
	if (a != (long)WIRE_GATE_VA)
		die("cannot map the gate's page");
	*(uint64_t *)WIRE_GATE_VA = (uint64_t)stub_gate;
	if (sys3(NR_mprotect, WIRE_GATE_VA, 4096, PROT_READ))
		die("cannot protect the gate's page");
	return 1;
}

/* Wait until a debugger is attached (tern-linux -g; TracerPid in
 * /proc/self/status), then go on into the program, where gdb's
 * breakpoints are. */
static void wait_for_gdb(void)
{
	static char buf[2048];
	static const char key[] = "TracerPid:\t";
	for (;;) {
		long fd = sys3(NR_open, "/proc/self/status", 0, 0), n = 0;
		if (fd >= 0) {
			n = sys3(NR_read, fd, buf, sizeof(buf) - 1);
			sys3(NR_close, fd, 0, 0);
		}
		buf[n > 0 ? n : 0] = 0;
		for (long i = 0; i + (long)sizeof(key) - 1 < n; i++) {
			long k = 0;
			while (key[k] && buf[i + k] == key[k])
				k++;
			if (!key[k]) {
				if (buf[i + k] != '0')
					return;
				break;
			}
		}
		struct { long s, ns; } ts = { 0, 50000000 };
		sys3(NR_nanosleep, &ts, 0, 0);
	}
}

void stub_main(void)
{
	/* Die with the kernel, even if it could not say goodbye. */
	sys6(NR_prctl, 1 /* PR_SET_PDEATHSIG */, SIGKILL, 0, 0, 0, 0);
	if (sys3(NR_getppid, 0, 0, 0) == 1)
		die("the kernel is gone");
	struct k_stack ss = { altstack, 0, sizeof(altstack) };
	if (sys3(NR_sigaltstack, &ss, 0, 0))
		die("sigaltstack");
	handle(SIGSYS, on_sigsys);
	handle(SIGUSR1, on_preempt);
	handle(SIGSEGV, on_fault);
	handle(SIGBUS, on_fault);
	handle(SIGILL, on_fault);
	handle(SIGFPE, on_fault);
	handle(SIGTRAP, on_fault);
	chan_map();
	if (!gate_on())
		seccomp_on();
	await_run(0);   /* a new channel: down is 0 until the first message */
	if (run_flags & WIRE_WAIT_GDB)
		wait_for_gdb();
	stub_enter(&run_regs);
}
