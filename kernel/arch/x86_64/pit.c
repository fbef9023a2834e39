/*
 * The 8254 PIT, channel 0, as the scheduler's periodic tick (IRQ 0), and
 * a busy-wait on its counter for when interrupts are off.
 *
 * Some new machines clock-gate the PIT (it answers but never counts), and
 * a machine may have none; either would leave tern without a tick, hanging
 * silently at the first sleep. So pit_init checks that the counter moves
 * and stops the boot with a clear line if it does not.
 */
#include <arch/cpu.h>
#include <arch/pic.h>
#include <kprintf.h>
#include <panic.h>

#define PIT_HZ 1193182u
#define PIT_CH0  0x40
#define PIT_CMD  0x43

static unsigned tick_hz;

/* Latch channel 0's count (command 0x00) and read it, low byte first. */
static uint16_t pit_read(void)
{
	outb(PIT_CMD, 0x00);
	uint8_t lo = inb(PIT_CH0);
	uint8_t hi = inb(PIT_CH0);
	return (uint16_t)(lo | hi << 8);
}

/* A counting PIT changes within a microsecond (one count is 838 ns, an
 * I/O port access takes about as long); an absent one reads 0xFFFF, a
 * gated one a constant. The bound keeps a dead PIT's cost well under a
 * second on hardware. */
static int pit_counts(void)
{
	uint16_t first = pit_read();
	for (int i = 0; i < 100000; i++)
		if (pit_read() != first)
			return 1;
	return 0;
}

void pit_init(unsigned hz)
{
	unsigned div = PIT_HZ / hz;
	outb(PIT_CMD, 0x34);            /* channel 0, lo/hi byte, rate generator */
	outb(PIT_CH0, (uint8_t)div);
	outb(PIT_CH0, (uint8_t)(div >> 8));
	if (!pit_counts()) {
		kprintf("tern: the 8254 PIT does not count (absent or clock-gated); "
			"tern needs it for its timer tick\n");
		machine_fail(2);
	}
	tick_hz = hz;
	pic_unmask(IRQ_TIMER);
}

/* Channel 0 counts down and reloads once a tick: each rise of the count
 * is a tick gone by. Bounded, should the PIT stop after all. */
void pit_wait_ms(unsigned ms)
{
	if (!tick_hz)
		return;
	unsigned long ticks = ((unsigned long)ms * tick_hz + 999) / 1000;
	uint16_t last = pit_read();
	for (unsigned long i = 0; ticks && i < 10000000; i++) {
		uint16_t now = pit_read();
		if (now > last)
			ticks--;
		last = now;
	}
}
