/* The multiboot v1 information block, and what the kernel keeps of it. */
#pragma once
#include <memmap.h>
#include <stdint.h>

#define MB_BOOT_MAGIC   0x2BADB002u     /* in EAX from a multiboot loader */
#define MB_INFO_MEM     (1u << 0)
#define MB_INFO_CMDLINE (1u << 2)
#define MB_INFO_MODS    (1u << 3)
#define MB_INFO_MMAP    (1u << 6)
#define MB_INFO_VBE     (1u << 11)      /* vbe_* fields are valid (mboot.c32 set a VBE mode) */
#define MB_INFO_FB      (1u << 12)      /* framebuffer_* fields are valid */
#define MB_FB_RGB       1               /* framebuffer_type: direct colour */

struct mb_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr;
	uint32_t config_table, boot_loader_name, apm_table;
	uint32_t vbe_control_info, vbe_mode_info;
	uint16_t vbe_mode, vbe_interface_seg, vbe_interface_off, vbe_interface_len;
	uint64_t fb_addr;
	uint32_t fb_pitch, fb_width, fb_height;
	uint8_t fb_bpp, fb_type;
	uint8_t fb_red_pos, fb_red_size, fb_green_pos, fb_green_size, fb_blue_pos, fb_blue_size;
} __attribute__((packed));

struct mb_module {
	uint32_t start, end, string, reserved;
} __attribute__((packed));

struct mb_mmap_entry {
	uint32_t size;
	uint64_t addr, len;
	uint32_t type;
} __attribute__((packed));

#define BOOT_MAX_MODULES 8
#define BOOT_CMDLINE_MAX 256

struct boot_module {
	uint64_t start, end;
	char name[64];
};

struct boot_info {
	char cmdline[BOOT_CMDLINE_MAX];
	struct boot_module mods[BOOT_MAX_MODULES];
	int nmods;
	int mods_dropped;               /* more modules than we keep */
	struct mem_range avail[MEMMAP_MAX];
	int navail;
	int from_mmap;                  /* 0: only mem_lower/mem_upper were given */
	uint64_t info_pa, info_end;     /* where the loader's own data lies, to reserve it */
	uint64_t rsdp;                  /* ACPI RSDP from the loader (UEFI); 0: scan the BIOS areas */
	struct boot_fb {                /* the loader's framebuffer; format 0: none */
		uint64_t base, size;
		uint32_t width, height, pitch, format;  /* format: MMIO_FB_* (abi/object.h) */
		int graphics;           /* the loader left the display in a graphics
					 * mode, usable or not: no VGA text mode either */
	} fb;
	int bios;                       /* started by a multiboot loader: a PC BIOS machine,
					 * with the legacy VGA window at A0000 */
};

/* Copy what we need out of the loader's block (which lives in memory we will reuse). */
int multiboot_parse(struct boot_info *bi, uint64_t info_pa);
/* The same from tern's UEFI loader (boot/include/handoff.h); 0, or -1 if the block is bad. */
int handoff_parse(struct boot_info *bi, uint64_t info_pa);
