/*
 * "ktest=firmware" (boot/selftest.c): before pic_init, leave the interrupt
 * hardware the way firmware may hand it over, so a scenario
 * (ci/scenarios/firmware-state.run) proves the kernel sets it up itself:
 *
 * - the 8259s at the BIOS's vector bases (8 and 0x70), every line open:
 *   if pic_init kept the bases, the first tick would arrive as vector 8
 *   and be reported as a double fault;
 * - the local APIC software-enabled with its timer armed, periodic, at a
 *   vector nothing of tern's uses: if it stayed on, the trap path would
 *   report a stray interrupt.
 *
 * Interrupts are off throughout the boot, so nothing fires before the
 * kernel has had its chance to fix things.
 */
#include <arch/cpu.h>
#include <arch/layout.h>
#include <kprintf.h>

#define LAPIC_PA        0xFEE00000ull
#define LAPIC_SVR       0x0F0
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_DIV 0x3E0
#define STRAY_VECTOR    0x60

static void lapic_write(unsigned reg, uint32_t v)
{
	*(volatile uint32_t *)phys_to_virt(LAPIC_PA + reg) = v;
}

void ktest_firmware(void)
{
	outb(0x20, 0x11);       /* the 8259s as the BIOS sets them up */
	outb(0xA0, 0x11);
	outb(0x21, 0x08);
	outb(0xA1, 0x70);
	outb(0x21, 4);
	outb(0xA1, 2);
	outb(0x21, 1);
	outb(0xA1, 1);
	outb(0x21, 0x00);
	outb(0xA1, 0x00);
	/* Only in xAPIC mode at the usual address, as QEMU and Bochs start. */
	uint64_t base = rdmsr(0x1B);
	int armed = (base & (1u << 11)) && !(base & (1u << 10)) && (base & ~0xFFFull) == LAPIC_PA;
	if (armed) {
		lapic_write(LAPIC_SVR, 0x1FF);                  /* software-enabled */
		lapic_write(LAPIC_TIMER_DIV, 0xB);              /* divide by 1 */
		lapic_write(LAPIC_LVT_TIMER, (1u << 17) | STRAY_VECTOR);   /* periodic */
		lapic_write(LAPIC_TIMER_INIT, 100000);
	}
	kprintf("ktest firmware: 8259s at vectors 08/70, all lines open; local APIC timer %s\n",
		armed ? "armed at vector 0x60" : "not armed (no xAPIC at fee00000)");
}
