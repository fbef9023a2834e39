/*
 * GDT and TSS. syscall/sysret fix the selector order: kernel code, kernel
 * data, then user data and user code (sysret loads SS = base+8, CS = base+16).
 * The TSS carries the ring-0 stack for traps from user mode, separate IST
 * stacks for double fault and NMI (so a kernel stack overflow still gets
 * reported), and the I/O permission bitmap that sandboxes port access.
 */
#include <arch/gdt.h>
#include <string.h>

struct tss cpu_tss __attribute__((aligned(16)));
static uint64_t gdt[7];
static uint8_t ist_df_stack[8192] __attribute__((aligned(16)));
static uint8_t ist_nmi_stack[8192] __attribute__((aligned(16)));

static void gdt_load(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) ptr = { sizeof(gdt) - 1, (uint64_t)gdt };
	__asm__ volatile(
		"lgdt %0\n"
		"mov %1, %%ds\n"
		"mov %1, %%es\n"
		"mov %1, %%ss\n"
		"pushq %2\n"
		"leaq 1f(%%rip), %%rax\n"
		"pushq %%rax\n"
		"lretq\n"
		"1:\n"
		"ltr %w3\n"
		: : "m"(ptr), "r"((uint64_t)SEL_KDATA), "i"(SEL_KCODE), "r"(SEL_TSS) : "rax", "memory");
}

void gdt_init(void)
{
	gdt[0] = 0;
	gdt[1] = 0x00AF9A000000FFFF;    /* kernel code, 64-bit, DPL 0 */
	gdt[2] = 0x00CF92000000FFFF;    /* kernel data */
	gdt[3] = 0x00CFF2000000FFFF;    /* user data, DPL 3 */
	gdt[4] = 0x00AFFA000000FFFF;    /* user code, 64-bit, DPL 3 */

	memset(&cpu_tss, 0, sizeof(cpu_tss));
	cpu_tss.ist[0] = (uint64_t)(ist_df_stack + sizeof(ist_df_stack));
	cpu_tss.ist[1] = (uint64_t)(ist_nmi_stack + sizeof(ist_nmi_stack));
	cpu_tss.iomap_base = __builtin_offsetof(struct tss, iomap);
	memset(cpu_tss.iomap, 0xFF, sizeof(cpu_tss.iomap));

	uint64_t base = (uint64_t)&cpu_tss;
	uint64_t limit = sizeof(cpu_tss) - 1;
	gdt[5] = (limit & 0xFFFF) | ((base & 0xFFFFFF) << 16) | (0x89ull << 40) |
		 (((limit >> 16) & 0xF) << 48) | (((base >> 24) & 0xFF) << 56);
	gdt[6] = base >> 32;
	gdt_load();
}

