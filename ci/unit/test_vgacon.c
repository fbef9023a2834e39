/* Unit tests for userspace/drv/vgacon/term.c: the screen terminal's state
 * (taking the screen over from the boot log, the hardware cursor), with
 * the kernel's vgatext.c as the driver links it. Its input half is the
 * screen terminals' shared one (ci/unit/test_screen.c). */
#include "unit.h"
#include "term.h"
#include <string.h>

static uint16_t cells[TERM_COLS * TERM_ROWS];
static struct term t;

/* Row y as text, trailing blanks cut. */
static const char *row(int y)
{
	static char s[TERM_COLS + 1];
	int n = 0;
	for (int x = 0; x < TERM_COLS; x++)
		s[n++] = (char)(cells[y * TERM_COLS + x] & 0xFF);
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	return s;
}

static void screen(const char *const *lines, int n)
{
	for (int i = 0; i < TERM_COLS * TERM_ROWS; i++)
		cells[i] = 0x0720;
	for (int y = 0; y < n; y++)
		for (int x = 0; lines[y][x]; x++)
			cells[y * TERM_COLS + x] = (uint16_t)(0x0700 | (uint8_t)lines[y][x]);
}

static void say(const char *s)
{
	term_write(&t, s, strlen(s));
}

TEST(vgacon_keeps_the_boot_log_and_goes_on_below)
{
	static const char *const log[] = { "tern 0.1", "init: reading /etc/init.conf" };
	screen(log, 2);
	term_init(&t, cells, 2 * TERM_COLS);            /* the kernel left the cursor on row 2 */
	say("tern login\r\n\x1b[1mtern:/$ \x1b[0m");
	CHECK_STR(row(0), "tern 0.1");
	CHECK_STR(row(1), "init: reading /etc/init.conf");
	CHECK_STR(row(2), "tern login");
	CHECK_STR(row(3), "tern:/$");
	CHECK(cells[3 * TERM_COLS] == (0x0F00 | 't'));  /* bright */
	CHECK_EQ(term_cursor(&t), 3 * TERM_COLS + 8);
}

TEST(vgacon_without_a_cursor_starts_below_the_text)
{
	static const char *const log[] = { "one", "", "three" };
	screen(log, 3);
	term_init(&t, cells, 0xFFFF);
	say("x");
	CHECK_STR(row(3), "x");
	CHECK_STR(row(2), "three");

	static const char *full[TERM_ROWS];
	for (int i = 0; i < TERM_ROWS; i++)
		full[i] = "full";
	screen(full, TERM_ROWS);
	term_init(&t, cells, 0xFFFF);
	say("y");                                       /* a full screen scrolls first */
	CHECK_STR(row(TERM_ROWS - 1), "y");
	CHECK_STR(row(TERM_ROWS - 2), "full");
}

TEST(vgacon_cursor_after_the_last_column_stays_on_it)
{
	screen(0, 0);
	term_init(&t, cells, 0);
	for (int i = 0; i < TERM_COLS; i++)
		say("x");
	CHECK_EQ(term_cursor(&t), TERM_COLS - 1);       /* the wrap is still due */
	say("y");
	CHECK_STR(row(1), "y");
}
