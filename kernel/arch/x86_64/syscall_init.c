/* Set up the per-CPU block and the MSRs that route `syscall` to us. */
#include <arch/cpu.h>
#include <arch/gdt.h>
#include <arch/percpu.h>

#define RFLAGS_TF 0x100
#define RFLAGS_IF 0x200
#define RFLAGS_DF 0x400
#define RFLAGS_NT 0x4000
#define RFLAGS_AC 0x40000

struct percpu cpu0;
extern char syscall_entry[];

void syscall_init(void)
{
	wrmsr(MSR_GS_BASE, (uint64_t)&cpu0);    /* kernel GS while in the kernel */
	wrmsr(MSR_KERNEL_GS, 0);                /* user GS, swapped in on return */
	wrmsr(MSR_STAR, ((uint64_t)0x10 << 48) | ((uint64_t)SEL_KCODE << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	/*
	 * Clear on entry every flag a task can set with popfq that changes
	 * how the kernel runs: IF (the kernel runs with interrupts off), TF
	 * (a #DB in ring 0), DF (string instructions backwards), AC, and NT,
	 * which turns the kernel's next iretq into a task return and a #GP in
	 * ring 0. Trap gates clear TF and NT themselves; syscall only clears
	 * what this mask says.
	 */
	wrmsr(MSR_SFMASK, RFLAGS_IF | RFLAGS_DF | RFLAGS_TF | RFLAGS_AC | RFLAGS_NT);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
