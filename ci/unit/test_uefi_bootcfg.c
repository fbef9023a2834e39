/* Unit tests for boot/uefi/bootcfg.c: what the UEFI loader boots. */
#include "unit.h"
#include <bootcfg.h>
#include <string.h>

static int from_file(struct boot_request *r, const char *text, char *err)
{
	return bootcfg_from_file(r, text, strlen(text), err, 160);
}

TEST(bootcfg_the_images_config)
{
	/* image/boot.cfg.in as the images carry it, with arguments. */
	const char *cfg = "SERIAL 0 115200\r\nCONSOLE 0\r\n# tern: generated\r\nDEFAULT tern\r\n"
			  "PROMPT 0\r\nLABEL tern\r\n  KERNEL mboot.c32\r\n"
			  "  APPEND tern.elf init=/test/ktest quiet --- initramfs.tar\r\n";
	struct boot_request r;
	char err[160];
	CHECK_EQ(from_file(&r, cfg, err), 0);
	CHECK_STR(r.label, "tern");
	CHECK_STR(r.kernel, "tern.elf");
	CHECK_STR(r.cmdline, "tern.elf init=/test/ktest quiet");
	CHECK_EQ(r.nmods, 1);
	CHECK_STR(r.mods[0], "initramfs.tar");
}

TEST(bootcfg_default_picks_its_label_case_insensitively)
{
	const char *cfg = "default two\nlabel one\nkernel mboot.c32\nappend a.elf --- x\n"
			  "LABEL two\nKernel /boot/MBOOT.C32\nAppend b.elf arg --- m1 a1 --- m2\n"
			  "label three\nkernel mboot.c32\nappend c.elf\n";
	struct boot_request r;
	char err[160], file[64];
	CHECK_EQ(from_file(&r, cfg, err), 0);
	CHECK_STR(r.label, "two");
	CHECK_STR(r.cmdline, "b.elf arg");
	CHECK_EQ(r.nmods, 2);
	CHECK_STR(r.mods[0], "m1 a1");
	bootcfg_module_file(&r, 0, file, sizeof(file));
	CHECK_STR(file, "m1");
	CHECK_STR(r.mods[1], "m2");
}

TEST(bootcfg_without_default_boots_the_first_label)
{
	struct boot_request r;
	char err[160];
	CHECK_EQ(from_file(&r, "label a\nkernel mboot.c32\nappend k --- m\nlabel b\n", err), 0);
	CHECK_STR(r.label, "a");
	CHECK_STR(r.kernel, "k");
	CHECK_EQ(r.nmods, 1);
}

TEST(bootcfg_errors_say_what_is_wrong)
{
	struct boot_request r;
	char err[160];
	CHECK_EQ(from_file(&r, "default x\nlabel y\nkernel mboot.c32\nappend k\n", err), -1);
	CHECK_STR(err, "DEFAULT x names no LABEL");
	CHECK_EQ(from_file(&r, "", err), -1);
	CHECK_STR(err, "no LABEL to boot");
	CHECK_EQ(from_file(&r, "label l\nkernel vmlinuz\nappend x\n", err), -1);
	CHECK(strstr(err, "only mboot.c32") != 0);
	CHECK_EQ(from_file(&r, "label l\nkernel mboot.c32\n", err), -1);
	CHECK(strstr(err, "no APPEND") != 0);
	CHECK_EQ(from_file(&r, "label l\nkernel mboot.c32\nappend --- m\n", err), -1);
	CHECK(strstr(err, "no kernel named") != 0);
	CHECK_EQ(from_file(&r, "label l\nkernel mboot.c32\nappend k --- 1 --- 2 --- 3 --- 4 --- "
			   "5 --- 6 --- 7 --- 8 --- 9\n", err), -1);
	CHECK_STR(err, "more than 8 modules");
	char longargs[400] = "label l\nkernel mboot.c32\nappend k ";
	memset(longargs + strlen(longargs), 'a', 300);
	CHECK_EQ(from_file(&r, longargs, err), -1);
	CHECK(strstr(err, "longer than 255") != 0);
}

TEST(bootcfg_from_args_skips_the_loaders_name)
{
	struct boot_request r;
	char err[160];
	CHECK_EQ(bootcfg_from_args(&r, "bootx64.efi tern.elf init=/x --- initramfs.tar", err, 160), 1);
	CHECK_STR(r.kernel, "tern.elf");
	CHECK_STR(r.cmdline, "tern.elf init=/x");
	CHECK_EQ(r.nmods, 1);
	CHECK_STR(r.mods[0], "initramfs.tar");
	CHECK_EQ(bootcfg_from_args(&r, "tern.elf --- initramfs.tar", err, 160), 1);
	CHECK_STR(r.cmdline, "tern.elf");
	CHECK_EQ(bootcfg_from_args(&r, "\\EFI\\BOOT\\BOOTX64.EFI", err, 160), 0);
	CHECK_EQ(bootcfg_from_args(&r, "  ", err, 160), 0);
	CHECK_EQ(bootcfg_from_args(&r, "x.efi --- m", err, 160), -1);
}
