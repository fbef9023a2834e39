/* Unit tests for kernel/lib/mbfb.c: a multiboot loader's framebuffer, from
 * GRUB's fields or mboot.c32's VBE block, hostile values refused. */
#include "unit.h"
#include <abi/object.h>
#include <mbfb.h>
#include <string.h>

/* QEMU's standard VGA at 1024x768x32 as mboot.c32 leaves it. */
static const struct mem_range ram[] = { { 0, 0x9fc00 }, { 0x100000, 0x7ee0000 } };
#define NRAM 2

static struct mbfb_mode good(void)
{
	return (struct mbfb_mode){ .addr = 0xfd000000, .pitch = 4096, .width = 1024, .height = 768,
		.bpp = 32, .type = MB_FB_RGB, .red_pos = 16, .red_size = 8, .green_pos = 8,
		.green_size = 8, .blue_pos = 0, .blue_size = 8 };
}

static void put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }

static void vbe_block(uint8_t *mi)
{
	memset(mi, 0, VBE_MODE_INFO_SIZE);
	put16(mi + 0x00, 0x9b);         /* supported, colour, graphics, linear (not read) */
	put16(mi + 0x10, 4096);
	put16(mi + 0x12, 1024);
	put16(mi + 0x14, 768);
	mi[0x19] = 32;
	mi[0x1B] = 6;                   /* direct colour */
	mi[0x1F] = 8; mi[0x20] = 16; mi[0x21] = 8; mi[0x22] = 8; mi[0x23] = 8; mi[0x24] = 0;
	put16(mi + 0x28, 0x0000);
	put16(mi + 0x2A, 0xfd00);       /* PhysBasePtr 0xfd000000 */
}

TEST(mbfb_accepts_bgr_and_rgb)
{
	struct mbfb_mode m = good();
	struct boot_fb fb = { 0 };
	CHECK(!mbfb_check(&m, ram, NRAM, &fb));
	CHECK_EQ(fb.base, 0xfd000000);
	CHECK_EQ(fb.size, 4096 * 768);
	CHECK_EQ(fb.width, 1024);
	CHECK_EQ(fb.height, 768);
	CHECK_EQ(fb.pitch, 4096);
	CHECK_EQ(fb.format, MMIO_FB_BGRX);
	CHECK_EQ(fb.graphics, 1);
	m.red_pos = 0;
	m.blue_pos = 16;
	CHECK(!mbfb_check(&m, ram, NRAM, &fb));
	CHECK_EQ(fb.format, MMIO_FB_RGBX);
	/* A pitch longer than the width (padding at each line's end) is fine. */
	m.pitch = 8192;
	CHECK(!mbfb_check(&m, ram, NRAM, &fb));
	CHECK_EQ(fb.size, 8192 * 768);
}

/* Each refusal leaves fb as it was. */
static void refused(struct mbfb_mode m, const char *why_part)
{
	struct boot_fb fb = { 0 };
	const char *why = mbfb_check(&m, ram, NRAM, &fb);
	CHECK(why != NULL);
	if (why)
		CHECK(strstr(why, why_part) != NULL);
	CHECK_EQ(fb.format, 0);
	CHECK_EQ(fb.base, 0);
}

TEST(mbfb_refuses_other_pixels)
{
	struct mbfb_mode m = good();
	m.bpp = 24;
	refused(m, "32 bits");
	m.bpp = 16;
	refused(m, "32 bits");
	m = good();
	m.type = MB_FB_INDEXED;
	m.bpp = 8;
	refused(m, "palette");
	m = good();
	m.type = MB_FB_EGA_TEXT;
	refused(m, "EGA text");
	m.type = 7;
	refused(m, "unknown");
	m = good();
	m.red_size = 5;
	refused(m, "channels");
	m = good();
	m.green_pos = 0;
	refused(m, "channels");
	m = good();
	m.red_pos = 8;                  /* red on green */
	refused(m, "channels");
}

TEST(mbfb_refuses_odd_sizes)
{
	struct mbfb_mode m = good();
	m.pitch = 0;
	refused(m, "pitch");
	m.pitch = 1023 * 4;             /* shorter than a line */
	refused(m, "pitch");
	m.pitch = 4098;                 /* not whole pixels */
	refused(m, "pitch");
	m.pitch = 0xfffffffc;           /* would wrap pitch * height */
	refused(m, "pitch");
	m = good();
	m.width = 0;
	refused(m, "width");
	m = good();
	m.height = 0;
	refused(m, "height");
	m = good();
	m.width = 0x40000001;           /* width * 4 would wrap to 4 */
	m.pitch = 4;
	refused(m, "width");
	m = good();
	m.height = 100000;
	refused(m, "height");
}

