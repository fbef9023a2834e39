/*
 * void context_switch(uint64_t *save_sp, uint64_t new_sp): save the
 * callee-saved registers on this stack, switch stacks, restore theirs.
 * Pure register work, so PLATFORM=linux (an x86-64 host) links this same
 * file for the hosted kernel's per-task kernel stacks (platform/linux/linux.mk).
 */
	.text
	.global context_switch
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

	.section .note.GNU-stack,"",@progbits
