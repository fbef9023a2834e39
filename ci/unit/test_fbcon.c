/* Unit tests for userspace/drv/fbcon/fbterm.c: the framebuffer terminal's
 * state (checking the framebuffer init describes, taking the kernel's
 * screen over, drawing only what changed, scrolling by moving pixels, the
 * cursor), with the kernel's fbtext.c, vgatext.c and font as the driver
 * links them (its keyboard input is the screen terminals' shared half:
 * ci/unit/test_screen.c). The screen is read
 * back from the pixels, cell by cell against the font, as the run tool
 * reads a screendump. */
#include "unit.h"
#include "fbterm.h"
#include <abi/error.h>
#include <string.h>

#define COLS 5
#define ROWS 3
#define W (COLS * 8 + 4)                /* 4 pixels that no cell reaches */
#define H (ROWS * 16 + 2)
#define PITCH (W * 4 + 16)

static uint8_t fbmem[PITCH * H] __attribute__((aligned(8)));
static struct fbterm t;
static const struct fbterm_fb fb = { 0x80000000, PITCH * H, W, H, PITCH, FBTEXT_BGRX };

static uint32_t *px(int x, int y) { return (uint32_t *)(fbmem + y * PITCH + x * 4); }

/* The character cell (cx, cy) shows: lit pixels are those unlike its top
 * left one; a cell of one colour is ' ', of no glyph '?'. */
static char cell_at(int cx, int cy)
{
	unsigned char bits[16] = { 0 };
	uint32_t bg = *px(cx * 8, cy * 16);
	int lit = 0;
	for (int r = 0; r < 16; r++)
		for (int b = 0; b < 8; b++)
			if (*px(cx * 8 + b, cy * 16 + r) != bg) {
				bits[r] |= (unsigned char)(0x80 >> b);
				lit = 1;
			}
	if (!lit)
		return ' ';
	for (int g = 0x21; g < 0x7F; g++)
		if (!memcmp(font8x16[g], bits, 16))
			return (char)g;
	return '?';
}

/* Row y of the picture as text, trailing blanks cut. */
static const char *row(int y)
{
	static char s[COLS + 1];
	int n = 0;
	for (int x = 0; x < COLS; x++)
		s[n++] = cell_at(x, y);
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	return s;
}

/* The colour of cell (cx, cy)'s top left pixel: its background. */
static uint32_t bg_of(int cx, int cy) { return *px(cx * 8, cy * 16); }

static void say(const char *s) { fbterm_write(&t, s, strlen(s)); }

static const uint32_t grey = 0xAAAAAA, black = 0;

