/*
 * IRQs, with the CMOS real-time clock as a test interrupt source: its
 * periodic interrupt (IRQ 8) is programmed through an ioport cap, bound to
 * a note, and must stay masked until acknowledged.
 */
#include "ktest.h"
#include <tern/portio.h>

static uint8_t rtc_read(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static void rtc_write(uint8_t reg, uint8_t v)
{
	outb(0x70, reg);
	outb(0x71, v);
}

KTEST(irq_rtc_delivered_to_note_and_masked_until_ack)
{
	uint64_t ports = slot(), irq = slot(), n = make(CAP_NOTE, 0);
	KCHECK(n);
	KCHECK_EQ(tern_cap_mint(ROOT_IOPORT, 0, ports, RIGHTS_ALL, 0x70, 0x71), TERN_OK);
	KCHECK_EQ(tern_invoke(ports, IOPORT_ENABLE, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(ROOT_IRQ_CONTROL, IRQCTL_GET, 8, irq, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(irq, IRQ_SET_NOTE, n, 0, 0, 0, 0), TERN_OK);

	rtc_write(0x0A, (rtc_read(0x0A) & 0xF0) | 0x06);       /* 1024 Hz */
	rtc_write(0x0B, rtc_read(0x0B) | 0x40);                 /* periodic interrupt on */
	rtc_read(0x0C);                                         /* clear anything pending */

	uint64_t bits = wait_note(n, 1000);
	int ok1 = bits == 1;
	/* Not acknowledged: the line stays masked, so no second signal. */
	rtc_read(0x0C);
	tern_sleep_ms(30);
	uint64_t again = 0;
	tern_poll(n, &again);
	/* Acknowledge: interrupts flow again. */
	rtc_read(0x0C);
	tern_invoke(irq, IRQ_ACK, 0, 0, 0, 0, 0);
	uint64_t bits2 = wait_note(n, 1000);

	rtc_write(0x0B, rtc_read(0x0B) & ~0x40);                /* periodic off */
	rtc_read(0x0C);
	tern_invoke(ports, IOPORT_DISABLE, 0, 0, 0, 0, 0);
	KCHECK(ok1);
	KCHECK_EQ(again, 0);
	KCHECK_EQ(bits2, 1);
	return 0;
}

KTEST(irq_control_refuses_bad_lines)
{
	uint64_t a = slot(), b = slot();
	KCHECK_EQ(tern_invoke(ROOT_IRQ_CONTROL, IRQCTL_GET, 0, a, 0, 0, 0), E_BUSY);   /* the timer */
	KCHECK_EQ(tern_invoke(ROOT_IRQ_CONTROL, IRQCTL_GET, 2, a, 0, 0, 0), E_BUSY);   /* cascade */
	KCHECK_EQ(tern_invoke(ROOT_IRQ_CONTROL, IRQCTL_GET, 16, a, 0, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_IRQ_CONTROL, IRQCTL_GET, 5, a, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(ROOT_IRQ_CONTROL, IRQCTL_GET, 5, b, 0, 0, 0), E_BUSY);
	KCHECK_EQ(tern_invoke(a, IRQ_ACK, 0, 0, 0, 0, 0), E_BAD_ARG);   /* no note bound yet */
	/* Deleting the cap frees the line for the next taker. */
	KCHECK_EQ(tern_cap_delete(a, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(ROOT_IRQ_CONTROL, IRQCTL_GET, 5, b, 0, 0, 0), TERN_OK);
	return 0;
}
