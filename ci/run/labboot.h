/*
 * What a scenario becomes on a lab machine (docs/lab.md), pure: which of
 * its lines can run there, the kernel arguments of its boot line, and the
 * per-machine boot entries (pxelinux.cfg/01-<mac>, <mac>.ipxe) that make
 * one machine boot them while every other machine keeps the default.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define LAB_ARGS_MAX 512

struct lab_boot {
	char args[LAB_ARGS_MAX];        /* kernel arguments, "" for none */
	const char *kernel;             /* -kernel FILE (to load), or 0 */
	const char *initrd;             /* -initrd FILE, or 0 */
};

/*
 * A scenario command (split into words) on a lab: 0 if it runs there, or
 * why not (a static string). boot lines are judged by lab_boot_parse.
 */
const char *lab_line_refused(char **argv, int argc);

/*
 * The boot line's QEMU arguments (after "boot") to kernel arguments plus
 * the files to load; com2 adds console=com2 unless a console= is given.
 * 0, or -1 with err naming the argument that cannot run on a machine.
 */
int lab_boot_parse(char **argv, int argc, int com2, struct lab_boot *b, char *err, size_t errlen);

/* "52-54-00-12-34-01": lower case, dashes (pxelinux and iPXE ${mac:hexhyp}). */
void lab_mac_hyphen(const uint8_t mac[6], char out[18]);

/*
 * The entries. dir is "" or "SUBDIR/" (where the kernel and initramfs of
 * this run are, relative to the TFTP root); com2 puts pxelinux's own
 * output on COM2 too. Return the length, or -1 if it does not fit.
 */
int lab_pxelinux_entry(char *buf, size_t size, const char *name, const char *dir, const char *args, int com2);
int lab_ipxe_entry(char *buf, size_t size, const char *name, const char *dir, const char *args);
