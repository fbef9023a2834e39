/*
 * Interrupt and exception entry. Every vector has a small stub that makes
 * the stack look the same (an error code, real or zero, then the vector)
 * and jumps to trap_common, which saves the general registers as a
 * struct trap_frame (see arch/trap.h) and calls trap_dispatch(), which
 * returns the frame to leave through.
 * Coming from user mode we swap GS so the kernel sees its per-CPU base.
 * One trap comes from the kernel with the user's GS: a fault of the iretq
 * back to user mode (trap_iret), after its swapgs; trap.c hands it to the
 * task (bad_iret).
 */
#include <arch/frame.h>

#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

	.text
	.code64

.macro STUB v
	.align 16
isr_\v:
.if HAS_ERROR(\v) == 0
	pushq $0
.endif
	pushq $\v
	jmp trap_common
.endm

.altmacro
.set i, 0
.rept 256
	STUB %i
	.set i, i + 1
.endr

#define F_RIP (17 * 8)                  /* struct trap_frame offsets */
#define F_CS  (18 * 8)
#define F_RSP (20 * 8)

trap_common:
	PUSH_GPRS
	cld
	testb $3, F_CS(%rsp)            /* CS of the interrupted context */
	jnz 1f
	cmpq $trap_iret, F_RIP(%rsp)    /* the iretq to user mode faulted? */
	jne 2f
	mov F_RSP(%rsp), %rax           /* the frame it was loading */
	testb $3, 8(%rax)               /* its CS */
	jz 2f
1:	swapgs
2:	mov %rsp, %rdi
	call trap_dispatch
	mov %rax, %rsp
	.global trap_return
trap_return:
	POP_GPRS
	addq $16, %rsp                  /* vector and error code */
	testb $3, 8(%rsp)
	jz 3f
	swapgs
3:
	.global trap_iret
trap_iret:
	iretq

	.section .rodata
	.align 8
	.global isr_table
isr_table:
.macro ENTRY v
	.quad isr_\v
.endm
.set i, 0
.rept 256
	ENTRY %i
	.set i, i + 1
.endr
