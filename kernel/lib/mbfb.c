/*
 * Checking a multiboot loader's framebuffer (mbfb.h). Every field comes
 * from the loader, and through it from the video BIOS: a zero or short
 * pitch, a size that wraps, a base inside RAM the frame allocator will
 * hand out, a pixel format tern does not draw are all refused here, with
 * a reason the caller prints, before the kernel writes a pixel. Pure: no
 * kernel state, no physical memory (the caller copies the VBE block).
 */
#include <abi/object.h>
#include <mbfb.h>

/* Bounds that no real mode reaches and that keep every product below
 * small: 8192x8192, 64 KiB a line, so at most 512 MiB. */
#define FB_MAX_SIDE     8192u
#define FB_MAX_PITCH    65536u
#define FB_ADDR_LIMIT   (1ull << 48)

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t get32(const uint8_t *p) { return get16(p) | (uint32_t)get16(p + 2) << 16; }

void mbfb_from_info(const struct mb_info *mb, struct mbfb_mode *m)
{
	*m = (struct mbfb_mode){
		.addr = mb->fb_addr, .pitch = mb->fb_pitch, .width = mb->fb_width, .height = mb->fb_height,
		.bpp = mb->fb_bpp, .type = mb->fb_type,
		.red_pos = mb->fb_red_pos, .red_size = mb->fb_red_size,
		.green_pos = mb->fb_green_pos, .green_size = mb->fb_green_size,
		.blue_pos = mb->fb_blue_pos, .blue_size = mb->fb_blue_size,
	};
}

/*
 * VBE 3.0, "Mode Info Block": offsets of the fields we read. Not the
 * first eight bytes (mode attributes, windows): mboot.c32 6.04 under
 * SeaBIOS hands over a block whose first eight bytes are overwritten
 * (the rest intact; so at the kernel's first instruction, under gdb), so whether the mode is linear comes from the mode
 * number the loader set (bit 14, "use the linear framebuffer", which the
 * BIOS accepted), and that it is graphics from the memory model.
 */
enum {
	VBE_PITCH = 0x10, VBE_WIDTH = 0x12, VBE_HEIGHT = 0x14, VBE_BPP = 0x19, VBE_MODEL = 0x1B,
	VBE_RED = 0x1F, VBE_BASE = 0x28, VBE_LIN_PITCH = 0x32,
};
#define VBE_MODE_LINEAR   (1u << 14)
#define VBE_MODEL_PACKED  4             /* packed pixel: a palette */
#define VBE_MODEL_DIRECT  6             /* direct colour: masks below */

const char *mbfb_from_vbe(const uint8_t *mi, uint16_t vbe_version, uint16_t vbe_mode,
			  struct mbfb_mode *m)
{
	if (!(vbe_mode & VBE_MODE_LINEAR))
		return "a VBE mode set without its linear framebuffer";
	uint8_t model = mi[VBE_MODEL];
	if (model != VBE_MODEL_PACKED && model != VBE_MODEL_DIRECT)
		return "a VBE memory model other than packed pixel or direct colour";
	/* VBE 3.0 gives the linear modes' line length apart from the banked
	 * ones'; before 3.0 (and when a 3.0 BIOS leaves it 0) it is the one. */
	uint16_t pitch = get16(mi + VBE_PITCH);
	if (vbe_version >= 0x0300 && get16(mi + VBE_LIN_PITCH))
		pitch = get16(mi + VBE_LIN_PITCH);
	*m = (struct mbfb_mode){
		.addr = get32(mi + VBE_BASE), .pitch = pitch,
		.width = get16(mi + VBE_WIDTH), .height = get16(mi + VBE_HEIGHT), .bpp = mi[VBE_BPP],
		.type = model == VBE_MODEL_DIRECT ? MB_FB_RGB : MB_FB_INDEXED,
		.red_size = mi[VBE_RED], .red_pos = mi[VBE_RED + 1],
		.green_size = mi[VBE_RED + 2], .green_pos = mi[VBE_RED + 3],
		.blue_size = mi[VBE_RED + 4], .blue_pos = mi[VBE_RED + 5],
	};
	return 0;
}

const char *mbfb_check(const struct mbfb_mode *m, const struct mem_range *ram, int nram,
		       struct boot_fb *fb)
{
	if (m->type == MB_FB_EGA_TEXT)
		return "EGA text, not a framebuffer";
	if (m->type == MB_FB_INDEXED)
		return "indexed colour (a palette); tern draws 32-bit direct colour";
	if (m->type != MB_FB_RGB)
		return "an unknown framebuffer type";
	if (m->bpp != 32)
		return "not 32 bits a pixel; tern draws 32-bit direct colour";
	uint32_t format = MMIO_FB_NONE;
	if (m->red_size == 8 && m->green_size == 8 && m->blue_size == 8 && m->green_pos == 8) {
		if (m->red_pos == 0 && m->blue_pos == 16)
			format = MMIO_FB_RGBX;
		else if (m->red_pos == 16 && m->blue_pos == 0)
			format = MMIO_FB_BGRX;
	}
	if (format == MMIO_FB_NONE)
		return "colour channels other than 8-bit red, green and blue in bytes 0-2";
	if (m->width < 8 || m->height < 16 || m->width > FB_MAX_SIDE || m->height > FB_MAX_SIDE)
		return "a width or height below one 8x16 cell or above 8192";
	if (m->pitch < m->width * 4 || m->pitch % 4 || m->pitch > FB_MAX_PITCH)
		return "a line length (pitch) shorter than the width, not whole pixels, or above 64 KiB";
	uint64_t size = (uint64_t)m->pitch * m->height;
	if (!m->addr || m->addr >= FB_ADDR_LIMIT || m->addr + size > FB_ADDR_LIMIT)
		return "no address, or one beyond physical memory";
	if (memmap_overlaps(ram, nram, m->addr, m->addr + size - 1))
		return "it lies in usable RAM (the loader's memory map)";
	*fb = (struct boot_fb){ m->addr, size, m->width, m->height, m->pitch, format, 1 };
	return 0;
}
