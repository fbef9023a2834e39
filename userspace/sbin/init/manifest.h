/*
 * Capability manifests: what a program may have, as init reads it from the
 * program's .manifest section (format: docs/manifest.md). Pure code, unit
 * tested on the host (ci/unit/test_manifest.c) and fuzzed through ini.c.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define MAN_NAME_MAX   31
#define MAN_MAX_CAPS   32
#define MAN_MAX_PROV   4
#define MAN_CAP_BASE   16               /* manifest slot i is cspace slot 16 + i */
#define MAN_MAX_RADIX  12
#define MAN_MIN_RADIX  6

enum man_type { MAN_ENDPOINT = 1, MAN_NOTE, MAN_IOPORT, MAN_IRQ, MAN_PAGE, MAN_MMIO };

#define MAN_MMIO_LIMIT (1ull << 52)     /* physical addresses end here */

struct man_cap {
	unsigned slot, type, line;
	char service[MAN_NAME_MAX + 1];         /* endpoint: a provider's service */
	uint64_t min, max;                      /* ioport range; mmio: first and last byte */
	unsigned irq, note;                     /* irq line and the note slot it signals */
	int initramfs;                          /* page: the initramfs, read-only */
	int klog;                               /* page: the kernel log ring, read-only;
						 * note: signalled when it grows (MACHINE_KLOG_NOTE) */
	int hostin;                             /* note: signalled when the host terminal has
						 * input (MACHINE_HOSTIN_NOTE, PLATFORM=linux) */
	uint64_t pages;                         /* page: fresh pages */
	int framebuffer;                        /* mmio: the boot framebuffer (init finds the range) */
};

struct man_provide {
	char name[MAN_NAME_MAX + 1];
	unsigned slot, line;
};

enum man_log {
	MAN_LOG_NONE,                           /* no console of its own (the default) */
	MAN_LOG_TAGGED,                         /* lines tagged "[ID NAME] " by the kernel */
	MAN_LOG_RAW,                            /* untagged: initramfs programs only */
};

struct manifest {
	char name[MAN_NAME_MAX + 1];
	char desc[80];
	int driver;                             /* [driver]: restarted when it dies */
	unsigned radix;
	uint64_t pages;                         /* memory quota in pages */
	unsigned restarts;                      /* restart limit (drivers) */
	int log;                                /* enum man_log: the kernel console (PROG_DEBUG) */
	int control;                            /* [init] control=yes: may kill any program */
	int power;                              /* [init] power=yes: may power off and reboot */
	struct man_provide provides[MAN_MAX_PROV];
	int nprovides;
	struct man_cap caps[MAN_MAX_CAPS];
	int ncaps;
};

struct man_error {
	unsigned line;
	char reason[96];
};

/* Parse and check a manifest; 0, or -1 with *err saying where and why. */
int manifest_parse(const char *text, size_t len, struct manifest *m, struct man_error *err);
const struct man_cap *manifest_cap(const struct manifest *m, unsigned slot);

/*
 * What the platform cannot give (platform= on the kernel command line,
 * "pc" when absent). PLATFORM=linux (tern hosted, docs/hosted.md) has no
 * I/O ports and no interrupt lines (the host terminal's driver is woken
 * by a note, `note = hostin`), so a manifest asking for an ioport or an
 * irq is refused: 0, or -1 with *err naming the first such capability
 * ("irq: not available on PLATFORM=linux"). init reports it like a
 * manifest error and does not start the program.
 */
int manifest_platform_check(const struct manifest *m, const char *platform, struct man_error *err);
