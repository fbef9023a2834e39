/*
 * kchild: the kernel test suite's helper task. It runs in its own address
 * space and does one thing, chosen by the role in RDI (see roles.h), so
 * the tests can exercise IPC, faults, ports and scheduling across real
 * address-space boundaries.
 */
#include "roles.h"
#include <tern/sys.h>

static volatile uint64_t *const shared = (volatile uint64_t *)KC_SHARED_VA;

void sysfuzz(uint64_t arg);     /* fuzz.c */

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static void echo(void)
{
	struct tern_msg m;
	tern_recv(KC_EP, &m);
	for (;;) {
		unsigned len = MSG_LEN(m.info);
		for (unsigned i = MSG_REGS; i < len; i++)
			tern_ipcbuf->mr[i] += 1;
		for (unsigned i = 1; i < MSG_REGS; i++)
			m.mr[i] += 1;
		m.mr[0] = m.badge;
		m.info = MSG_INFO(MSG_LABEL(m.info), len, 0);
		tern_reply_recv(KC_EP, &m);
	}
}

/* Read through this task's own TLB and tables: what the kernel's TLB
 * invalidation must keep true after another task changed our mappings. */
static void peek(void)
{
	struct tern_msg m;
	tern_recv(KC_EP, &m);
	for (;;) {
		m.mr[0] = *(volatile uint64_t *)m.mr[0];
		m.info = MSG_INFO(0, 1, 0);
		tern_reply_recv(KC_EP, &m);
	}
}

static void bench_echo(void)
{
	struct tern_msg m;
	tern_recv(KC_EP, &m);
	for (;;) {
		m.mr[0] += 1;
		m.info = MSG_INFO(0, 1, 0);
		tern_reply_recv(KC_EP, &m);
	}
}

extern char kfault_null_at[], kfault_ud_at[], kfault_div_at[], kfault_hlt_at[], kfault_kread_at[];
__asm__(".text\n"
	"kfault_null: xor %eax, %eax\n"
	".global kfault_null_at\nkfault_null_at: movq $1, (%rax)\n ret\n"
	".global kfault_ud_at\nkfault_ud_at: ud2\n"
	"kfault_div: xor %ecx, %ecx\n mov $1, %eax\n xor %edx, %edx\n"
	".global kfault_div_at\nkfault_div_at: div %ecx\n ret\n"
	".global kfault_hlt_at\nkfault_hlt_at: hlt\n ret\n"
	"kfault_kread: movabs $0xFFFFFFFF80100000, %rax\n"
	".global kfault_kread_at\nkfault_kread_at: mov (%rax), %rax\n ret\n");
void kfault_null(void), kfault_div(void), kfault_kread(void);

/* A store into tern-task's channel: the kernel's half (a page fault, it
 * is read-only), or the task's half, where a made-up entry (kind 0xdead)
 * and a bumped entry count must be a fault of this task and nothing else
 * (hosted/wire.h). */
extern char kfault_chan_down_at[], kfault_chan_forge_at[];
__asm__(".text\n"
	"kfault_chan_down: movabs $0x7e0000801000, %rax\n"
	".global kfault_chan_down_at\nkfault_chan_down_at: movq $1, (%rax)\n ret\n"
	"kfault_chan_forge: movabs $0x7e0000800000, %rax\n"
	".global kfault_chan_forge_at\nkfault_chan_forge_at: movl $0xdead, 8(%rax)\n"
	" addl $1, (%rax)\n"
	"1: pause\n jmp 1b\n");
void kfault_chan_down(void), kfault_chan_forge(void);

