/* Legacy 8259 interrupt controllers and the 8254 timer. */
#pragma once

#define IRQ_LINES 16
#define IRQ_TIMER 0
#define IRQ_CASCADE 2

void pic_init(void);
void pic_mask(unsigned line);
void pic_unmask(unsigned line);
void pic_eoi(unsigned line);
int pic_spurious(unsigned line);
/* Starts the tick; fails the boot if the PIT does not count. */
void pit_init(unsigned hz);
/* Busy-waits about ms milliseconds on the PIT's counter (interrupts may be off). */
void pit_wait_ms(unsigned ms);
