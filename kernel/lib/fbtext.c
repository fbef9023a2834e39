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

void fbtext_attach(struct fbtext *f, volatile uint8_t *fb, uint32_t width, uint32_t height, uint32_t pitch,
		   int format, uint16_t *cells, uint16_t *drawn, int max, int kept)
{
	int cols = (int)(width / FBTEXT_CW), rows = (int)(height / FBTEXT_CH);
	while (rows > 1 && cols * rows > max)
		rows--;
	if (cols * rows > max)
		cols = max;
	kept = kept < 0 ? 0 : kept > rows ? rows : kept;
	f->drawn = drawn;
	f->fb = fb;
	f->pitch = pitch;
	f->format = format;
	f->cursor = 0;
	f->cursor_at = -1;
	vgatext_init(&f->vt, cells, cols, rows);
	for (int i = 0; i < cols * rows; i++)
		drawn[i] = FBTEXT_UNDRAWN;      /* a blank is ' ': every cell is drawn */
	for (int i = 0; i < cols * kept; i++)
		cells[i] = drawn[i] = FBTEXT_KEPT;
	if (kept == rows)
		vgatext_attach(&f->vt, cells, cols, rows, cols, rows - 1);     /* the next line scrolls */
	else
		vgatext_attach(&f->vt, cells, cols, rows, 0, kept);
}

void fbtext_init(struct fbtext *f, volatile uint8_t *fb, uint32_t width, uint32_t height, uint32_t pitch,
		 int format, uint16_t *cells, uint16_t *drawn, int max)
{
	fbtext_attach(f, fb, width, height, pitch, format, cells, drawn, max, 0);
}

void fbtext_putc(struct fbtext *f, char c)
{
	vgatext_putc(&f->vt, c);
}

void fbtext_invalidate(struct fbtext *f)
{
	for (int i = 0; i < f->vt.cols * f->vt.rows; i++)
		f->drawn[i] = FBTEXT_UNDRAWN;
	f->vt.scrolled = 0;
	f->cursor_at = -1;
}

static void draw_glyph(struct fbtext *f, int x, int y, unsigned char ch, uint32_t fg, uint32_t bg)
{
	const unsigned char *g = font8x16[ch >= 0x20 && ch < 128 ? ch : ch < 0x20 ? ' ' : '?'];
	for (int r = 0; r < FBTEXT_CH; r++) {
		volatile uint32_t *px = (volatile uint32_t *)(f->fb + (uint64_t)(y * FBTEXT_CH + r) * f->pitch) +
					x * FBTEXT_CW;
		unsigned bits = g[r];
		for (int b = 0; b < FBTEXT_CW; b++)
			px[b] = bits & (0x80 >> b) ? fg : bg;
	}
}

static void draw_cell(struct fbtext *f, int x, int y, uint16_t cell, int inverted)
{
	uint32_t fg = fbtext_pixel(f->format, cell >> 8 & 15), bg = fbtext_pixel(f->format, cell >> 12 & 7);
	if (cell == FBTEXT_KEPT)
		fg = bg = 0;            /* drawn after all (invalidated, or the cursor was on it): erased */
	if (inverted)
		draw_glyph(f, x, y, (unsigned char)cell, bg, fg ? fg : fbtext_pixel(f->format, 7));
	else
		draw_glyph(f, x, y, (unsigned char)cell, fg, bg);
}

/* Move the pixel rows of the cells below the top k rows up by k rows, and
 * what drawn says with them; the k rows at the bottom are to be drawn. */
static void scroll(struct fbtext *f, int k)
{
	int cols = f->vt.cols, n = cols * f->vt.rows, gone = k * cols;
	uint64_t bytes = (uint64_t)(f->vt.rows - k) * FBTEXT_CH * f->pitch;
	uint64_t from = (uint64_t)k * FBTEXT_CH * f->pitch;
	if (!((uintptr_t)f->fb & 7) && !(from & 7) && !(bytes & 7)) {
		volatile uint64_t *d = (volatile uint64_t *)f->fb, *s = (volatile uint64_t *)(f->fb + from);
		for (uint64_t i = 0; i < bytes / 8; i++)
			d[i] = s[i];
	} else {
		volatile uint32_t *d = (volatile uint32_t *)f->fb, *s = (volatile uint32_t *)(f->fb + from);
		for (uint64_t i = 0; i < bytes / 4; i++)
			d[i] = s[i];
	}
	for (int i = 0; i < n - gone; i++)
		f->drawn[i] = f->drawn[i + gone];
	for (int i = n - gone; i < n; i++)
		f->drawn[i] = FBTEXT_UNDRAWN;
}

void fbtext_draw(struct fbtext *f)
{
	int cols = f->vt.cols, rows = f->vt.rows, k = f->vt.scrolled;
	if (f->cursor_at >= 0)
		f->drawn[f->cursor_at] = FBTEXT_UNDRAWN;        /* the cell under the old cursor, plain again */
	f->cursor_at = -1;
	f->vt.scrolled = 0;
	if (k >= rows)
		fbtext_invalidate(f);
	else if (k > 0)
		scroll(f, k);
	for (int i = 0; i < cols * rows; i++) {
		uint16_t cell = f->vt.cells[i];
		if (cell != f->drawn[i]) {
			draw_cell(f, i % cols, i / cols, cell, 0);
			f->drawn[i] = cell;
		}
	}
	if (f->cursor && !f->vt.hidden) {
		int x = f->vt.x >= cols ? cols - 1 : f->vt.x, at = f->vt.y * cols + x;
		draw_cell(f, x, f->vt.y, f->vt.cells[at], 1);
		f->drawn[at] = FBTEXT_UNDRAWN;
		f->cursor_at = at;
	}
}

int fbtext_rows_used(const volatile uint8_t *fb, uint32_t width, uint32_t height, uint32_t pitch)
{
	for (int row = (int)(height / FBTEXT_CH); row > 0; row--)
		for (int r = 0; r < FBTEXT_CH; r++) {
			const volatile uint32_t *px =
				(const volatile uint32_t *)(fb + (uint64_t)((row - 1) * FBTEXT_CH + r) * pitch);
			for (uint32_t x = 0; x < width; x++)
				if (px[x])
					return row;
		}
	return 0;
}
