/*
 * Multiboot (v1) entry: the loader leaves us in 32-bit protected mode with
 * paging off, EAX = magic and EBX = physical address of the info block.
 *
 * The kernel is an ELF64 file, which QEMU -kernel, syslinux mboot.c32 and
 * iPXE refuse as ELF. So the header sets the a.out kludge flag: the loader
 * copies the file bytes [load_addr, load_end_addr) to physical memory and
 * zeroes up to bss_end_addr. The linker script keeps file offsets and
 * physical addresses in step so this flat copy is exact.
 *
 * The header also carries the multiboot video fields (a linear 1024x768
 * framebuffer, 32 bits a pixel), but flag bit 2, which makes a loader
 * read them, is off: a BIOS boot stays in VGA text mode, which works on
 * a serial-redirected screen and under qemu -nographic. tools/mbvideo.c
 * turns the bit on in a copy of the kernel, tern-fb.elf, the images'
 * "tern-fb" entry (mboot.c32 then sets a VBE mode; docs/hardware.md).
 *
 * tern's UEFI loader (boot/uefi/) enters at _start64 instead, already in
 * long mode (boot/include/handoff.h): the hand-off header after the
 * multiboot header tells it where.
 *
 * Both entries load the same boot page tables (identity + physmap of the
 * low 4 GiB, and the kernel image at -2 GiB; static data, below) and call
 * kmain() in the higher half with the loader's magic and information
 * block. The kernel replaces these tables with its own early on.
 */
#include <arch/layout.h>
#include <handoff.h>

#define MB_MAGIC        0x1BADB002
#define MB_BOOT_MAGIC   0x2BADB002
#define MB_FLAGS        ((1 << 0) | (1 << 1) | (1 << 16))
#define COM1            0x3F8
#define PHYS(x)         ((x) - KERNEL_VMA)

	.section .multiboot, "a"
	.align 4
mb_header:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)
	.long mb_header                 /* header_addr (.boot is linked at its physical address) */
	.long _load_start               /* load_addr */
	.long _load_end                 /* load_end_addr */
	.long _bss_end                  /* bss_end_addr */
	.long _start32                  /* entry_addr */
	.long 0                         /* mode_type: linear graphics (read only with bit 2) */
	.long 1024                      /* width */
	.long 768                       /* height */
	.long 32                        /* depth */

	.align 8
handoff_header:
	.quad HANDOFF_HEADER_MAGIC
	.long HANDOFF_VERSION
	.long 0
	.quad _start64

	.section .boot.text, "ax"
	.code32
	.global _start32
_start32:
	cli
	cld
	/* Caches on before anything else: CR0 is the firmware's, and some
	 * firmware (the Bochs BIOS) leaves CD and NW set from reset, which
	 * runs every memory access uncached. NE: x87 errors raise #MF, not
	 * the legacy FERR#/IRQ 13 path. EAX still holds the loader's magic. */
	mov %eax, %edx
	mov %cr0, %eax
	and $~((1 << 30) | (1 << 29)), %eax     /* CD, NW */
	or $(1 << 5), %eax                      /* NE */
	mov %eax, %cr0
	mov %edx, %eax
	/* Zero .bss first: the stack and page tables live there. Loaders
	 * should have done it, but not trusting them costs little. */
	mov %eax, %esi
	mov $PHYS(_bss_start), %edi
	mov $_bss_end, %ecx
	sub %edi, %ecx
	xor %eax, %eax
	rep stosb
	mov %esi, %edi                  /* edi = magic */
	mov %ebx, %esi                  /* esi = info block */
	mov $PHYS(boot_stack_top), %esp

	call early_serial_init

	cmp $MB_BOOT_MAGIC, %edi
	jne .Lnot_multiboot

	/* CPUID present? (EFLAGS.ID toggles) */
	pushfl
	pop %eax
	mov %eax, %ecx
	xor $(1 << 21), %eax
	push %eax
	popfl
	pushfl
	pop %eax
	cmp %eax, %ecx
	je .Lno_long_mode

	mov $0x80000000, %eax
	cpuid
	cmp $0x80000001, %eax
	jb .Lno_long_mode
	mov $0x80000001, %eax
	cpuid
	test $(1 << 29), %edx
	jz .Lno_long_mode
	mov %edx, %ebp                  /* keep extended features: NX is bit 20 */

	mov $boot_pml4, %ebx
	mov %ebx, %cr3
	mov %cr4, %eax
	or $((1 << 5) | (1 << 7)), %eax /* PAE | PGE */
	mov %eax, %cr4

	mov $0xC0000080, %ecx           /* EFER */
	rdmsr
	or $((1 << 8) | (1 << 0)), %eax /* LME | SCE */
	test $(1 << 20), %ebp
	jz 2f
	or $(1 << 11), %eax             /* NXE when the CPU has it */
2:	wrmsr

	mov %cr0, %eax
	or $((1 << 31) | (1 << 16) | (1 << 0)), %eax   /* PG | WP | PE */
	mov %eax, %cr0

	lgdt boot_gdt_ptr
	ljmp $0x08, $long_entry32

.Lnot_multiboot:
	mov $msg_not_multiboot, %esi
	jmp .Lfail
.Lno_long_mode:
	mov $msg_no_long_mode, %esi
.Lfail:
	call early_puts
3:	hlt
	jmp 3b

