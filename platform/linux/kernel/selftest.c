/*
 * "ktest=NAME" on PLATFORM=linux. The heap test is the kernel's own
 * (kernel/boot/selftest_heap.c). The others provoke what a process
 * cannot survive or has no meaning here (a CPU exception in kernel mode,
 * careless firmware, a missing RSDP, a timer panic meant for a screen),
 * so they are named and skipped rather than run.
 */
#include <boot.h>
#include <cmdline.h>
#include <kprintf.h>
#include <string.h>

void boot_selftest(const char *cmdline)
{
	char t[16];
	if (!cmdline_get(cmdline, "ktest", t, sizeof(t)))
		return;
	if (!strcmp(t, "heap"))
		selftest_heap();
	else
		kprintf("ktest %s: not available on PLATFORM=linux\n", t);
}
