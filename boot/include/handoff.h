/*
 * The hand-off from tern's UEFI loader (boot/uefi/) to the kernel: what
 * the loader found, in one fixed-size block below 4 GiB, and how it enters
 * the kernel. The multiboot path (BIOS: syslinux, iPXE, QEMU -kernel) does
 * not use it; kmain() turns either kind of boot information into the same
 * struct boot_info.
 *
 * Both sides include this file and nothing else of each other. Plain C99
 * types only: the loader is built for the PE/COFF (Windows) ABI by clang,
 * the kernel for ELF by gcc; every field has a fixed size and offset.
 *
 * Entering the kernel: the loader copies tern.elf's PT_LOAD segments to
 * their physical addresses (p_paddr), finds the handoff header below in the
 * first 8 KiB of the image (beside the multiboot header, 8-byte aligned),
 * exits boot services and jumps to `entry64` in 64-bit mode with
 *   rdi = HANDOFF_MAGIC, rsi = physical address of struct handoff,
 * interrupts off, paging on with the low 4 GiB identity mapped (UEFI's own
 * tables; the kernel replaces them at once).
 */
#pragma once

#define HANDOFF_MAGIC           0x7465726e68616e64ull   /* "ternhand" */
#define HANDOFF_HEADER_MAGIC    0x3146455f6e726574ull   /* "tern_EF1" */
#define HANDOFF_VERSION         1

#ifndef __ASSEMBLER__
#include <stdint.h>

/* In the kernel image (.multiboot section), 8-byte aligned. */
struct handoff_header {
	uint64_t magic;                 /* HANDOFF_HEADER_MAGIC */
	uint32_t version;               /* HANDOFF_VERSION */
	uint32_t reserved;
	uint64_t entry64;               /* physical address of the 64-bit entry */
};

#define HANDOFF_CMDLINE_MAX     256
#define HANDOFF_MODULES_MAX     8
#define HANDOFF_MODNAME_MAX     64
#define HANDOFF_MEM_MAX         128

/* Memory types: the multiboot/E820 numbers, so both paths print alike. */
#define HANDOFF_MEM_USABLE      1
#define HANDOFF_MEM_RESERVED    2
#define HANDOFF_MEM_ACPI        3       /* ACPI tables: reclaimable after reading */
#define HANDOFF_MEM_NVS         4       /* ACPI NVS: never touch */

struct handoff_mem {
	uint64_t base, len;
	uint32_t type, reserved;
};

struct handoff_module {
	uint64_t start, end;            /* physical, [start, end) */
	char name[HANDOFF_MODNAME_MAX];
};

/* Framebuffer formats, as UEFI GOP reports them. */
#define HANDOFF_FB_NONE         0
#define HANDOFF_FB_RGBX         1       /* byte 0 red, 1 green, 2 blue */
#define HANDOFF_FB_BGRX         2       /* byte 0 blue, 1 green, 2 red */
#define HANDOFF_FB_BITMASK      3       /* see the masks */

struct handoff_fb {
	uint64_t base, size;            /* physical */
	uint32_t width, height;         /* pixels */
	uint32_t pitch;                 /* bytes per scan line */
	uint32_t format;                /* HANDOFF_FB_* */
	uint32_t red_mask, green_mask, blue_mask, reserved;
};

struct handoff {
	uint64_t magic;                 /* HANDOFF_MAGIC */
	uint32_t version, size;         /* HANDOFF_VERSION, sizeof(struct handoff) */
	char cmdline[HANDOFF_CMDLINE_MAX];
	uint32_t nmods, nmem;
	struct handoff_module mods[HANDOFF_MODULES_MAX];
	struct handoff_mem mem[HANDOFF_MEM_MAX];   /* sorted, adjacent equal types merged */
	uint64_t rsdp;                  /* ACPI RSDP, physical; 0: none */
	struct handoff_fb fb;
	uint64_t tsc_loader_entry;      /* rdtsc when the loader started */
	uint64_t tsc_loader_exit;       /* rdtsc just before the jump */
	char firmware[64];              /* firmware vendor, ASCII */
	uint32_t mem_dropped;           /* memory map ranges that did not fit in mem[] */
	uint32_t reserved;
};
#endif
