/* The IDT: every vector points at its stub in isr.S. */
#include <arch/gdt.h>
#include <arch/trap.h>

struct idt_entry {
	uint16_t off_lo, sel;
	uint8_t ist, type;
	uint16_t off_mid;
	uint32_t off_hi, zero;
} __attribute__((packed));

extern const uint64_t isr_table[256];
static struct idt_entry idt[256];

static void idt_set(int v, uint64_t fn, int ist, int dpl)
{
	idt[v] = (struct idt_entry){
		.off_lo = fn & 0xFFFF,
		.sel = SEL_KCODE,
		.ist = (uint8_t)ist,
		.type = (uint8_t)(0x8E | (dpl << 5)),   /* present, interrupt gate */
		.off_mid = (fn >> 16) & 0xFFFF,
		.off_hi = (uint32_t)(fn >> 32),
	};
}

void idt_init(void)
{
	for (int v = 0; v < 256; v++)
		idt_set(v, isr_table[v], 0, 0);
	idt_set(8, isr_table[8], 1, 0);         /* double fault on its own stack */
	idt_set(2, isr_table[2], 2, 0);         /* NMI too */
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) ptr = { sizeof(idt) - 1, (uint64_t)idt };
	__asm__ volatile("lidt %0" : : "m"(ptr));
}
