/*
 * Trap dispatch and the exception report. A CPU exception in the kernel is
 * a kernel bug: we print everything we know (vector, error code, RIP, CR2,
 * registers) and stop the machine. Exceptions from user mode go to the
 * task fault path instead, which stops only that task.
 */
#include <arch/cpu.h>
#include <arch/trap.h>
#include <kprintf.h>
#include <panic.h>

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

int trap_from_user(const struct trap_frame *f)
{
	return (f->cs & 3) == 3;
}

void trap_report(const struct trap_frame *f)
{
	kprintf("EXCEPTION %s (vector %lu) error 0x%lx in %s mode\n",
		trap_name(f->vector), f->vector, f->error, trap_from_user(f) ? "user" : "kernel");
	kprintf("  RIP %016lx  CS %04lx  RFLAGS %016lx\n", f->rip, f->cs, f->rflags);
	kprintf("  RSP %016lx  SS %04lx  CR2 %016lx  CR3 %016lx\n", f->rsp, f->ss, read_cr2(), read_cr3());
	kprintf("  RAX %016lx  RBX %016lx  RCX %016lx  RDX %016lx\n", f->rax, f->rbx, f->rcx, f->rdx);
	kprintf("  RSI %016lx  RDI %016lx  RBP %016lx  R8  %016lx\n", f->rsi, f->rdi, f->rbp, f->r8);
	kprintf("  R9  %016lx  R10 %016lx  R11 %016lx  R12 %016lx\n", f->r9, f->r10, f->r11, f->r12);
	kprintf("  R13 %016lx  R14 %016lx  R15 %016lx\n", f->r13, f->r14, f->r15);
}

/* Weak hooks: later layers (IRQ objects, the scheduler, task faults) take these over. */
__attribute__((weak)) void irq_dispatch(struct trap_frame *f) { (void)f; }
__attribute__((weak)) int fault_user(struct trap_frame *f) { (void)f; return 0; }

void trap_dispatch(struct trap_frame *f)
{
	if (f->vector >= IRQ_BASE) {
		irq_dispatch(f);
		return;
	}
	if (trap_from_user(f) && fault_user(f))
		return;
	trap_report(f);
	panic("unexpected exception in kernel mode");
}
