/* Unit tests for kernel/lib/vgatext.c (the screen writer) and
 * kernel/lib/conslist.c (console=). */
#include "unit.h"
#include <conslist.h>
#include <string.h>
#include <vgatext.h>

#define W 10
#define H 3

static uint16_t cells[W * H];

/* Row y as text, trailing blanks cut. */
static const char *row(int y)
{
	static char s[W + 1];
	int n = 0;
	for (int x = 0; x < W; x++)
		s[n++] = (char)(cells[y * W + x] & 0xFF);
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	return s;
}

static void put(struct vgatext *v, const char *s)
{
	while (*s)
		vgatext_putc(v, *s++);
}

TEST(vgatext_writes_and_scrolls)
{
	struct vgatext v;
	memset(cells, 0xAA, sizeof(cells));
	vgatext_init(&v, cells, W, H);
	CHECK_STR(row(0), "");
	CHECK(cells[0] == (VGATEXT_ATTR << 8 | ' '));
	put(&v, "one\ntwo\nthree\nfour");
	CHECK_STR(row(0), "two");
	CHECK_STR(row(1), "three");
	CHECK_STR(row(2), "four");
	CHECK(v.y == 2 && v.x == 4);
}

TEST(vgatext_wraps_long_lines_once)
{
	struct vgatext v;
	vgatext_init(&v, cells, W, H);
	put(&v, "0123456789\nab");     /* exactly a row, then a newline: no empty row */
	CHECK_STR(row(0), "0123456789");
	CHECK_STR(row(1), "ab");
	put(&v, "cdefghijklm");
	CHECK_STR(row(1), "abcdefghij");
	CHECK_STR(row(2), "klm");
}

TEST(vgatext_cr_tab_backspace)
{
	struct vgatext v;
	vgatext_init(&v, cells, W, H);
	put(&v, "abc\rX\tY\n");
	CHECK_STR(row(0), "Xbc     Y");
	put(&v, "ab\b\bc");
	CHECK_STR(row(1), "cb");
	put(&v, "\b\b\bd");     /* not past the start of the line */
	CHECK_STR(row(1), "db");
	put(&v, "\x01\x7f");    /* other control characters: nothing */
	CHECK_STR(row(1), "db");
}

TEST(vgatext_strips_escape_sequences)
{
	struct vgatext v;
	vgatext_init(&v, cells, W, H);
	put(&v, "a\x1b[?25lb\x1b[12;3Xc\x1b(Bd\x1b]0;title\x07" "e\x1b" "7f");
	CHECK_STR(row(0), "abcdef");
}

TEST(vgatext_colours_and_erase)
{
	struct vgatext v;
	vgatext_init(&v, cells, W, H);
	put(&v, "\x1b[1;31mR\x1b[0mn");
	CHECK(cells[0] == (0x0C << 8 | 'R'));    /* bright red on black */
	CHECK(cells[1] == (VGATEXT_ATTR << 8 | 'n'));
	put(&v, "\x1b[44mb\x1b[m");
	CHECK(cells[2] == (0x17 << 8 | 'b'));    /* grey on blue */
	put(&v, "xyz\r\x1b[Kq");
	CHECK_STR(row(0), "q");
	put(&v, "\n12345\x1b[3D\x1b[K");         /* D is not implemented: dropped */
	CHECK_STR(row(1), "12345");
	put(&v, "\x1b[2;3HZ");
	CHECK_STR(row(1), "12Z45");
	put(&v, "\x1b[2J");
	CHECK_STR(row(0), "");
	CHECK_STR(row(1), "");
}

TEST(conslist_parses_names_in_order)
{
	int ids[CONS_COUNT];
	char bad[8];
	CHECK(conslist_parse("com2,screen", ids, CONS_COUNT, bad, sizeof(bad)) == 2);
	CHECK(ids[0] == CONS_COM2 && ids[1] == CONS_SCREEN);
	CHECK_STR(bad, "");
	CHECK(conslist_parse("screen,,com1,screen", ids, CONS_COUNT, bad, sizeof(bad)) == 2);
	CHECK(ids[0] == CONS_SCREEN && ids[1] == CONS_COM1);
	CHECK_STR(conslist_name(CONS_COM2), "com2");
}

