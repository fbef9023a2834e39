/*
 * The sanitized program's entry (linked with -e san_entry instead of
 * crt0's _start, which it then jumps to with the entry registers as the
 * loader set them), and ASan's checks as the compiler calls them
 * (--param asan-instrumentation-with-call-threshold=0: every access is a
 * call __asan_{load,store}{1,2,4,8,16,N}_noabort(addr[, size])).
 *
 * A check that finds a bad access has san_access (asan.c) report it, then
 * returns to the instruction that was about to make the access with the
 * trap flag set: the CPU stops there, before it, with a debug trap that
 * tern-task passes on as a fault. So the supervisor's fault line (init's,
 * with the function from the symbol table) names the place of the bug,
 * not the runtime.
 */
	.text
	.globl san_entry
san_entry:
	mov %rdi, %r12
	mov %rsi, %r13
	mov %rdx, %r14
	mov %rcx, %r15
	mov %rsp, %rbx
	and $-16, %rsp
	call san_start          /* RDI as it came: san_start(a0) */
	mov %rbx, %rsp
	mov %r12, %rdi
	mov %r13, %rsi
	mov %r14, %rdx
	mov %r15, %rcx
	jmp _start

/* CHECK name, size (0: already in %rsi), write */
.macro CHECK name, size, write
	.globl \name
\name:
	.if \size
	mov $\size, %esi
	.endif
	mov $\write, %edx
	mov (%rsp), %rcx
	sub $8, %rsp
	call san_access
	add $8, %rsp
	test %eax, %eax
	jnz san_trap_return
	ret
.endm

	CHECK __asan_load1_noabort, 1, 0
	CHECK __asan_load2_noabort, 2, 0
	CHECK __asan_load4_noabort, 4, 0
	CHECK __asan_load8_noabort, 8, 0
	CHECK __asan_load16_noabort, 16, 0
	CHECK __asan_loadN_noabort, 0, 0
	CHECK __asan_store1_noabort, 1, 1
	CHECK __asan_store2_noabort, 2, 1
	CHECK __asan_store4_noabort, 4, 1
	CHECK __asan_store8_noabort, 8, 1
	CHECK __asan_store16_noabort, 16, 1
	CHECK __asan_storeN_noabort, 0, 1

/* Set TF: it takes effect after the instruction that follows popf, the
 * ret, so the trap comes at the return address. */
san_trap_return:
	pushfq
	orq $0x100, (%rsp)
	popfq
	ret
	.section .note.GNU-stack, "", @progbits
