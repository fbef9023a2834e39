/*
 * The two 8259 PICs, remapped to vectors 32..47. Every line starts masked;
 * a line is unmasked when something wants it (the timer, or an irq cap
 * bound to a note), and masked again from the moment it fires until its
 * handler acknowledges it (IRQ_ACK), so a busy device cannot storm.
 */
#include <arch/cpu.h>
#include <arch/pic.h>
#include <arch/trap.h>

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

void pic_init(void)
{
	outb(PIC1_CMD, 0x11);           /* ICW1: init, expect ICW4 */
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, IRQ_BASE);      /* ICW2: vector offsets */
	outb(PIC2_DATA, IRQ_BASE + 8);
	outb(PIC1_DATA, 4);             /* ICW3: slave on line 2 */
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, 1);             /* ICW4: 8086 mode */
	outb(PIC2_DATA, 1);
	mask = 0xFFFF & ~(1u << 2);     /* cascade line always open */
	write_mask();
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