TEST(conslist_reports_unknown_names)
{
	int ids[CONS_COUNT];
	char bad[5];
	CHECK(conslist_parse("com9,com1,com", ids, CONS_COUNT, bad, sizeof(bad)) == 1);
	CHECK(ids[0] == CONS_COM1);
	CHECK_STR(bad, "com9");
	CHECK(conslist_parse("verylongname", ids, CONS_COUNT, bad, sizeof(bad)) == 0);
	CHECK_STR(bad, "very");
	CHECK(conslist_parse("", ids, CONS_COUNT, bad, sizeof(bad)) == 0);
	CHECK_STR(bad, "");
}

/* The framebuffer screen: 3x2 cells of 8x16 in 32-bit pixels, padded rows. */
#include <fbtext.h>
#define FW 26                   /* 3 cells and 2 pixels that no cell reaches */
#define FH 33
#define PITCH (FW * 4 + 8)

static uint8_t fbmem[PITCH * FH];

static uint32_t px(int x, int y) { return *(uint32_t *)(fbmem + y * PITCH + x * 4); }

/* Whether the cell at (cx, cy) shows glyph ch in colours fg on bg. */
static int shows(int cx, int cy, char ch, uint32_t fg, uint32_t bg)
{
	for (int r = 0; r < 16; r++)
		for (int b = 0; b < 8; b++)
			if (px(cx * 8 + b, cy * 16 + r) != (font8x16[(int)ch][r] & (0x80 >> b) ? fg : bg))
				return 0;
	return 1;
}

TEST(fbtext_draws_glyphs_and_only_changes)
{
	struct fbtext f;
	uint16_t cells[6], drawn[6];
	memset(fbmem, 0x5A, sizeof(fbmem));
	fbtext_init(&f, fbmem, FW, FH, PITCH, FBTEXT_BGRX, cells, drawn, 6);
	CHECK(f.vt.cols == 3 && f.vt.rows == 2);
	uint32_t grey = fbtext_pixel(FBTEXT_BGRX, 7), black = fbtext_pixel(FBTEXT_BGRX, 0);
	CHECK(grey == 0xAAAAAA && black == 0);
	CHECK(fbtext_pixel(FBTEXT_BGRX, 4) == 0xAA0000);    /* red: byte 2 in BGRX */
	CHECK(fbtext_pixel(FBTEXT_RGBX, 4) == 0x0000AA);    /* byte 0 in RGBX */
	for (const char *s = "Ab\n\x1b[31mZ"; *s; s++)
		fbtext_putc(&f, *s);
	fbtext_draw(&f);
	CHECK(shows(0, 0, 'A', grey, black));
	CHECK(shows(1, 0, 'b', grey, black));
	CHECK(shows(2, 0, ' ', grey, black));
	CHECK(shows(0, 1, 'Z', fbtext_pixel(FBTEXT_BGRX, 4), black));
	CHECK(px(24, 0) == 0x5A5A5A5A && px(0, 32) == 0x5A5A5A5A);  /* outside the grid */
	/* Drawing again touches only cells that changed. */
	memset(fbmem, 0x11, 4);         /* pixel (0,0), in the unchanged 'A' */
	fbtext_putc(&f, 'q');
	fbtext_draw(&f);
	CHECK(px(0, 0) == 0x11111111);
	CHECK(shows(1, 1, 'q', fbtext_pixel(FBTEXT_BGRX, 4), black));
}

TEST(fbtext_font_has_ascii)
{
	int blank = 0;
	for (int c = 0x21; c < 0x7F; c++) {
		int any = 0;
		for (int r = 0; r < 16; r++)
			any |= font8x16[c][r];
		blank += !any;
	}
	CHECK(blank == 0);              /* every visible ASCII character has a glyph */
	for (int r = 0; r < 16; r++)
		CHECK(font8x16[' '][r] == 0);
}
