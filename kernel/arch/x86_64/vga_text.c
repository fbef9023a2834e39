/*
 * The kernel's screen on a BIOS boot: VGA text mode, 80x25 at 0xB8000
 * (what the BIOS and the boot loader leave behind), written by the pure
 * writer in lib/vgatext.c, with the hardware cursor kept after the text.
 * A UEFI boot has no text mode (console.c does not use this there).
 *
 * Once drv/vgacon maps the memory, the screen is its (console.c) and the
 * kernel writes nothing more there, until a panic takes it back: then the
 * kernel goes on from the hardware cursor, where vgacon left it, so the
 * report follows the terminal's last line instead of overwriting it.
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
static uint16_t cursor_set;     /* where we last put the hardware cursor */
static int cursor_checked;      /* since then, whether we looked if it moved */

static void cursor_at(int x, int y)
{
	if (x >= VGA_COLS)
		x = VGA_COLS - 1;
	uint16_t pos = (uint16_t)(y * VGA_COLS + x);
	cursor_set = pos;
	cursor_checked = 0;
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

/* Someone else (drv/vgacon) moved the cursor: write from there. */
static void cursor_follow(void)
{
	cursor_checked = 1;
	outb(CRTC_INDEX, 0x0F);
	uint16_t pos = inb(CRTC_DATA);
	outb(CRTC_INDEX, 0x0E);
	pos |= (uint16_t)(inb(CRTC_DATA) << 8);
	if (pos != cursor_set && pos < VGA_COLS * VGA_ROWS) {
		screen.x = pos % VGA_COLS;
		screen.y = pos / VGA_COLS;
	}
}

void vga_text_putc(char c)
{
	if (!cursor_checked)
		cursor_follow();
	vgatext_putc(&screen, c);
}

int vga_text_covers(uint64_t first, uint64_t last)
{
	return first < VGA_TEXT_PA + VGA_COLS * VGA_ROWS * 2 && last >= VGA_TEXT_PA;
}

void vga_text_reclaim(void)
{
	cursor_follow();
	if (screen.x)
		vgatext_putc(&screen, '\n');
}

/* Port writes are slow under a hypervisor: the cursor moves once per write. */
void vga_text_cursor(void)
{
	cursor_at(screen.x, screen.y);
}
