/*
 * Tests that need hardware a platform lacks. On PLATFORM=linux (tern
 * hosted, docs/hosted.md) the kernel puts "platform=linux" on the command
 * line, and a task is a Linux process: it has no I/O ports, no interrupt
 * line but the host terminal's, no device memory but the terminal's page.
 * Those tests are skipped by name with the reason, and counted, so the
 * same boot (ktest.run, attack.run, fuzz.run) means the same thing on
 * both platforms and a test that needs the PC is never run where it
 * cannot pass. The PC has everything: nothing is skipped there.
 */
#include "ktest.h"

struct platform_skip {
	const char *prefix;     /* test names starting with this */
	const char *reason;
};

static const struct platform_skip linux_skips[] = {
	{ "ioport_", "no I/O ports for a Linux process" },
	{ "irq_rtc_", "no interrupt lines (the RTC) on PLATFORM=linux" },
	{ "mmio_", "no device memory (no VGA window, no framebuffer) on PLATFORM=linux" },
	{ "attack_port_", "the I/O permission bitmap is the PC TSS's" },
};

const char *ktest_platform_skip(const char *platform, const char *test)
{
	if (strcmp(platform, "linux"))
		return 0;
	for (unsigned i = 0; i < sizeof(linux_skips) / sizeof(linux_skips[0]); i++)
		if (!strncmp(test, linux_skips[i].prefix, strlen(linux_skips[i].prefix)))
			return linux_skips[i].reason;
	return 0;
}
