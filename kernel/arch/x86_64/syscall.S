/*
 * `syscall` entry. The CPU leaves the user RIP in RCX and RFLAGS in R11
 * and does not switch stacks, so we swap GS to reach the per-CPU block,
 * stash the user RSP, load this task's kernel stack and build the same
 * struct trap_frame an interrupt would. The task may be switched out and
 * back in meanwhile; its frame is still at the top of its stack, and we
 * return with sysret (or iretq, see below).
 */
#include <arch/frame.h>
#include <arch/percpu.h>

#define FRAME_RIP (17 * 8)              /* offsetof(struct trap_frame, rip) */

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
	.global syscall_exit
syscall_exit:                           /* rsp: the frame of the task to return to */
	/*
	 * Back to user mode with sysret when the frame allows it: the return
	 * RIP must be a canonical user address (sysret to a non-canonical one
	 * faults in ring 0 on the user stack). Anything else, and frames that
	 * a trap built, leave through iretq.
	 */
	movabs $0x00007FFFFFFFF000, %rax
	cmp %rax, FRAME_RIP(%rsp)
	jae trap_return
	POP_GPRS
	mov 16(%rsp), %rcx              /* RIP */
	mov 32(%rsp), %r11              /* RFLAGS */
	and $~0x3000, %r11              /* never IOPL > 0 */
	or $0x200, %r11                 /* interrupts on */
	mov 40(%rsp), %rsp              /* user RSP */
	swapgs
	sysretq

/*
 * void fastpath_exit(uint64_t *prev_ksp, struct trap_frame *prev,
 *                    struct trap_frame *next): the IPC fastpath's way
 * out, once sched_load has made next current. next waits in a system
 * call with nothing left to do but the way out (fastpath.c checks), so
 * instead of switching to its kernel context and unwinding it we take
 * its trap frame, at the top of its kernel stack, and leave through it.
 * prev (blocked now, in a system call too) gets a context that
 * context_switch can resume: six callee-saved slots it pops (their
 * values do not matter) and fastpath_resume as the return address, just
 * below prev's frame, where nothing of prev's is live any more.
 */
	.global fastpath_exit
fastpath_exit:
	mov %rdx, %rsp
	lea -56(%rsi), %rax
	movq $fastpath_resume, 48(%rax)
	mov %rax, (%rdi)
	jmp syscall_exit

/* Where a task the fastpath left blocked resumes: rsp = its frame. */
fastpath_resume:
	call syscall_exit_work
	jmp syscall_exit

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
