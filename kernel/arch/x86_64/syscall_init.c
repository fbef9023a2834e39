/* Set up the per-CPU block and the MSRs that route `syscall` to us. */
#include <arch/cpu.h>
#include <arch/gdt.h>
#include <arch/percpu.h>

struct percpu cpu0;
extern char syscall_entry[];

void syscall_init(void)
{
	wrmsr(MSR_GS_BASE, (uint64_t)&cpu0);    /* kernel GS while in the kernel */
	wrmsr(MSR_KERNEL_GS, 0);                /* user GS, swapped in on return */
	wrmsr(MSR_STAR, ((uint64_t)0x10 << 48) | ((uint64_t)SEL_KCODE << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	/* Clear IF, DF, TF and AC on entry: the kernel runs with interrupts off. */
	wrmsr(MSR_SFMASK, 0x200 | 0x400 | 0x100 | 0x40000);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
