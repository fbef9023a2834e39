/*
 * Kernel stacks on the host: each tern task has its own kernel stack (from
 * the frame allocator, as on the PC) and the scheduler switches between
 * them with the PC's own context_switch (kernel/arch/x86_64/context_switch.S);
 * only what is above it differs. A task's stack starts in
 * task_first_entry, which runs hosted_user_loop: the task's "return to
 * user" and "enter the kernel" (user.c).
 */
	.text

/* First run of a task: its stack holds only the trap frame; call (for
 * the ABI's stack alignment) the loop that never returns. */
	.globl task_first_entry
task_first_entry:
	xor %ebp, %ebp
	call hosted_user_loop
	ud2

/*
 * void fastpath_exit(uint64_t *prev_ksp, struct trap_frame *prev,
 *                    struct trap_frame *next): the IPC fastpath's way out
 * (kernel/fastpath.c, run_now), as on the PC. next, current now, waits in
 * a system call with nothing left but the way out, so instead of resuming
 * its kernel context only to unwind it, we go on with its loop at the top
 * of its kernel stack, where its frame is, as its first run does: the
 * loop's first step runs the task with that frame. prev, blocked, gets a
 * context context_switch can resume, just below its frame (nothing of
 * prev's is live there once we have left its stack): six slots it pops
 * and fastpath_resume as the return address.
 */
	.globl fastpath_exit
fastpath_exit:
	mov %rdx, %rsp
	lea -56(%rsi), %rax
	leaq fastpath_resume(%rip), %rcx
	mov %rcx, 48(%rax)
	mov %rax, (%rdi)
	xor %ebp, %ebp
	call hosted_user_loop
	ud2

/* Where a task the fastpath left blocked resumes: rsp = its frame. */
fastpath_resume:
	xor %ebp, %ebp
	call syscall_exit_work
	call hosted_user_loop
	ud2

/* First run of a kernel thread (the idle loop): r12 = function. */
	.globl kthread_entry
kthread_entry:
	xor %ebp, %ebp
	call *%r12
	ud2

	.section .note.GNU-stack,"",@progbits
