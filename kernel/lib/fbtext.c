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
	if (inverted) {         /* the cursor: colours swapped, and never one colour on itself */
		uint32_t grey = fbtext_pixel(f->format, 7);
		draw_glyph(f, x, y, (unsigned char)cell, bg, fg != bg ? fg : bg != grey ? grey : 0);
	} else {
		draw_glyph(f, x, y, (unsigned char)cell, fg, bg);
	}
}

/*
 * What a cell costs, measured under QEMU TCG (docs/performance.md): moving
 * its pixels (a read and a write each) a quarter of drawing it from the
 * font (a write each, and a bit test).
 */
#define COPY_COST 1
#define DRAW_COST 4

/* Copy n cells' pixels from cell `from` to cell `to`, row by row, both
 * runs in one row of cells: 64 bits at a time where both are aligned
 * (a cell is 8 pixels: 32 bytes), which halves the loads and stores. */
static void copy_cells(struct fbtext *f, int to, int from, int n)
{
	int cols = f->vt.cols;
	for (int r = 0; r < FBTEXT_CH; r++) {
		volatile uint8_t *d = f->fb + (uint64_t)((to / cols) * FBTEXT_CH + r) * f->pitch + (to % cols) * FBTEXT_CW * 4;
		volatile uint8_t *s = f->fb + (uint64_t)((from / cols) * FBTEXT_CH + r) * f->pitch + (from % cols) * FBTEXT_CW * 4;
		if (!(((uintptr_t)d | (uintptr_t)s) & 7))
			for (int b = 0; b < n * 4; b++)
				((volatile uint64_t *)d)[b] = ((volatile uint64_t *)s)[b];
		else
			for (int b = 0; b < n * 8; b++)
				((volatile uint32_t *)d)[b] = ((volatile uint32_t *)s)[b];
	}
}

/* Row y after a scroll of `gone` cells (the rows below are as they were):
 * does moving the pixels up from `gone` cells below, then drawing what
 * still differs, cost less than drawing what differs where it is? */
static int worth_moving(const struct fbtext *f, int y, int gone)
{
	int cols = f->vt.cols, stay = 0, move = cols * COPY_COST;
	const uint16_t *cells = (const uint16_t *)f->vt.cells + y * cols, *here = f->drawn + y * cols;
	const uint16_t *below = here + gone;
	for (int x = 0; x < cols; x++) {
		if (cells[x] == FBTEXT_KEPT)
			stay += COPY_COST;      /* moved alone, or drawn blank */
		else if (cells[x] != here[x])
			stay += DRAW_COST;
		if (cells[x] != below[x])
			move += DRAW_COST;
	}
	return move < stay;
}

/*
 * Draw the cells that differ from what the screen shows where they are.
 * After a scroll of k rows, each row either has its pixels moved up from
 * k rows below (one copy of its pixel rows) and then the cells that still
 * differ drawn, or just the cells that differ drawn from the font,
 * whichever costs less (worth_moving): lines of text mostly go from
 * blank to blank, and where they don't, a full row is cheaper to move.
 * Kept cells (someone else's pixels, no text we could draw) in a row
 * not moved whole move alone. Rows are done top to bottom, so the pixels
 * k rows below are still in place when they are copied.
 */
void fbtext_draw(struct fbtext *f)
{
	int cols = f->vt.cols, rows = f->vt.rows, n = cols * rows, k = f->vt.scrolled;
	if (f->cursor_at >= 0)
		f->drawn[f->cursor_at] = FBTEXT_UNDRAWN;        /* the cell under the old cursor, plain again */
	f->cursor_at = -1;
	f->vt.scrolled = 0;
	int gone = k < rows ? k * cols : n;
	for (int y = 0; y < rows; y++) {
		int row = y * cols, moved = 0;
		if (gone && y + k < rows && worth_moving(f, y, gone)) {
			copy_cells(f, row, row + gone, cols);
			for (int x = 0; x < cols; x++)
				f->drawn[row + x] = f->drawn[row + gone + x];
			moved = 1;
		}
		for (int i = row; i < row + cols; i++) {
			uint16_t cell = f->vt.cells[i];
			if (cell == FBTEXT_KEPT && gone && !moved) {
				if (i + gone < n && f->drawn[i + gone] == FBTEXT_KEPT)
					copy_cells(f, i, i + gone, 1);
				else
					draw_cell(f, i % cols, y, cell, 0);
				f->drawn[i] = cell;
			} else if (cell != f->drawn[i]) {
				draw_cell(f, i % cols, y, cell, 0);
				f->drawn[i] = cell;
			}
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
