/*
 * `syscall` entry. The CPU leaves the user RIP in RCX and RFLAGS in R11
 * and does not switch stacks, so we swap GS to reach the per-CPU block,
 * stash the user RSP, load this task's kernel stack and build the same
 * struct trap_frame an interrupt would. Returning goes through the common
 * iretq path (trap_return), which also handles a task switch in between.
 */
#include <arch/frame.h>
#include <arch/percpu.h>

	.text
	.code64
	.global syscall_entry
syscall_entry:
	swapgs
	mov %rsp, %gs:PERCPU_USER_RSP
	mov %gs:PERCPU_KSTACK_TOP, %rsp
	pushq $0x1B                     /* SS: user data */
	pushq %gs:PERCPU_USER_RSP       /* RSP */
	pushq %r11                      /* RFLAGS */
	pushq $0x23                     /* CS: user code */
	pushq %rcx                      /* RIP */
	pushq $0                        /* error code */
	pushq $SYSCALL_VECTOR
	PUSH_GPRS
	cld
	mov %rsp, %rdi
	call syscall_dispatch
	jmp trap_return

/*
 * void context_switch(uint64_t *save_sp, uint64_t new_sp): save the
 * callee-saved registers on this stack, switch stacks, restore theirs.
 */
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

/* First run of a user task: its stack holds only the trap frame. */
	.global task_first_entry
task_first_entry:
	jmp trap_return

/* First run of a kernel thread: r12 = function. */
	.global kthread_entry
kthread_entry:
	sti
	call *%r12
1:	cli
	hlt
	jmp 1b
