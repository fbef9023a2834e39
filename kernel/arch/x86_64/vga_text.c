/*
 * The kernel's screen on a BIOS boot: VGA text mode, 80x25 at 0xB8000
 * (what the BIOS and the boot loader leave behind), written by the pure
 * writer in lib/vgatext.c, with the hardware cursor kept after the text.
 * A UEFI boot has no text mode (console.c does not use this there).
 */
#include <arch/cpu.h>
#include <arch/layout.h>
#include <console.h>
#include <vgatext.h>

#define VGA_TEXT_PA 0xB8000
#define VGA_COLS    80
#define VGA_ROWS    25
#define CRTC_INDEX  0x3D4
#define CRTC_DATA   0x3D5

static struct vgatext screen;

static void cursor_at(int x, int y)
{
	if (x >= VGA_COLS)
		x = VGA_COLS - 1;
	uint16_t pos = (uint16_t)(y * VGA_COLS + x);
	outb(CRTC_INDEX, 0x0F);
	outb(CRTC_DATA, (uint8_t)pos);
	outb(CRTC_INDEX, 0x0E);
	outb(CRTC_DATA, (uint8_t)(pos >> 8));
}

void vga_text_init(void)
{
	vgatext_init(&screen, phys_to_virt(VGA_TEXT_PA), VGA_COLS, VGA_ROWS);
	cursor_at(0, 0);
}

void vga_text_putc(char c)
{
	vgatext_putc(&screen, c);
}

/* Port writes are slow under a hypervisor: the cursor moves once per write. */
void vga_text_cursor(void)
{
	cursor_at(screen.x, screen.y);
}
