/* The 8254 PIT, channel 0, as the scheduler's periodic tick (IRQ 0). */
#include <arch/cpu.h>
#include <arch/pic.h>

#define PIT_HZ 1193182u

void pit_init(unsigned hz)
{
	unsigned div = PIT_HZ / hz;
	outb(0x43, 0x34);               /* channel 0, lo/hi byte, rate generator */
	outb(0x40, (uint8_t)div);
	outb(0x40, (uint8_t)(div >> 8));
	pic_unmask(IRQ_TIMER);
}
