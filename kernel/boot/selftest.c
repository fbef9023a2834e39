/*
 * Kernel self-tests chosen on the command line with "ktest=NAME":
 * deliberate CPU exceptions (ud, pf, gp, de) that prove the exception
 * report names the vector and the exact faulting RIP, and "heap", which
 * checks the heap returns every frame it took (selftest_heap.c, shared
 * with PLATFORM=linux), and "firmware", which
 * leaves the interrupt hardware as a careless firmware might
 * (arch/x86_64/ktest_firmware.c) for the rest of the boot to cope with,
 * and "rsdp0", a boot loader that reports no RSDP (acpi_set_rsdp(0)),
 * and "late-panic", a panic from the timer 30 s into the boot, when
 * userspace runs (and a framebuffer terminal may have the screen).
 */
#include <acpi.h>
#include <boot.h>
#include <cmdline.h>
#include <kprintf.h>
#include <panic.h>
#include <sched.h>
#include <string.h>

#define LATE_PANIC_SECONDS 30

uint64_t ktest_panic_tick;

extern void ktest_ud(void), ktest_pf(void), ktest_gp(void), ktest_de(void);
extern char ktest_ud_at[], ktest_pf_at[], ktest_gp_at[], ktest_de_at[];
extern void ktest_firmware(void);

static const struct {
	const char *name;
	void (*fn)(void);
	const char *at;
} faults[] = {
	{ "ud", ktest_ud, ktest_ud_at },
	{ "pf", ktest_pf, ktest_pf_at },
	{ "gp", ktest_gp, ktest_gp_at },
	{ "de", ktest_de, ktest_de_at },
};

void boot_selftest(const char *cmdline)
{
	char t[16];
	if (!cmdline_get(cmdline, "ktest", t, sizeof(t)))
		return;
	for (unsigned i = 0; i < sizeof(faults) / sizeof(faults[0]); i++) {
		if (strcmp(t, faults[i].name))
			continue;
		kprintf("ktest %s: expect a fault at RIP %016lx\n", t, (unsigned long)faults[i].at);
		faults[i].fn();
		kprintf("ktest %s: no fault happened\n", t);
		return;
	}
	if (!strcmp(t, "heap"))
		selftest_heap();
	else if (!strcmp(t, "firmware"))
		ktest_firmware();
	else if (!strcmp(t, "rsdp0"))
		acpi_set_rsdp(0);
	else if (!strcmp(t, "late-panic")) {
		ktest_panic_tick = LATE_PANIC_SECONDS * SCHED_HZ;
		kprintf("ktest late-panic: a panic %d s into the boot\n", LATE_PANIC_SECONDS);
	}
	else
		kprintf("ktest: unknown test \"%s\"\n", t);
}
