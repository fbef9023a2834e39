/* Unit tests for userspace/drv/vgacon/term.c: the screen terminal's state
 * (taking the screen over, sharing the cursor with the kernel log, input
 * pushed by the keyboard, request checks), with pcserial's readers.c and
 * the kernel's vgatext.c as the driver links them. */
#include "unit.h"
#include "term.h"
#include <abi/error.h>
#include <abi/msg.h>
#include <proto/input.h>
#include <proto/stream.h>
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

TEST(vgacon_follows_the_kernel_log)
{
	screen(0, 0);
	term_init(&t, cells, 0);
	say("$ ");
	uint16_t pos = term_cursor(&t);
	CHECK_EQ(pos, 2);
	term_follow(&t, pos);                           /* nobody wrote: stay */
	say("a");
	CHECK_EQ(term_cursor(&t), 3);
	/* The kernel wrote a line (it left the cursor at row 1, column 0). */
	cells[3] = 0x0700 | 'K';
	term_follow(&t, TERM_COLS);
	say("b");
	CHECK_STR(row(0), "$ aK");
	CHECK_STR(row(1), "b");
	term_follow(&t, TERM_COLS * TERM_ROWS);         /* nonsense: ignored */
	say("c");
	CHECK_STR(row(1), "bc");
}

TEST(vgacon_cursor_after_the_last_column_stays_on_it)
{
	screen(0, 0);
	term_init(&t, cells, 0);
	for (int i = 0; i < TERM_COLS; i++)
		say("x");
	CHECK_EQ(term_cursor(&t), TERM_COLS - 1);
	term_follow(&t, TERM_COLS - 1);                 /* our own position: the wrap is still due */
	say("y");
	CHECK_STR(row(1), "y");
}

TEST(vgacon_input_is_taken_whole_or_refused)
{
	screen(0, 0);
	term_init(&t, cells, 0);
	uint8_t buf[INPUT_CHUNK];
	memset(buf, 'k', sizeof(buf));
	unsigned pushes = 0;
	while (term_push(&t, buf, sizeof(buf)) == 0)
		pushes++;
	CHECK_EQ(pushes, TERM_IN_SIZE / INPUT_CHUNK);
	CHECK_EQ(ring_count(&t.in), TERM_IN_SIZE);
	CHECK_EQ(term_push(&t, "a", 1), E_BUSY);
	uint8_t out[10];
	CHECK_EQ(ring_read(&t.in, out, 3), 3);
	CHECK_EQ(term_push(&t, "abcd", 4), E_BUSY);     /* 3 free: none of it */
	CHECK_EQ(ring_count(&t.in), TERM_IN_SIZE - 3);
	CHECK_EQ(term_push(&t, "abc", 3), 0);
	CHECK_EQ(ring_count(&t.in), TERM_IN_SIZE);
}

TEST(vgacon_ctrl_c_is_counted_not_queued_while_a_note_is_set)
{
	screen(0, 0);
	term_init(&t, cells, 0);
	CHECK_EQ(term_push(&t, "a\x03" "b", 3), 0);       /* no note: plain input */
	CHECK_EQ(ring_count(&t.in), 3);
	CHECK_EQ(t.intrs, 0);
	t.intr = true;
	CHECK_EQ(term_push(&t, "\x03" "c\x03", 3), 0);
	CHECK_EQ(t.intrs, 2);
	uint8_t out[8];
	CHECK_EQ(ring_read(&t.in, out, sizeof(out)), 4);
	CHECK(!memcmp(out, "a\x03" "bc", 4));
	/* A full ring still takes a push that is all ^C: nothing to queue. */
	uint8_t buf[INPUT_CHUNK];
	memset(buf, 'k', sizeof(buf));
	while (term_push(&t, buf, sizeof(buf)) == 0)
		;
	CHECK_EQ(term_push(&t, "\x03", 1), 0);
	CHECK_EQ(t.intrs, 3);
}

TEST(vgacon_checks_requests)
{
	CHECK_EQ(term_check(MSG_INFO(STREAM_WRITE, 1, 0), 0, false), 0);
	CHECK_EQ(term_check(MSG_INFO(STREAM_WRITE, 2, 0), 8, false), 0);
	CHECK_EQ(term_check(MSG_INFO(STREAM_WRITE, 2, 0), 9, false), E_BAD_ARG);
	CHECK_EQ(term_check(MSG_INFO(STREAM_WRITE, 33, 0), STREAM_CHUNK + 1, false), E_BAD_ARG);
	CHECK_EQ(term_check(MSG_INFO(STREAM_READ, 1, 0), STREAM_CHUNK, false), 0);
	CHECK_EQ(term_check(MSG_INFO(STREAM_READ, 1, 0), STREAM_CHUNK + 1, false), E_BAD_ARG);
	CHECK_EQ(term_check(MSG_INFO(STREAM_POLL, 0, 0), 0, false), 0);
	CHECK_EQ(term_check(MSG_INFO(99, 0, 0), 0, false), E_BAD_SYSCALL);
	CHECK_EQ(term_check(MSG_INFO(STREAM_CLOSE, 0, 0), 0, false), 0);
	CHECK_EQ(term_check(MSG_INFO(STREAM_INFO, 0, 0), 0, false), 0);
	CHECK_EQ(term_check(MSG_INFO(STREAM_INTR, 1, 1), 1, false), 0);
	/* The keyboard's endpoint takes INPUT_PUSH only (on the screen's
	 * endpoint the same label is STREAM_WRITE: drawn, never input). */
	CHECK_EQ(term_check(MSG_INFO(INPUT_PUSH, 2, 0), 3, true), 0);
	CHECK_EQ(term_check(MSG_INFO(INPUT_PUSH, 1, 0), 0, true), E_BAD_ARG);
	CHECK_EQ(term_check(MSG_INFO(INPUT_PUSH, 2, 0), 9, true), E_BAD_ARG);
	CHECK_EQ(term_check(MSG_INFO(INPUT_PUSH, 10, 0), INPUT_CHUNK + 1, true), E_BAD_ARG);
	CHECK_EQ(term_check(MSG_INFO(STREAM_READ, 1, 0), 3, true), E_BAD_SYSCALL);
	CHECK_EQ(term_check(MSG_INFO(STREAM_POLL, 0, 0), 0, true), E_BAD_SYSCALL);
}

TEST(vgacon_readers_as_pcserial)
{
	screen(0, 0);
	term_init(&t, cells, 0);
	uint64_t older;
	CHECK(readers_arrive(&t.readers, 5, &older));   /* the shell owns the input */
	CHECK_EQ(readers_wait(&t.readers, 5, 100, 10), 0);
	CHECK(!readers_arrive(&t.readers, 6, &older));  /* a stranger waits behind it */
	CHECK(readers_ready(&t.readers)->badge == 5);
}
