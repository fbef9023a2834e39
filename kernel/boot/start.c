/*
 * The end of kernel boot. Without an initramfs there is nothing to run, so
 * we say what is missing and how to pass it, and stop with a failure
 * status. "poweroff" on the command line ends the machine after boot,
 * which tests use to check the clean shutdown path.
 */
#include <boot.h>
#include <cmdline.h>
#include <kprintf.h>
#include <panic.h>

void boot_start(const struct boot_info *bi)
{
	char v[4];
	if (!bi->nmods) {
		kprintf("tern: no initramfs module was loaded, so there is no init to run.\n"
			"      Pass build/initramfs.tar as the first multiboot module:\n"
			"      QEMU -initrd, mboot.c32 'tern.elf --- initramfs.tar', iPXE 'module'.\n");
		machine_fail(3);
	}
	kprintf("tern: kernel ready\n");
	if (cmdline_get(bi->cmdline, "poweroff", v, sizeof(v))) {
		kprintf("tern: powering off\n");
		machine_poweroff();
	}
	kprintf("tern: no root task to start yet; halting\n");
	machine_halt();
}
