/* Text on a linear framebuffer (see fbtext.h). */
#include <fbtext.h>

/* The 16 colours of the VGA text palette, 0xRRGGBB. */
static const uint32_t palette[16] = {
	0x000000, 0x0000AA, 0x00AA00, 0x00AAAA, 0xAA0000, 0xAA00AA, 0xAA5500, 0xAAAAAA,
	0x555555, 0x5555FF, 0x55FF55, 0x55FFFF, 0xFF5555, 0xFF55FF, 0xFFFF55, 0xFFFFFF,
};

uint32_t fbtext_pixel(int format, int colour)
{
	uint32_t rgb = palette[colour & 15];
	uint32_t r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
	return format == FBTEXT_RGBX ? r | g << 8 | b << 16 : b | g << 8 | r << 16;
}

void fbtext_init(struct fbtext *f, volatile uint8_t *fb, uint32_t width, uint32_t height, uint32_t pitch,
		 int format, uint16_t *cells, uint16_t *drawn, int max)
{
	int cols = (int)(width / FBTEXT_CW), rows = (int)(height / FBTEXT_CH);
	while (rows > 1 && cols * rows > max)
		rows--;
	if (cols * rows > max)
		cols = max;
	f->drawn = drawn;
	f->fb = fb;
	f->pitch = pitch;
	f->format = format;
	vgatext_init(&f->vt, cells, cols, rows);
	for (int i = 0; i < cols * rows; i++)
		drawn[i] = 0;           /* no cell is 0 (a blank is ' '): all are drawn */
}

void fbtext_putc(struct fbtext *f, char c)
{
	vgatext_putc(&f->vt, c);
}

static void draw_cell(struct fbtext *f, int x, int y, uint16_t cell)
{
	unsigned char ch = (unsigned char)cell;
	const unsigned char *g = font8x16[ch < 128 ? ch : '?'];
	uint32_t fg = fbtext_pixel(f->format, cell >> 8 & 15), bg = fbtext_pixel(f->format, cell >> 12 & 7);
	for (int r = 0; r < FBTEXT_CH; r++) {
		volatile uint32_t *px = (volatile uint32_t *)(f->fb + (uint64_t)(y * FBTEXT_CH + r) * f->pitch) +
					x * FBTEXT_CW;
		for (int b = 0; b < FBTEXT_CW; b++)
			px[b] = g[r] & (0x80 >> b) ? fg : bg;
	}
}

void fbtext_draw(struct fbtext *f)
{
	int cols = f->vt.cols, rows = f->vt.rows;
	for (int i = 0; i < cols * rows; i++) {
		uint16_t cell = f->vt.cells[i];
		if (cell != f->drawn[i]) {
			draw_cell(f, i % cols, i / cols, cell);
			f->drawn[i] = cell;
		}
	}
}
