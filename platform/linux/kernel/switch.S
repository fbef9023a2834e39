/*
 * Kernel stacks on the host: each tern task has its own kernel stack (from
 * the frame allocator, as on the PC) and the scheduler switches between
 * them with the same context_switch; only what is above it differs. A
 * task's stack starts in task_first_entry, which runs hosted_user_loop:
 * the task's "return to user" and "enter the kernel" (user.c).
 */
	.text
	.globl context_switch
context_switch:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	mov %rsp, (%rdi)
	mov %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

/* First run of a task: its stack holds only the trap frame; call (for
 * the ABI's stack alignment) the loop that never returns. */
	.globl task_first_entry
task_first_entry:
	xor %ebp, %ebp
	call hosted_user_loop
	ud2

/* First run of a kernel thread (the idle loop): r12 = function. */
	.globl kthread_entry
kthread_entry:
	xor %ebp, %ebp
	call *%r12
	ud2

	.section .note.GNU-stack,"",@progbits
