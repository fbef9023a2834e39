/*
 * Trap dispatch and the exception report. A CPU exception in the kernel is
 * a kernel bug: we print everything we know (vector, error code, RIP, CR2,
 * registers) and stop the machine. Exceptions from user mode go to the
 * task fault path instead, which stops only that task.
 */
#include <arch/cpu.h>
#include <arch/trap.h>
#include <boot.h>
#include <console.h>
#include <klog.h>
#include <kprintf.h>
#include <arch/pic.h>
#include <object/irq.h>
#include <object/task.h>
#include <panic.h>
#include <sched.h>
#include <stddef.h>
#include <string.h>

static const char *const names[32] = {
	[0] = "#DE divide error",        [1] = "#DB debug",
	[2] = "NMI",                     [3] = "#BP breakpoint",
	[4] = "#OF overflow",            [5] = "#BR bound range",
	[6] = "#UD invalid opcode",      [7] = "#NM device not available",
	[8] = "#DF double fault",        [10] = "#TS invalid TSS",
	[11] = "#NP segment not present", [12] = "#SS stack fault",
	[13] = "#GP general protection", [14] = "#PF page fault",
	[16] = "#MF x87 error",          [17] = "#AC alignment check",
	[18] = "#MC machine check",      [19] = "#XM SIMD error",
	[20] = "#VE virtualization",     [21] = "#CP control protection",
};

const char *trap_name(uint64_t vector)
{
	if (vector < 32)
		return names[vector] ? names[vector] : "reserved exception";
	return "interrupt";
}

uint64_t read_cr2_if(uint64_t vector)
{
	return vector == 14 ? read_cr2() : 0;
}

int trap_from_user(const struct trap_frame *f)
{
	return (f->cs & 3) == 3;
}

void trap_report(const struct trap_frame *f)
{
	console_flush_early();          /* a fault before console_setup is shown too */
	kprintf("EXCEPTION %s (vector %lu) error 0x%lx in %s mode\n",
		trap_name(f->vector), f->vector, f->error, trap_from_user(f) ? "user" : "kernel");
	kprintf("  RIP %016lx  CS %04lx  RFLAGS %016lx\n", f->rip, f->cs, f->rflags);
	kprintf("  RSP %016lx  SS %04lx  CR2 %016lx  CR3 %016lx\n", f->rsp, f->ss, read_cr2(), read_cr3());
	kprintf("  RAX %016lx  RBX %016lx  RCX %016lx  RDX %016lx\n", f->rax, f->rbx, f->rcx, f->rdx);
	kprintf("  RSI %016lx  RDI %016lx  RBP %016lx  R8  %016lx\n", f->rsi, f->rdi, f->rbp, f->r8);
	kprintf("  R9  %016lx  R10 %016lx  R11 %016lx  R12 %016lx\n", f->r9, f->r10, f->r11, f->r12);
	kprintf("  R13 %016lx  R14 %016lx  R15 %016lx\n", f->r13, f->r14, f->r15);
}

extern uint64_t tsc_hz;

static void timer_tick(void)
{
	static uint64_t tsc0;
	sched_tick();
	klog_tick(sched_ticks);         /* wake the log's reader if it grew */
	/* Measure the TSC rate against the first 100 ms of PIT ticks. */
	if (sched_ticks == 1)
		tsc0 = rdtsc();
	else if (sched_ticks == 101)
		tsc_hz = (rdtsc() - tsc0) * (SCHED_HZ / 100);
	if (ktest_panic_tick && sched_ticks == ktest_panic_tick)
		panic("ktest late-panic: a panic while userspace runs");
}

static void irq_dispatch(struct trap_frame *f)
{
	unsigned line = (unsigned)(f->vector - IRQ_BASE);
	if (line >= IRQ_LINES) {
		/* Nothing of ours uses this vector: a source the firmware left
		 * armed (pic.c turns the local APIC off for that). Said once. */
		static int told;
		if (!told++)
			kprintf("tern: stray interrupt at vector %lu; ignored\n", f->vector);
		return;
	}
	if (pic_spurious(line))
		return;
	if (line == IRQ_TIMER)
		timer_tick();
	else
		irq_deliver(line);
	pic_eoi(line);
}

/*
 * The iretq back to user mode (trap_iret in isr.S) faulted in ring 0: the
 * frame it was loading is bad. A task can do that: a syscall in the last
 * two bytes of the lower half returns to the non-canonical 0x800000000000,
 * which iretq refuses with #GP on Intel and AMD CPUs (Bochs shows it; QEMU
 * TCG lets the iretq pass and faults in user mode). It is the task's
 * fault, not the kernel's. iretq had already restored the task's
 * registers, so f holds them, and the frame it was loading is still at
 * f->rsp: that is the task's own frame (current->frame, the top of its
 * kernel stack). Put the registers back in it and carry on from there as
 * a user fault at the bad RIP. Returns 0 if the frame is not the task's.
 */
static struct trap_frame *bad_iret(struct trap_frame *f)
{
	struct trap_frame *u = (struct trap_frame *)(f->rsp - offsetof(struct trap_frame, rip));
	if (u != current->frame || !trap_from_user(u))
		return 0;
	uint64_t vector = f->vector, error = f->error;
	memmove(u, f, offsetof(struct trap_frame, vector));    /* may overlap */
	u->vector = vector;
	u->error = error;
	return u;
}

extern const char trap_iret[];

struct trap_frame *trap_dispatch(struct trap_frame *f)
{
	struct trap_frame *u;
	if (f->vector >= IRQ_BASE) {
		irq_dispatch(f);
	} else if (trap_from_user(f)) {
		fault_user(f);
	} else if (f->rip == (uint64_t)trap_iret && (u = bad_iret(f))) {
		f = u;
		fault_user(f);
	} else {
		trap_report(f);
		panic("unexpected exception in kernel mode");
	}
	kobj_collect();
	if (need_resched || current->state != TASK_RUNNABLE)
		schedule();
	return f;
}

/* syscall.S reads the saved RIP at a fixed offset. */
_Static_assert(__builtin_offsetof(struct trap_frame, rip) == 17 * 8, "FRAME_RIP in syscall.S");
