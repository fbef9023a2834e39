/*
 * kmain: bring the machine from "long mode, boot page tables" to a kernel
 * that owns its memory, then start the root task. Each step prints what it
 * found, so a boot log tells the whole story of a failed boot.
 */
#include <acpi.h>
#include <arch/cpu.h>
#include <arch/fpu.h>
#include <arch/gdt.h>
#include <arch/layout.h>
#include <arch/paging.h>
#include <arch/percpu.h>
#include <arch/pic.h>
#include <arch/trap.h>
#include <boot.h>
#include <cmdline.h>
#include <fastpath.h>
#include <string.h>
#include <console.h>
#include <handoff.h>
#include <heap.h>
#include <kprintf.h>
#include <memmap.h>
#include <multiboot.h>
#include <panic.h>
#include <pmm.h>
#include <sched.h>
#include <version.h>

extern char _kernel_end[];

struct boot_info boot_info;

static void reserve_and_build(struct memmap *usable)
{
	struct boot_info *bi = &boot_info;
	struct mem_range res[BOOT_MAX_MODULES + 3];
	int n = 0;
	res[n++] = (struct mem_range){ 0, 0x100000 };   /* BIOS, EBDA, VGA */
	/* The whole image: the boot stub and its page tables below _kernel_start too. */
	res[n++] = (struct mem_range){ KERNEL_LOAD, virt_to_phys(_kernel_end) - KERNEL_LOAD };
	res[n++] = (struct mem_range){ bi->info_pa, bi->info_end - bi->info_pa };
	for (int i = 0; i < bi->nmods; i++)
		res[n++] = (struct mem_range){ bi->mods[i].start, bi->mods[i].end - bi->mods[i].start };
	if (memmap_build(usable, bi->avail, bi->navail, res, n))
		kprintf("tern: memory map too fragmented; using the first %d ranges\n", MEMMAP_MAX);
}

static void print_modules(void)
{
	struct boot_info *bi = &boot_info;
	kprintf("modules: %d\n", bi->nmods);
	for (int i = 0; i < bi->nmods; i++)
		kprintf("  module %d: %016lx-%016lx %lu bytes \"%s\"\n", i, bi->mods[i].start,
			bi->mods[i].end, bi->mods[i].end - bi->mods[i].start, bi->mods[i].name);
	if (bi->mods_dropped)
		kprintf("tern: %d more modules ignored (at most %d)\n", bi->mods_dropped, BOOT_MAX_MODULES);
}

/* What the CPU does when no task is runnable: sleep until an interrupt. */
static void idle_loop(void)
{
	for (;;)
		__asm__ volatile("sti; hlt; cli" ::: "memory");
}

/* Which loader started us: multiboot (BIOS) or tern's UEFI loader. */
static void parse_boot_info(uint64_t magic, uint64_t info_pa)
{
	int bad = -1;
	if (magic == MB_BOOT_MAGIC)
		bad = multiboot_parse(&boot_info, info_pa);
	else if (magic == HANDOFF_MAGIC) {
		bad = handoff_parse(&boot_info, info_pa);
		/* UEFI: the RSDP is what the firmware said, even none; no BIOS area to scan. */
		if (!bad)
			acpi_set_rsdp(boot_info.rsdp);
	}
	else
		kprintf("tern: started by an unknown loader (magic %lx)\n", magic);
	/* The command line is known: the console prints what it held. */
	console_setup(boot_info.cmdline, &boot_info.fb);
	if (bad)
		machine_fail(2);
}

void kmain(uint64_t magic, uint64_t info_pa)
{
	/* Held until parse_boot_info knows console=; a multiboot (BIOS)
	 * boot has VGA text mode for the screen. */
	console_early(magic == MB_BOOT_MAGIC);
	kprintf("\ntern %s (x86_64) booting\n", TERN_VERSION);
	gdt_init();
	idt_init();

	parse_boot_info(magic, info_pa);
	kprintf("cmdline: \"%s\"\n", boot_info.cmdline);
	if (!boot_info.navail) {
		kprintf("tern: the boot loader gave no memory information; cannot continue\n");
		machine_fail(2);
	}

	struct memmap usable;
	reserve_and_build(&usable);
	uint64_t kib = memmap_total(&usable) / 1024;
	kprintf("memory: %lu KiB usable in %d ranges\n", kib, usable.n);
	if (kib < MIN_RAM_KIB) {
		kprintf("tern: not enough memory: %lu KiB usable, need at least %d KiB "
			"(give QEMU more, e.g. -m 128)\n", kib, MIN_RAM_KIB);
		machine_fail(2);
	}
	if (pmm_init(&usable)) {
		kprintf("tern: no memory range can hold the frame bitmap\n");
		machine_fail(2);
	}
	paging_init(memmap_end(&usable));
	/* One line, not two: under UEFI the screen's 50 rows hold the boot
	 * log from the banner to fbcon's hand-over, no more. */
	char pc[8];
	int pcid_off = cmdline_get(boot_info.cmdline, "pcid", pc, sizeof(pc)) && !strcmp(pc, "off");
	const char *pcid = paging_pcid_init(pcid_off);
	kprintf("paging: kernel tables at %016lx, NX %s, PCID %s\n", paging_kernel_root(),
		paging_nx_enabled() ? "on" : "off", pcid);
	kprintf("frames: %lu free of %lu\n", pmm_free_frames(), pmm_total_frames());

	print_modules();
	char fp[8];
	if (cmdline_get(boot_info.cmdline, "fastpath", fp, sizeof(fp)) && !strcmp(fp, "off")) {
		fastpath_on = 0;
		kprintf("ipc: fastpath off (fastpath=off)\n");
	}
	boot_selftest(boot_info.cmdline);

	syscall_init();
	fpu_init();
	pic_init();
	struct task *idle = task_idle_create(idle_loop);
	if (!idle)
		panic("cannot create the idle task");
	sched_init(idle);
	pit_init(SCHED_HZ);
	boot_start(&boot_info);
}