static void fault(uint64_t kind)
{
	switch (kind) {
	case KFAULT_NULL_WRITE: shared[0] = (uint64_t)kfault_null_at; kfault_null(); break;
	case KFAULT_UD: shared[0] = (uint64_t)kfault_ud_at; ((void (*)(void))kfault_ud_at)(); break;
	case KFAULT_DIVIDE: shared[0] = (uint64_t)kfault_div_at; kfault_div(); break;
	case KFAULT_PRIVILEGED: shared[0] = (uint64_t)kfault_hlt_at; ((void (*)(void))kfault_hlt_at)(); break;
	case KFAULT_KERNEL_READ: shared[0] = (uint64_t)kfault_kread_at; kfault_kread(); break;
	case KFAULT_CHAN_DOWN_WRITE: shared[0] = (uint64_t)kfault_chan_down_at; kfault_chan_down(); break;
	case KFAULT_CHAN_FORGE: shared[0] = (uint64_t)kfault_chan_forge_at; kfault_chan_forge(); break;
	}
}

/* inb from a port in RDI, at a known address for the fault report check. */
extern char kio_in_at[];
uint8_t kio_in(uint64_t port);
__asm__(".text\nkio_in: mov %edi, %edx\n"
	".global kio_in_at\nkio_in_at: inb %dx, %al\n ret\n");

static void defer(void)
{
	struct tern_msg first, second;
	for (;;) {
		tern_recv(KC_EP, &first);
		tern_save_reply(KC_REPLY);
		tern_recv(KC_EP, &second);
		second.mr[0] *= 10;
		second.info = MSG_INFO(0, 1, 0);
		tern_reply(&second);
		first.mr[0] *= 10;
		first.info = MSG_INFO(0, 1, 0);
		tern_send(KC_REPLY, &first);
	}
}

static void caprecv(void)
{
	struct tern_msg m;
	tern_ipcbuf->recv_slots[0] = KC_RECV;
	tern_recv(KC_EP, &m);
	for (;;) {
		struct tern_capinfo ci = { 0 };
		tern_cap_identify(KC_RECV, &ci);
		if (ci.type == CAP_NOTE)
			tern_signal(KC_RECV);
		m.mr[0] = ci.type;
		m.mr[1] = tern_ipcbuf->recv_count;
		m.mr[2] = MSG_NCAPS(m.info);
		m.info = MSG_INFO(0, 3, 0);
		tern_cap_delete(KC_RECV, 0);
		tern_reply_recv(KC_EP, &m);
	}
}

/*
 * Random system calls with random arguments: slots near the ones we hold,
 * pointers into and out of our memory, random operations. Calls that
 * would block are made non-blocking; EXIT is skipped. The kernel must
 * answer every one with a result or an error, and survive.
 */
static void fuzz(uint64_t rounds)
{
	uint64_t x = 0x9E3779B97F4A7C15ull ^ rounds;
	for (uint64_t i = 0; i < rounds; i++) {
		uint64_t a[7];
		for (int k = 0; k < 7; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			switch (x % 5) {
			case 0: a[k] = x % 12; break;                           /* a small slot or op */
			case 1: a[k] = KC_IPCBUF_VA + (x >> 8) % 8192; break;   /* near our memory */
			case 2: a[k] = x; break;                                /* anything */
			case 3: a[k] = (x >> 3) % 100; break;                   /* small numbers */
			default: a[k] = 0xFFFF800000000000ull + (x >> 20); break; /* kernel addresses */
			}
		}
		uint64_t n = a[0] % (SYS_COUNT + 2);
		if (n == SYS_EXIT || n == SYS_SLEEP || n == SYS_YIELD)
			continue;
		if (n == SYS_SEND || n == SYS_CALL)
			n = SYS_NBSEND;
		if (n == SYS_RECV || n == SYS_REPLY_RECV)
			n = SYS_NBRECV;
		if (n == SYS_WAIT)
			n = SYS_POLL;
		if (n == SYS_DEBUG_WRITE)
			a[2] %= 64;
		if (n == SYS_INVOKE && (a[2] == TASK_KILL || a[2] == TASK_STOP || a[2] == MACHINE_POWEROFF ||
					a[2] == MACHINE_REBOOT || a[2] == MACHINE_FAIL))
			continue;
		if (n == SYS_INVOKE && a[2] == TASK_SET_REGS)
			continue;       /* would send us somewhere random */
		tern_sys(n, a[1], a[2], a[3], a[4], a[5], a[6]);
	}
}

