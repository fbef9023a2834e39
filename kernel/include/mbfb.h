/*
 * A multiboot loader's framebuffer, checked before the kernel draws on it
 * or lends it to a driver (pure; unit-tested by ci/unit/test_mbfb.c).
 * It comes in one of two ways: GRUB fills the info block's framebuffer
 * fields (flag bit 12); syslinux's mboot.c32 sets a VBE mode and passes
 * only the VBE mode information block (flag bit 11), which
 * mbfb_from_vbe reads.
 */
#pragma once
#include <memmap.h>
#include <multiboot.h>
#include <stdint.h>

#define MB_FB_INDEXED   0               /* framebuffer_type: palette */
#define MB_FB_EGA_TEXT  2               /* framebuffer_type: text mode at B8000 */
#define VBE_MODE_INFO_SIZE 256

struct mbfb_mode {
	uint64_t addr;
	uint32_t pitch, width, height;
	uint8_t bpp, type;              /* MB_FB_INDEXED, MB_FB_RGB, MB_FB_EGA_TEXT */
	uint8_t red_pos, red_size, green_pos, green_size, blue_pos, blue_size;
};

/* The info block's framebuffer fields (flag bit 12) as a mode. */
void mbfb_from_info(const struct mb_info *mb, struct mbfb_mode *m);
/* A VBE mode information block (VBE_MODE_INFO_SIZE bytes) as a mode;
 * vbe_version from the controller information (0x0300: VBE 3.0),
 * vbe_mode the mode number the loader set. NULL, or why the mode is none
 * tern can describe (no linear framebuffer...). */
const char *mbfb_from_vbe(const uint8_t *mi, uint16_t vbe_version, uint16_t vbe_mode,
			  struct mbfb_mode *m);
/* NULL and *fb filled when the mode is one tern can draw on: 32 bits a
 * pixel, 8-bit red, green and blue at bytes 0-2 in either order, sizes
 * that make sense, wholly outside the usable RAM ranges ram[0..nram).
 * Else why not (fb untouched). */
const char *mbfb_check(const struct mbfb_mode *m, const struct mem_range *ram, int nram,
		       struct boot_fb *fb);
