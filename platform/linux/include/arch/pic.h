/* Host version of arch/pic.h: no interrupt lines (an irq cap cannot be had
 * on PLATFORM=linux: IRQ_LINES lines exist, none ever fires). */
#pragma once

#define IRQ_LINES 16
#define IRQ_TIMER 0
#define IRQ_CASCADE 2

void pic_mask(unsigned line);
void pic_unmask(unsigned line);
