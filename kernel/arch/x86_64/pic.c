/*
 * The two 8259 PICs, remapped to vectors 32..47. Every line starts masked;
 * a line is unmasked when something wants it (the timer, or an irq cap
 * bound to a note), and masked again from the moment it fires until its
 * handler acknowledges it (IRQ_ACK), so a busy device cannot storm.
 *
 * Nothing is assumed of the firmware: the BIOS leaves the 8259s at
 * vectors 8 and 0x70, UEFI firmware (OVMF) at its own bases with its own
 * masks, and any of them may have lines in service. pic_init runs the
 * whole initialisation sequence on both (ICW1 resets the mask register
 * and the edge detection, not the in-service register, so a specific EOI
 * for every level follows) and checks the master answers. The edge/level registers (ELCR, 0x4D0) are
 * left alone: they describe how the board wires PCI interrupts, which
 * the firmware knows and we do not.
 */
#include <arch/cpu.h>
#include <arch/pic.h>
#include <arch/trap.h>
#include <kprintf.h>
#include <panic.h>

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xA0
#define PIC2_DATA 0xA1

static uint16_t mask = 0xFFFF;

static void write_mask(void)
{
	outb(PIC1_DATA, (uint8_t)mask);
	outb(PIC2_DATA, (uint8_t)(mask >> 8));
}

#define MSR_APIC_BASE   0x1B
#define APIC_BASE_EXTD  (1u << 10)      /* x2APIC mode */
#define APIC_BASE_EN    (1u << 11)      /* globally enabled */
#define CPUID_1_EDX_APIC (1u << 9)

/*
 * Firmware leaves the local APIC enabled (it is after reset; UEFI may
 * also have armed its timer or LVT entries at vectors of its own, and an
 * LVT entry fires even with every 8259 line masked). tern takes all its
 * interrupts from the 8259s, so it turns the local APIC off altogether
 * rather than mask its LVT entries one by one: masking LINT0, the first
 * idea, would also cut off the 8259, which reaches the CPU through LINT0
 * in ExtINT mode while the APIC is on. Globally disabled (IA32_APIC_BASE
 * bit 11 clear; x2APIC mode must be left in the same write), the CPU
 * behaves as one without an APIC: LINT0 is the INTR pin the 8259 drives,
 * LINT1 the NMI pin, and the timer, thermal, performance and error
 * entries cannot deliver anything. Whoever brings up SMP or the I/O APIC
 * turns it back on and programs it.
 */
static void lapic_off(void)
{
	uint32_t r[4];
	cpuid(1, 0, r);
	if (!(r[3] & CPUID_1_EDX_APIC))
		return;
	uint64_t base = rdmsr(MSR_APIC_BASE);
	if (!(base & APIC_BASE_EN))
		return;
	wrmsr(MSR_APIC_BASE, base & ~(uint64_t)(APIC_BASE_EN | APIC_BASE_EXTD));
	kprintf("pic: the local APIC was enabled (%s mode); turned off, interrupts come from the 8259s\n",
		base & APIC_BASE_EXTD ? "x2APIC" : "xAPIC");
}

void pic_init(void)
{
	lapic_off();
	outb(PIC1_DATA, 0xFF);          /* quiet while we work */
	outb(PIC2_DATA, 0xFF);
	outb(PIC1_CMD, 0x11);           /* ICW1: init, expect ICW4 */
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, IRQ_BASE);      /* ICW2: vector offsets */
	outb(PIC2_DATA, IRQ_BASE + 8);
	outb(PIC1_DATA, 4);             /* ICW3: slave on line 2 */
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, 1);             /* ICW4: 8086 mode */
	outb(PIC2_DATA, 1);
	for (uint8_t level = 0; level < 8; level++) {
		outb(PIC1_CMD, 0x60 | level);   /* OCW2: specific EOI */
		outb(PIC2_CMD, 0x60 | level);
	}
	mask = 0xFFFF & ~(1u << 2);     /* cascade line always open */
	write_mask();
	/* Reading the data port gives the mask register back: a missing
	 * 8259 reads 0xFF, not the 0xFB just written. */
	uint8_t imr = inb(PIC1_DATA);
	if (imr != (uint8_t)mask) {
		kprintf("tern: the 8259 PIC does not answer (mask register reads %02x, not %02x); "
			"tern needs it for its interrupts\n", imr, (uint8_t)mask);
		machine_fail(2);
	}
}

void pic_mask(unsigned line)
{
	mask |= (uint16_t)(1u << line);
	write_mask();
}

void pic_unmask(unsigned line)
{
	mask &= (uint16_t)~(1u << line);
	write_mask();
}

void pic_eoi(unsigned line)
{
	if (line >= 8)
		outb(PIC2_CMD, 0x20);
	outb(PIC1_CMD, 0x20);
}

/* Lines 7 and 15 fire spuriously; the in-service register tells. */
int pic_spurious(unsigned line)
{
	if (line != 7 && line != 15)
		return 0;
	uint16_t cmd = line == 7 ? PIC1_CMD : PIC2_CMD;
	outb(cmd, 0x0B);
	if (inb(cmd) & 0x80)
		return 0;
	if (line == 15)
		outb(PIC1_CMD, 0x20);   /* the master saw a real cascade interrupt */
	return 1;
}