/* 16550 at COM1: 115200 8N1, FIFO on. Clobbers eax, edx. */
early_serial_init:
	mov $(COM1 + 1), %dx
	xor %al, %al
	out %al, %dx                    /* no interrupts */
	mov $(COM1 + 3), %dx
	mov $0x80, %al
	out %al, %dx                    /* DLAB */
	mov $(COM1 + 0), %dx
	mov $1, %al
	out %al, %dx                    /* divisor 1 = 115200 */
	mov $(COM1 + 1), %dx
	xor %al, %al
	out %al, %dx
	mov $(COM1 + 3), %dx
	mov $0x03, %al
	out %al, %dx                    /* 8N1 */
	mov $(COM1 + 2), %dx
	mov $0xC7, %al
	out %al, %dx                    /* FIFO enable + clear */
	mov $(COM1 + 4), %dx
	mov $0x03, %al
	out %al, %dx                    /* DTR | RTS */
	ret

/* Print the NUL-terminated string at %esi. Clobbers eax, edx, esi. */
early_puts:
1:	mov (%esi), %al
	test %al, %al
	jz 3f
	mov %al, %ah
	mov $(COM1 + 5), %dx
2:	in %dx, %al
	test $0x20, %al
	jz 2b
	mov $COM1, %dx
	mov %ah, %al
	out %al, %dx
	inc %esi
	jmp 1b
3:	ret

/*
 * The UEFI loader's entry: long mode, the firmware's identity-mapped page
 * tables, interrupts off; rdi = HANDOFF_MAGIC, rsi = the hand-off block
 * (below 4 GiB). Same steps as above, for a CPU already in long mode.
 */
	.code64
	.global _start64
_start64:
	cli
	cld
	mov %rdi, %r12
	mov %rsi, %r13
	mov %cr0, %rax
	and $~((1 << 30) | (1 << 29)), %rax     /* CD, NW */
	or $((1 << 16) | (1 << 5)), %rax        /* WP, NE */
	mov %rax, %cr0
	mov $PHYS(_bss_start), %edi
	mov $_bss_end, %ecx
	sub %edi, %ecx
	xor %eax, %eax
	rep stosb
	mov $PHYS(boot_stack_top), %esp

	mov $0x80000001, %eax
	cpuid
	mov %edx, %ebp                  /* NX is bit 20 */
	/* EFER, CR4: exactly what the multiboot path sets, not the firmware's extras. */
	mov $0xC0000080, %ecx           /* EFER */
	xor %edx, %edx
	mov $((1 << 8) | (1 << 0)), %eax        /* LME (already on), SCE */
	test $(1 << 20), %ebp
	jz 1f
	or $(1 << 11), %eax             /* NXE when the CPU has it */
1:	wrmsr
	mov $boot_pml4, %eax
	mov %rax, %cr3                  /* we run identity-mapped: still mapped after */
	mov $((1 << 5) | (1 << 7)), %eax        /* PAE | PGE */
	mov %rax, %cr4
	lgdt boot_gdt_ptr
	mov %r12, %rdi
	mov %r13, %rsi
	push $0x08
	push $long_entry
	lretq

/* From _start32: the upper halves of rdi and rsi are undefined. */
long_entry32:
	mov %edi, %edi
	mov %esi, %esi
long_entry:
	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	xor %ax, %ax
	mov %ax, %fs
	mov %ax, %gs
	movabs $high_entry, %rax
	jmp *%rax

	.section .boot.data, "aw"
	.align 16
boot_gdt:
	.quad 0
	.quad 0x00AF9A000000FFFF        /* 0x08: 64-bit code */
	.quad 0x00CF92000000FFFF        /* 0x10: data */
boot_gdt_end:
boot_gdt_ptr:                           /* 32-bit lgdt reads 6 bytes, 64-bit 10 */
	.word boot_gdt_end - boot_gdt - 1
	.quad boot_gdt
msg_not_multiboot:
	.asciz "tern: not started by a multiboot loader (bad magic in EAX); halting\r\n"
msg_no_long_mode:
	.asciz "tern: this CPU has no x86_64 long mode; halting\r\n"

	.text
	.code64
high_entry:
	movabs $boot_stack_top, %rsp
	xor %ebp, %ebp
	/* rdi = the loader's magic, rsi = its information block (physical) */
	call kmain
1:	cli
	hlt
	jmp 1b

/*
 * Boot page tables, as data: PML4 slot 0 (identity) and 256 (physmap) map
 * the low 4 GiB with 2 MiB pages, slot 511 maps -2 GiB to physical 0..1 GiB.
 * Linked at their physical addresses (.boot), so the entries are constants.
 */
	.section .boot.data, "aw"
	.align 4096
	.global boot_pml4
boot_pml4:
	.quad boot_pdpt_low + 3
	.fill 255, 8, 0
	.quad boot_pdpt_low + 3
	.fill 254, 8, 0
	.quad boot_pdpt_high + 3
boot_pdpt_low:
	.quad boot_pd + 0x0003, boot_pd + 0x1003, boot_pd + 0x2003, boot_pd + 0x3003
	.fill 508, 8, 0
boot_pdpt_high:
	.fill 510, 8, 0
	.quad boot_pd + 3
	.quad 0
boot_pd:
	.set boot_pd_i, 0
	.rept 2048
	.quad (boot_pd_i << 21) | 0x83          /* present | writable | 2 MiB page */
	.set boot_pd_i, boot_pd_i + 1
	.endr

	.bss
	.align 4096
	.global boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip 16384
boot_stack_top:
