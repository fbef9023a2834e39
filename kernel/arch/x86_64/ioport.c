/*
 * I/O port sandboxing with the TSS permission bitmap. A task that enabled
 * ports (IOPORT_ENABLE on its ioport caps) owns an 8 KiB bitmap; the TSS
 * gets a copy when such a task runs, and for every other task the bitmap
 * offset points past the TSS limit, which denies all ports without a copy.
 * An in/out the bitmap denies raises #GP in that task only; we decode the
 * instruction so the fault report names the port.
 */
#include <arch/gdt.h>
#include <arch/layout.h>
#include <ioport.h>
#include <object/task.h>
#include <pmm.h>
#include <sched.h>
#include <object/memory.h>
#include <string.h>
#include <vspace.h>

static struct task *loaded;             /* whose bitmap the TSS holds */

int ioport_allow(struct task *t, uint16_t first, uint16_t last, int allow)
{
	if (!t->iomap) {
		if (!allow)
			return 0;
		/* The bitmap is paid by the task's quota, like its page tables. */
		if (memory_take(t->hdr.charged, IOMAP_BYTES))
			return -1;
		uint64_t pa = pmm_alloc_contig(IOMAP_BYTES / PAGE_SIZE);
		if (!pa) {
			memory_give(t->hdr.charged, IOMAP_BYTES);
			return -1;
		}
		t->iomap = phys_to_virt(pa);
		memset(t->iomap, 0xFF, IOMAP_BYTES);
	}
	for (uint32_t p = first; p <= last; p++) {
		if (allow)
			t->iomap[p / 8] &= (uint8_t)~(1u << (p % 8));
		else
			t->iomap[p / 8] |= (uint8_t)(1u << (p % 8));
	}
	if (loaded == t)
		loaded = 0;             /* reload on the next switch */
	if (t == current)
		ioport_switch(t);
	return 0;
}

void ioport_switch(struct task *next)
{
	if (!next->iomap) {
		cpu_tss.iomap_base = sizeof(struct tss);   /* beyond the limit: deny all */
		return;
	}
	if (loaded != next) {
		memcpy(cpu_tss.iomap, next->iomap, IOMAP_BYTES);
		loaded = next;
	}
	cpu_tss.iomap_base = __builtin_offsetof(struct tss, iomap);
}

void ioport_release(struct task *t)
{
	if (!t->iomap)
		return;
	if (loaded == t)
		loaded = 0;
	if (t == current)
		cpu_tss.iomap_base = sizeof(struct tss);
	uint64_t pa = virt_to_phys(t->iomap);
	for (unsigned i = 0; i < IOMAP_BYTES / PAGE_SIZE; i++)
		pmm_free(pa + (uint64_t)i * PAGE_SIZE);
	t->iomap = 0;
	memory_give(t->hdr.charged, IOMAP_BYTES);
}

int ioport_decode_fault(struct task *t, uint64_t rip, uint64_t rdx)
{
	uint8_t code[4];
	if (user_read(t, code, rip, sizeof(code)))
		return -1;
	unsigned i = 0;
	while (i < 3 && (code[i] == 0x66 || code[i] == 0xF3 || code[i] == 0xF2))
		i++;                    /* operand size and rep prefixes */
	uint8_t op = code[i];
	if (op >= 0xE4 && op <= 0xE7)
		return code[i + 1];     /* in/out with an immediate port */
	if ((op >= 0xEC && op <= 0xEF) || (op >= 0x6C && op <= 0x6F))
		return (int)(rdx & 0xFFFF);
	return -1;
}
