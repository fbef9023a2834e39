/* tern-task's entry points: the process start (on our own stack: the one
 * Linux gave us may be where a tern program maps its own), the return
 * from a signal handler, and the jump into the tern program with every
 * register as the kernel said (struct wire_regs). */
#define R15 0
#define R14 8
#define R13 16
#define R12 24
#define R11 32
#define R10 40
#define R9 48
#define R8 56
#define RBP 64
#define RDI 72
#define RSI 80
#define RDX 88
#define RCX 96
#define RBX 104
#define RAX 112
#define RIP 120
#define RSP 128
#define RFLAGS 136

	.text
	.globl _start
_start:
	lea stub_stack_top(%rip), %rsp
	xor %ebp, %ebp
	call stub_main
	ud2

	.globl stub_restorer
stub_restorer:
	mov $15, %eax           /* rt_sigreturn */
	syscall
	ud2

/* void stub_enter(struct wire_regs *r): does not return. SIGUSR1 is
 * unblocked first; if a preemption was pending, its handler runs here and
 * updates *r (main.c, on_preempt). */
	.globl stub_enter
stub_enter:
	push %rdi
	sub $16, %rsp
	movq $0, (%rsp)                 /* the empty signal set */
	mov $14, %eax                   /* rt_sigprocmask(SIG_SETMASK, &empty, 0, 8) */
	mov $2, %edi
	mov %rsp, %rsi
	xor %edx, %edx
	mov $8, %r10d
	syscall
	add $16, %rsp
	pop %rdi
	mov RIP(%rdi), %rax
	mov %rax, enter_rip(%rip)
	cld
	mov RSP(%rdi), %rsp
	mov R15(%rdi), %r15
	mov R14(%rdi), %r14
	mov R13(%rdi), %r13
	mov R12(%rdi), %r12
	mov R11(%rdi), %r11
	mov R10(%rdi), %r10
	mov R9(%rdi), %r9
	mov R8(%rdi), %r8
	mov RBP(%rdi), %rbp
	mov RSI(%rdi), %rsi
	mov RDX(%rdi), %rdx
	mov RCX(%rdi), %rcx
	mov RBX(%rdi), %rbx
	mov RAX(%rdi), %rax
	mov RDI(%rdi), %rdi
	jmp *enter_rip(%rip)

/* The gate of the VALGRIND=1 programs (hosted/wire.h, WIRE_GATE_VA):
 * called in place of `syscall`, with its registers. Saves them as a
 * `syscall` would leave them (RIP the return address, RCX = RIP,
 * R11 = RFLAGS; RSP as before the call), blocks every signal as the
 * SIGSYS handler ran, and goes on in C on our own stack (main.c,
 * gate_main), which ends in stub_enter with the kernel's registers.
 * A SIGUSR1 taken before the signals are blocked is ignored
 * (on_preempt): this is an entry into the kernel anyway. */
	.globl stub_gate, stub_gate_end
stub_gate:
	mov %rax, gate_regs+RAX(%rip)
	mov %rbx, gate_regs+RBX(%rip)
	mov %rdx, gate_regs+RDX(%rip)
	mov %rsi, gate_regs+RSI(%rip)
	mov %rdi, gate_regs+RDI(%rip)
	mov %rbp, gate_regs+RBP(%rip)
	mov %r8, gate_regs+R8(%rip)
	mov %r9, gate_regs+R9(%rip)
	mov %r10, gate_regs+R10(%rip)
	mov %r12, gate_regs+R12(%rip)
	mov %r13, gate_regs+R13(%rip)
	mov %r14, gate_regs+R14(%rip)
	mov %r15, gate_regs+R15(%rip)
	pop %rax
	mov %rax, gate_regs+RIP(%rip)
	mov %rax, gate_regs+RCX(%rip)
	mov %rsp, gate_regs+RSP(%rip)
	pushfq
	pop %rax
	mov %rax, gate_regs+RFLAGS(%rip)
	mov %rax, gate_regs+R11(%rip)
	lea stub_stack_top(%rip), %rsp
	sub $16, %rsp
	movq $-1, (%rsp)                /* every signal */
	mov $14, %eax                   /* rt_sigprocmask(SIG_SETMASK, &all, 0, 8) */
	mov $2, %edi
	mov %rsp, %rsi
	xor %edx, %edx
	mov $8, %r10d
	syscall
	add $16, %rsp
	lea gate_regs(%rip), %rdi
	call gate_main
	ud2
stub_gate_end:

	.bss
	.balign 16
enter_rip:
	.quad 0
	.globl gate_regs
gate_regs:
	.space 144
	.balign 16
	.space 65536
	.globl stub_stack_top
stub_stack_top:

	.section .note.GNU-stack,"",@progbits
