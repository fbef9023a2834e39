/*
 * Ending the machine. Tests need QEMU to exit with a status: success comes
 * from an ACPI power-off (QEMU exits 0; Bochs ends too), failure from the
 * isa-debug-exit device at port 0xF4 (QEMU exits (code << 1) | 1). On
 * hardware and Bochs, without that device, the CPU just halts with
 * interrupts off. Nothing here calls the firmware: power-off is ACPI
 * alone, and reboot tries the ways a PC can be reset from the outside,
 * most common first, ending with one no machine can refuse.
 */
#include <acpi.h>
#include <arch/cpu.h>
#include <arch/pic.h>
#include <console.h>
#include <kprintf.h>
#include <panic.h>

#define DEBUG_EXIT_PORT 0xF4

void machine_halt(void)
{
	for (;;) {
		cpu_cli();
		cpu_hlt();
	}
}

void machine_poweroff(void)
{
	cpu_cli();
	acpi_poweroff();
	kprintf("tern: ACPI power-off failed; halting\n");
	machine_halt();
}

/* Give a reset that was just asked for time to happen. */
static void reset_settle(void)
{
	pit_wait_ms(100);
}

#define KBC_STATUS      0x64
#define KBC_IN_FULL     0x02
#define RESET_CONTROL   0xCF9   /* Intel chipsets' reset control register */

void machine_reboot(void)
{
	cpu_cli();
	/* The 8042's pulse on the CPU's reset line: PCs with a keyboard
	 * controller (or its emulation) since the AT. Where there is none,
	 * port 0x64 reads 0xFF, the wait ends, and the write goes nowhere. */
	for (int i = 0; i < 100000 && (inb(KBC_STATUS) & KBC_IN_FULL); i++)
		cpu_pause();
	outb(KBC_STATUS, 0xFE);
	reset_settle();
	kprintf("tern: reboot: the keyboard controller did not reset the machine\n");
	acpi_reset();
	reset_settle();
	/* Bit 1 selects a hard reset, bit 2 going from 0 to 1 starts it. */
	kprintf("tern: reboot: trying port 0xCF9\n");
	outb(RESET_CONTROL, 0x02);
	reset_settle();
	outb(RESET_CONTROL, 0x06);
	reset_settle();
	/* A triple fault resets every x86: with an empty IDT the breakpoint
	 * cannot be delivered, nor the #GP and #DF that follow. */
	kprintf("tern: reboot: triple fault\n");
	static const struct __attribute__((packed)) { uint16_t limit; uint64_t base; } no_idt = { 0, 0 };
	__asm__ volatile("lidt %0; int3" : : "m"(no_idt));
	machine_halt();
}

void machine_fail(int code)
{
	cpu_cli();
	/* Where nothing is at the port (hardware, Bochs) this line says why
	 * the machine stopped; ci/bochs.sh watches for "; halting". */
	kprintf("tern: failure status %d; halting\n", code);
	outb(DEBUG_EXIT_PORT, (uint8_t)code);
	machine_halt();
}

void panic(const char *fmt, ...)
{
	cpu_cli();
	console_panic();                /* the screen is the kernel's again, to show why */
	va_list ap;
	va_start(ap, fmt);
	kprintf("\nKERNEL PANIC: ");
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\ntern: kernel halted\n");
	machine_fail(1);
}
