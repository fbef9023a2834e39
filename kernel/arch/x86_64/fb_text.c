/*
 * The kernel's screen on a UEFI boot: the loader's GOP framebuffer
 * (boot_info.fb), drawn by lib/fbtext.c with the build's 8x16 font. The
 * boot page tables and the kernel's own map the low 4 GiB in the physmap
 * (arch/layout.h), so a framebuffer there is reachable from the first
 * line; one elsewhere, or in a pixel format given by bit masks, is not
 * used (console.c says so).
 */
#include <arch/layout.h>
#include <console.h>
#include <fbtext.h>
#include <multiboot.h>

#define FB_MAX_CELLS (240 * 75)         /* 1920x1200 in 8x16 cells */

static struct fbtext screen;
static uint16_t cells[FB_MAX_CELLS], drawn[FB_MAX_CELLS];
static const struct boot_fb *fb;

int fb_text_usable(const struct boot_fb *f)
{
	if (f->format != FBTEXT_RGBX && f->format != FBTEXT_BGRX)
		return 0;
	if (f->base + f->size > 0x100000000ull || f->width < FBTEXT_CW || f->height < FBTEXT_CH)
		return 0;
	fb = f;
	return 1;
}

void fb_text_init(void)
{
	volatile uint8_t *base = phys_to_virt(fb->base);
	/* The firmware's picture goes: black where the grid does not reach too. */
	for (uint32_t y = 0; y < fb->height; y++)
		for (uint32_t x = 0; x < fb->width; x++)
			((volatile uint32_t *)(base + (uint64_t)y * fb->pitch))[x] = 0;
	fbtext_init(&screen, base, fb->width, fb->height, fb->pitch, (int)fb->format, cells, drawn,
		    FB_MAX_CELLS);
}

void fb_text_putc(char c)
{
	fbtext_putc(&screen, c);
}

void fb_text_draw(void)
{
	fbtext_draw(&screen);
}

void fb_text_redraw(void)
{
	fbtext_invalidate(&screen);
	fbtext_draw(&screen);
}

int fb_text_covers(uint64_t first, uint64_t last)
{
	return fb && first < fb->base + fb->size && last >= fb->base;
}