int tern_main(uint64_t role, uint64_t arg)
{
	tern_ipcbuf = (struct tern_ipcbuf *)KC_IPCBUF_VA;
	struct tern_msg m = { 0 };
	switch (role) {
	case ROLE_ECHO: echo(); break;
	case ROLE_BENCH_ECHO: bench_echo(); break;
	case ROLE_PEEK: peek(); break;
	case ROLE_SPIN:
		for (;;)
			shared[arg]++;
	case ROLE_FAULT: fault(arg); break;
	case ROLE_IOPORT:
		tern_invoke(KC_IOPORT, IOPORT_ENABLE, 0, 0, 0, 0, 0);
		shared[5] = (uint64_t)kio_in_at;
		shared[1] = 0x100 | kio_in(0x3FD);
		shared[5] = (uint64_t)kio_in_at;
		kio_in(arg);
		shared[1] = 0xBAD;
		break;
	case ROLE_CALLER:
		m.info = MSG_INFO(0, 1, 0);
		m.mr[0] = arg;
		shared[2] = tern_call(KC_EP, &m) ? 0xE0 : m.mr[0];
		tern_signal(KC_NOTE);
		break;
	case ROLE_DEFER: defer(); break;
	case ROLE_CAPRECV: caprecv(); break;
	case ROLE_SIGNAL:
		for (uint64_t i = 0; i < arg; i++)
			tern_signal(KC_NOTE);
		break;
	case ROLE_EXIT: return (int)arg;
	case ROLE_RESUME:
		*(volatile uint64_t *)arg = 42;
		shared[3] = 0xBEEF + *(volatile uint64_t *)arg - 42;
		tern_signal(KC_NOTE);
		break;
	case ROLE_FUZZ:
		fuzz(arg);
		tern_signal(KC_NOTE2);
		break;
	case ROLE_NT_SLEEP:
		/* NT makes a later iretq a task return: the kernel must clear it on entry. */
		__asm__ volatile("pushfq; orq $0x44000, (%%rsp); popfq" ::: "memory", "cc");
		tern_sleep_ms(2);
		shared[20] = 1;
		tern_signal(KC_NOTE);
		break;
	case ROLE_HOLD_ECHO:
		tern_recv(KC_EP, &m);
		tern_wait(KC_NOTE, 0);
		m.info = MSG_INFO(0, 1, 0);
		m.mr[0] = 0x600D;
		tern_reply_recv(KC_EP, &m);
		__attribute__((fallthrough));  /* hold whatever comes next */
	case ROLE_RECV_HOLD:
		for (;;)
			tern_recv(KC_EP, &m);
	case ROLE_KILL_SLOT:
		tern_invoke(KC_RECV, TASK_KILL, 0, 0, 0, 0, 0);
		shared[21]++;
		break;
	case ROLE_SLEEPER:
		for (;;)
			if (tern_sleep_ms(10000))
				shared[22]++;
	case ROLE_FPU:
		for (int i = 0; i < 300; i++) {
			uint64_t x, m;
			__asm__ volatile("movq %0, %%xmm0; movq %0, %%mm0" : : "r"(arg) : "memory");  /* no clobbers: we are built without FP registers */
			tern_yield();
			__asm__ volatile("movq %%xmm0, %0; movq %%mm0, %1" : "=r"(x), "=r"(m));
			shared[23] += (x != arg) + (m != arg);
		}
		__asm__ volatile("emms");
		tern_signal(KC_NOTE);
		break;
	case ROLE_LOG_LINE: {
		static const char line[] = "kchild: a line of my own\n";
		shared[27] = tern_sys(SYS_DEBUG_WRITE, KC_RECV, (uint64_t)line, sizeof(line) - 1, 0, 0, 0).err + 1;
		tern_signal(KC_NOTE);
		break;
	}
	case ROLE_TAKE_IRQ:
		shared[26] = (uint64_t)tern_invoke(KC_RECV, IRQCTL_GET, arg, KC_REPLY, 0, 0, 0) + 1;
		tern_signal(KC_NOTE);
		break;
	case ROLE_RECV_SPIN:
		tern_recv(KC_EP, &m);
		for (;;)
			shared[24]++;
	case ROLE_SYSFUZZ: sysfuzz(arg); break;
	case ROLE_LEND_SPIN:
		/* Answer one call, then keep the CPU: only the priority we have
		 * after the reply decides who may preempt us. */
		tern_recv(KC_EP, &m);
		m.info = MSG_INFO(0, 1, 0);
		m.mr[0] = 0x5EED;
		tern_reply(&m);
		for (;;)
			shared[arg]++;
	case ROLE_NOTE_WAITER:
		for (;;) {
			tern_wait(KC_NOTE, 0);
			shared[4] = rdtsc();
			tern_signal(KC_NOTE2);
		}
	case ROLE_RV_MAP_SPREAD: {
		/* An ordinary program: one page of its own quota, mapped into
		 * itself (task slot 0) once every 2 MiB, so each mapping needs a
		 * new page table. */
		int err = tern_mem_create(KC_RV_MEM, CAP_PAGE, KC_RV_PAGE, 1);
		uint64_t made = 0;
		for (uint64_t i = 0; i < arg && !err; i++) {
			err = tern_page_map(KC_RV_PAGE, 0, 0x40000000ull + i * 0x200000ull, RIGHT_READ);
			made += !err;
		}
		shared[150] = made;
		shared[151] = (uint64_t)err;
		tern_signal(KC_NOTE);
		break;
	}
	case ROLE_RV_HELP_SPIN:
		tern_recv(KC_EP, &m);
		tern_wait(KC_NOTE, 0);
		m.info = MSG_INFO(0, 1, 0);
		m.mr[0] = 0x600D;
		tern_reply(&m);
		for (;;)
			shared[152]++;
	case ROLE_R2_STALE_PRIO:
		tern_recv(KC_EP, &m);
		tern_wait(KC_NOTE, 0);
		shared[201] = (uint64_t)tern_invoke(KC_RECV, TASK_SET_PRIO, arg, 0, 0, 0, 0) + 1;
		for (;;)
			shared[200]++;
	case ROLE_R2_FORWARD:
		tern_recv(KC_EP, &m);
		m.info = MSG_INFO(0, 1, 0);
		tern_call(KC_RECV, &m);
		break;
	case ROLE_SF_WAITER:
		for (;;) {
			uint64_t bits = 0;
			int err = tern_wait(KC_NOTE, &bits);
			shared[SF_SEEN] = shared[SF_ROUND];
			shared[SF_BITS] += bits;
			if (err)
				shared[SF_WAIT_ERR] = (uint64_t)err;
			shared[SF_WAKES]++;
		}
	case ROLE_SF_SIGNALLER: {
		uint64_t note = arg >> 16 ? arg >> 16 : KC_NOTE;
		for (uint64_t i = 1; i <= (arg & 0xFFFF); i++) {
			shared[SF_ROUND] = i;
			uint64_t spin = shared[SF_SPIN];
			int err = tern_signal(note);
			shared[SF_PASSED] += shared[SF_SPIN] != spin;
			shared[SF_LATE] += shared[SF_SEEN] != i;
			if (err)
				shared[SF_SIGNAL_ERR] = (uint64_t)err;
			shared[SF_DONE] = i;
		}
		tern_signal(KC_NOTE2);
		break;
	}
	case ROLE_SF_WATCHDOG:
		tern_sleep_ms(arg);
		tern_signal(KC_NOTE);
		break;
	}
	for (;;)
		tern_sleep_ms(1000);
}
