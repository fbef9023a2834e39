/*
 * What to boot, from the syslinux configuration the BIOS images use
 * (DEFAULT -> LABEL -> "KERNEL mboot.c32" + "APPEND tern.elf ARGS ---
 * initramfs.tar") or from the loader's own arguments (the same APPEND
 * syntax, e.g. from iPXE's `chain bootx64.efi tern.elf ARGS --- initramfs.tar`).
 * Pure code: unit-tested on the host (ci/unit/test_uefi_bootcfg.c).
 */
#pragma once
#include <handoff.h>
#include <stddef.h>

#define BOOTCFG_NAME_MAX 64

struct boot_request {
	char label[BOOTCFG_NAME_MAX];           /* "" when from arguments */
	char kernel[BOOTCFG_NAME_MAX];          /* file name */
	char cmdline[HANDOFF_CMDLINE_MAX];      /* "tern.elf ARGS", as mboot.c32 passes it */
	int nmods;
	char mods[HANDOFF_MODULES_MAX][HANDOFF_MODNAME_MAX];    /* "file [args]" */
};

/*
 * From an argument string (ASCII). A first word ending in ".efi" (the
 * loader's own name, as the UEFI shell and iPXE pass it) is skipped.
 * Returns 1 if there were arguments and *r is filled, 0 if there were none,
 * -1 with a message in err if they are malformed.
 */
int bootcfg_from_args(struct boot_request *r, const char *args, char *err, size_t errsz);

/* From a syslinux config file's text. 0, or -1 with a message in err. */
int bootcfg_from_file(struct boot_request *r, const char *text, size_t len,
		      char *err, size_t errsz);

/* The file name of module i: its first word. */
void bootcfg_module_file(const struct boot_request *r, int i, char *out, size_t size);