TEST(fbcon_checks_the_framebuffer_init_describes)
{
	struct fbterm_map m;
	struct fbterm_fb f = { 0x80000000, 1280 * 800 * 4, 1280, 800, 5120, FBTEXT_BGRX };
	CHECK(!fbterm_check_fb(&f, 16384, &m));
	CHECK(m.first == 0x80000000 && m.offset == 0 && m.pages == 1000);
	f.base = 0x80000010;                    /* not on a page: one more page, the offset kept */
	CHECK(!fbterm_check_fb(&f, 16384, &m));
	CHECK(m.first == 0x80000000 && m.offset == 0x10 && m.pages == 1001);
	CHECK(fbterm_check_fb(&f, 1000, &m));   /* more than we map */
	struct fbterm_fb bad[] = {
		{ 0x80000000, 1280 * 800 * 4, 1280, 800, 5120, 0 },            /* none */
		{ 0x80000000, 1280 * 800 * 4, 1280, 800, 5120, 3 },            /* bit masks */
		{ 0x80000000, 1280 * 800 * 4, 1280, 800, 5116, FBTEXT_RGBX },  /* pitch below width */
		{ 0x80000000, 1280 * 800 * 4, 1280, 800, 5122, FBTEXT_RGBX },  /* pitch not whole pixels */
		{ 0x80000000, 1280 * 800 * 4 - 1, 1280, 800, 5120, FBTEXT_RGBX }, /* size short of the lines */
		{ 0x80000000, 1280 * 800 * 4, 7, 800, 5120, FBTEXT_RGBX },     /* no column */
		{ 0x80000000, 1280 * 800 * 4, 1280, 15, 5120, FBTEXT_RGBX },   /* no row */
		{ 0x80000000, ~0ull, 100000, 800, 400000, FBTEXT_RGBX },       /* absurd */
		{ ~0ull - 4096, 1280 * 800 * 4, 1280, 800, 5120, FBTEXT_RGBX },  /* wraps */
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(fbterm_check_fb(&bad[i], 16384, &m) != 0);
}

TEST(fbcon_finds_the_rows_the_kernel_used)
{
	memset(fbmem, 0, sizeof(fbmem));
	CHECK_EQ(fbtext_rows_used(fbmem, W, H, PITCH), 0);
	*px(W - 1, 16 + 15) = 0x10;             /* the last pixel of row 1 */
	CHECK_EQ(fbtext_rows_used(fbmem, W, H, PITCH), 2);
	*px(W, 2 * 16) = 0x10;                  /* past the width (pitch padding): not a pixel */
	CHECK_EQ(fbtext_rows_used(fbmem, W, H, PITCH), 2);
	*px(0, 2 * 16) = 0x10;
	CHECK_EQ(fbtext_rows_used(fbmem, W, H, PITCH), 3);
}

/* A screen the kernel drew (with fbtext, as it does). */
static void kernel_screen(const char *text)
{
	static struct fbtext k;
	static uint16_t cells[COLS * ROWS], drawn[COLS * ROWS];
	memset(fbmem, 0, sizeof(fbmem));
	fbtext_init(&k, fbmem, W, H, PITCH, FBTEXT_BGRX, cells, drawn, COLS * ROWS);
	for (const char *s = text; *s; s++)
		fbtext_putc(&k, *s);
	fbtext_draw(&k);
}

TEST(fbcon_keeps_the_kernels_rows_and_goes_on_below)
{
	kernel_screen("boot\n");
	int kept = fbtext_rows_used(fbmem, W, H, PITCH);
	CHECK_EQ(kept, 1);
	fbterm_init(&t, fbmem, &fb, kept);
	CHECK(t.text.vt.cols == COLS && t.text.vt.rows == ROWS);
	say("$ ");
	CHECK_STR(row(0), "boot");
	CHECK_STR(row(1), "$");
	CHECK(bg_of(2, 1) == grey);             /* the cursor: an inverted blank after "$ " */
	CHECK(bg_of(1, 1) == black);
	CHECK(*px(W - 1, 0) == 0x0);            /* nothing drawn outside the grid */
	/* Two more lines scroll the kept row off. */
	say("ab\ncd\nx");
	CHECK_STR(row(0), "$ ab");
	CHECK_STR(row(1), "cd");
	CHECK_STR(row(2), "x");
	CHECK(bg_of(1, 2) == grey && bg_of(2, 1) == black);     /* the cursor moved, the old cell plain */
}

TEST(fbcon_scrolls_the_kernels_rows_up_with_its_own)
{
	kernel_screen("boot\ninit\n");
	fbterm_init(&t, fbmem, &fb, fbtext_rows_used(fbmem, W, H, PITCH));
	say("x\n");                    /* kept rows: pixels only, copied up a row */
	CHECK_STR(row(0), "init");
	CHECK_STR(row(1), "x");
	CHECK_STR(row(2), "");
	say("\x1b[H\x1b[K");            /* erased: blanks drawn where it was */
	CHECK_STR(row(0), "");
}

TEST(fbcon_draws_only_cells_that_change_also_when_scrolling)
{
	memset(fbmem, 0, sizeof(fbmem));
	fbterm_init(&t, fbmem, &fb, 0);
	say("a\nb\nc");
	CHECK_STR(row(0), "a");
	CHECK_STR(row(2), "c");
	/* Mark a pixel of each row's first cell: a cell drawn again loses it. */
	for (int y = 0; y < ROWS; y++)
		*px(7, y * 16 + 15) = 0x123456;
	say("\nb");                    /* scrolls: "b" "c" "b" */
	CHECK_STR(row(0), "b");
	CHECK_STR(row(1), "c");
	CHECK_STR(row(2), "b");
	CHECK(*px(7, 15) != 0x123456 && *px(7, 16 + 15) != 0x123456);  /* a -> b, b -> c: drawn */
	CHECK(*px(8 + 7, 16 + 15) == 0);        /* blank to blank: not drawn, and no stray pixel */
	/* A scroll that leaves a cell as it was does not draw it. */
	say("\nb\nb");                /* "b" "b" "b" */
	*px(7, 2 * 16 + 15) = 0x654321;
	say("\nb");
	CHECK(*px(7, 2 * 16 + 15) == 0x654321);
	/* Full rows are cheaper to move than to draw: their pixels move up
	 * (a mark moves with them), and only the new row is drawn. */
	say("\x1b[2J\x1b[Habcde\r\nfghij\r\nklmno");
	*px(7, 16 + 15) = 0x123456;             /* in the 'f' */
	say("\r\npq");
	CHECK_STR(row(0), "?ghij");             /* 'f' with the mark */
	CHECK(*px(7, 15) == 0x123456);
	CHECK_STR(row(1), "klmno");
	CHECK_STR(row(2), "pq");
	/* More lines than the screen in one write. */
	say("\n1\n2\n3\n4");
	CHECK_STR(row(0), "2");
	CHECK_STR(row(1), "3");
	CHECK_STR(row(2), "4");
	/* Erase the screen, colours: what vgatext does, on the pixels. */
	say("\x1b[2J\x1b[H\x1b[41mR");
	CHECK_STR(row(0), "R");
	CHECK(bg_of(0, 0) == 0xAA0000);         /* red background, BGRX */
	CHECK_STR(row(1), "");
}

TEST(fbcon_with_every_row_kept_the_first_line_scrolls)
{
	memset(fbmem, 0x22, sizeof(fbmem));     /* the firmware's picture, everywhere */
	fbterm_init(&t, fbmem, &fb, fbtext_rows_used(fbmem, W, H, PITCH));
	CHECK(*px(0, 2 * 16) == 0x22222222);    /* nothing drawn yet over kept rows */
	say("hi");
	CHECK_STR(row(2), "hi");
	CHECK(*px(0, 0) == 0x22222222);         /* the old rows moved up, not erased */
}

TEST(fbcon_hides_the_cursor_when_asked)
{
	memset(fbmem, 0, sizeof(fbmem));
	fbterm_init(&t, fbmem, &fb, 0);
	say("ab");
	CHECK(bg_of(2, 0) == grey);
	say("\x1b[?25l");
	CHECK(bg_of(2, 0) == black);
	say("\x1b[?25h\x1b[D");                 /* shown again, one left: on the 'b' */
	CHECK(bg_of(2, 0) == black && bg_of(1, 0) == grey);
	CHECK(cell_at(1, 0) == 'b');            /* inverted, it still reads as 'b' (as the run tool reads it) */
	say("\r\n\x1b[7mr\x1b[D");            /* on a reverse-video cell: shown the other way round */
	CHECK(cell_at(0, 1) == 'r' && bg_of(0, 1) == black);
	say("\x1b[0m\x1b[C");
	CHECK(cell_at(0, 1) == 'r' && bg_of(0, 1) == grey);
}

TEST(fbtext_invalidate_draws_everything_again)
{
	memset(fbmem, 0, sizeof(fbmem));
	fbterm_init(&t, fbmem, &fb, 0);
	say("ok");
	memset(fbmem, 0x33, sizeof(fbmem));     /* someone else drew */
	fbtext_invalidate(&t.text);
	fbtext_draw(&t.text);
	CHECK_STR(row(0), "ok");
	CHECK(bg_of(4, 2) == black);
}