TEST(mbfb_refuses_bad_addresses)
{
	struct mbfb_mode m = good();
	m.addr = 0;
	refused(m, "address");
	m.addr = 0xfffffffffffff000ull; /* wraps */
	refused(m, "address");
	m.addr = 1ull << 48;
	refused(m, "address");
	m.addr = 0x200000;              /* inside RAM the kernel hands out */
	refused(m, "RAM");
	m.addr = 0x9f000;               /* straddles the end of low RAM */
	refused(m, "RAM");
	m.addr = 0x7fe0000 - 4096;      /* its last line is RAM */
	refused(m, "RAM");
	m.addr = 0xa0000;               /* the VGA hole, not RAM: allowed */
	m.height = 16;
	struct boot_fb fb = { 0 };
	CHECK(!mbfb_check(&m, ram, NRAM, &fb));
}

TEST(mbfb_reads_vbe_blocks)
{
	uint8_t mi[VBE_MODE_INFO_SIZE];
	struct mbfb_mode m;
	struct boot_fb fb = { 0 };
	vbe_block(mi);
	CHECK(!mbfb_from_vbe(mi, 0x0300, 0x4144, &m));
	CHECK_EQ(m.addr, 0xfd000000);
	CHECK_EQ(m.width, 1024);
	CHECK_EQ(m.height, 768);
	CHECK_EQ(m.pitch, 4096);
	CHECK_EQ(m.bpp, 32);
	CHECK_EQ(m.type, MB_FB_RGB);
	CHECK(!mbfb_check(&m, ram, NRAM, &fb));
	CHECK_EQ(fb.format, MMIO_FB_BGRX);
	/* VBE 3.0's linear line length wins when given; older BIOSes: not read. */
	put16(mi + 0x32, 8192);
	CHECK(!mbfb_from_vbe(mi, 0x0300, 0x4144, &m));
	CHECK_EQ(m.pitch, 8192);
	CHECK(!mbfb_from_vbe(mi, 0x0200, 0x4144, &m));
	CHECK_EQ(m.pitch, 4096);
	/* Packed pixel: a palette, refused by the check. */
	vbe_block(mi);
	mi[0x1B] = 4;
	mi[0x19] = 8;
	CHECK(!mbfb_from_vbe(mi, 0x0300, 0x4144, &m));
	CHECK_EQ(m.type, MB_FB_INDEXED);
	CHECK(mbfb_check(&m, ram, NRAM, &fb) != NULL);
	/* 24 bits a pixel (mboot.c32 may pick one): read, then refused. */
	vbe_block(mi);
	mi[0x19] = 24;
	put16(mi + 0x10, 3072);
	CHECK(!mbfb_from_vbe(mi, 0x0300, 0x4144, &m));
	CHECK(mbfb_check(&m, ram, NRAM, &fb) != NULL);
}

TEST(mbfb_refuses_vbe_modes_without_a_framebuffer)
{
	uint8_t mi[VBE_MODE_INFO_SIZE];
	struct mbfb_mode m = { 0 };
	vbe_block(mi);
	/* Set without bit 14: a banked window at A0000, no linear framebuffer. */
	CHECK(mbfb_from_vbe(mi, 0x0300, 0x0144, &m) != NULL);
	mi[0x1B] = 3;                   /* planar */
	CHECK(mbfb_from_vbe(mi, 0x0300, 0x4144, &m) != NULL);
	mi[0x1B] = 0;                   /* text */
	CHECK(mbfb_from_vbe(mi, 0x0300, 0x4144, &m) != NULL);
	CHECK_EQ(m.width, 0);           /* untouched */
}

/* mboot.c32 6.04 under SeaBIOS: the block's first eight bytes arrive
 * overwritten (seen in image-iso-fb.run); the mode still reads right. */
TEST(mbfb_ignores_the_vbe_attribute_bytes)
{
	uint8_t mi[VBE_MODE_INFO_SIZE];
	static const uint8_t junk[8] = { 0x30, 0x02, 0x37, 0x00, 0x70, 0xcb, 0x51, 0x00 };
	struct mbfb_mode m;
	struct boot_fb fb = { 0 };
	vbe_block(mi);
	memcpy(mi, junk, sizeof(junk));
	CHECK(!mbfb_from_vbe(mi, 0x0300, 0x4195, &m));
	CHECK(!mbfb_check(&m, ram, NRAM, &fb));
	CHECK_EQ(fb.width, 1024);
	CHECK_EQ(fb.base, 0xfd000000);
}
