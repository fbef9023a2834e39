/*
 * Ending the machine. Tests need QEMU to exit with a status: success comes
 * from an ACPI power-off (QEMU exits 0; Bochs ends too), failure from the
 * isa-debug-exit device at port 0xF4 (QEMU exits (code << 1) | 1). On
 * hardware and Bochs, without that device, the CPU just halts with
 * interrupts off.
 */
#include <acpi.h>
#include <arch/cpu.h>
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
	va_list ap;
	va_start(ap, fmt);
	kprintf("\nKERNEL PANIC: ");
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\ntern: kernel halted\n");
	machine_fail(1);
}
