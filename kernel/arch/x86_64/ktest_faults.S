/*
 * Deliberate faults for the exception-report tests. Each function faults
 * at its *_at label, so the test can check the reported RIP exactly.
 */
	.text
	.code64

	.global ktest_ud, ktest_ud_at
ktest_ud:
ktest_ud_at:
	ud2

	.global ktest_pf, ktest_pf_at
ktest_pf:
	movabs $0xFFFF8FFFDEAD0000, %rax
ktest_pf_at:
	movq $1, (%rax)
	ret

	.global ktest_gp, ktest_gp_at
ktest_gp:
	mov $0x80, %ax                  /* beyond the GDT limit */
ktest_gp_at:
	mov %ax, %ds
	ret

	.global ktest_de, ktest_de_at
ktest_de:
	xor %ecx, %ecx
	mov $1, %eax
	xor %edx, %edx
ktest_de_at:
	div %ecx
	ret
