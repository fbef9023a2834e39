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

	.bss
	.balign 16
enter_rip:
	.quad 0
	.balign 16
	.space 65536
	.globl stub_stack_top
stub_stack_top:

	.section .note.GNU-stack,"",@progbits
