/*
 * Interrupt and exception entry. Every vector has a small stub that makes
 * the stack look the same (an error code, real or zero, then the vector)
 * and jumps to trap_common, which saves the general registers as a
 * struct trap_frame (see arch/trap.h) and calls trap_dispatch().
 * Coming from user mode we swap GS so the kernel sees its per-CPU base.
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

trap_common:
	testb $3, 24(%rsp)              /* CS of the interrupted context */
	jz 1f
	swapgs
1:	PUSH_GPRS
	cld
	mov %rsp, %rdi
	call trap_dispatch
	.global trap_return
trap_return:
	POP_GPRS
	addq $16, %rsp                  /* vector and error code */
	testb $3, 8(%rsp)
	jz 2f
	swapgs
2:	iretq

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
