/*
 * Unit tests for the screen terminals' shared code (userspace/lib/screen):
 * screenin.c, the keyboard's input half (pushes taken whole or refused,
 * ^C, request checks, pcserial's reading rules), and screenlog.c, the
 * kernel log on the screen: where a driver starts (the kernel's hand-over,
 * a predecessor's progress, console= without the screen), whole lines
 * only, a flood read in bounded turns, a wrapped ring said once, hostile
 * bytes made harmless, and log lines put above the line being typed.
 */
#include "unit.h"
#include "screenin.h"
#include "screenlog.h"
#include <abi/error.h>
#include <abi/msg.h>
#include <proto/input.h>
#include <proto/stream.h>
#include <string.h>

static struct screen_in t;
static struct klog_ring ring;
static struct screenlog lg;
static char out[SCREENLOG_OUT + 1];

/* The kernel's side (kernel/klog.c): byte, then count. */
static void kput(const char *s)
{
	for (; *s; s++) {
		ring.data[ring.total % KLOG_SIZE] = (uint8_t)*s;
		ring.total++;
	}
}

static void ring_reset(uint64_t flags)
{
	memset(&ring, 0, sizeof(ring));
	ring.magic = KLOG_MAGIC;
	ring.size = KLOG_SIZE;
	ring.flags = flags;
}

/* One turn, as a string. */
static const char *take(void)
{
	size_t n = screenlog_take(&lg, &ring, out);
	out[n] = 0;
	return out;
}

TEST(screen_in_input_is_taken_whole_or_refused)
{
	screen_in_init(&t);
	uint8_t buf[INPUT_CHUNK];
	memset(buf, 'k', sizeof(buf));
	unsigned pushes = 0;
	while (screen_in_push(&t, buf, sizeof(buf)) == 0)
		pushes++;
	CHECK_EQ(pushes, SCREEN_IN_SIZE / INPUT_CHUNK);
	CHECK_EQ(ring_count(&t.in), SCREEN_IN_SIZE);
	CHECK_EQ(screen_in_push(&t, "a", 1), E_BUSY);
	uint8_t out[10];
	CHECK_EQ(ring_read(&t.in, out, 3), 3);
	CHECK_EQ(screen_in_push(&t, "abcd", 4), E_BUSY);     /* 3 free: none of it */
	CHECK_EQ(ring_count(&t.in), SCREEN_IN_SIZE - 3);
	CHECK_EQ(screen_in_push(&t, "abc", 3), 0);
	CHECK_EQ(ring_count(&t.in), SCREEN_IN_SIZE);
}

TEST(screen_in_ctrl_c_is_counted_not_queued_while_a_note_is_set)
{
	screen_in_init(&t);
	CHECK_EQ(screen_in_push(&t, "a\x03" "b", 3), 0);       /* no note: plain input */
	CHECK_EQ(ring_count(&t.in), 3);
	CHECK_EQ(t.intrs, 0);
	t.intr = true;
	CHECK_EQ(screen_in_push(&t, "\x03" "c\x03", 3), 0);
	CHECK_EQ(t.intrs, 2);
	uint8_t out[8];
	CHECK_EQ(ring_read(&t.in, out, sizeof(out)), 4);
	CHECK(!memcmp(out, "a\x03" "bc", 4));
	/* A full ring still takes a push that is all ^C: nothing to queue. */
	uint8_t buf[INPUT_CHUNK];
	memset(buf, 'k', sizeof(buf));
	while (screen_in_push(&t, buf, sizeof(buf)) == 0)
		;
	CHECK_EQ(screen_in_push(&t, "\x03", 1), 0);
	CHECK_EQ(t.intrs, 3);
}

TEST(screen_in_checks_requests)
{
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_WRITE, 1, 0), 0, false), 0);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_WRITE, 2, 0), 8, false), 0);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_WRITE, 2, 0), 9, false), E_BAD_ARG);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_WRITE, 33, 0), STREAM_CHUNK + 1, false), E_BAD_ARG);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_READ, 1, 0), STREAM_CHUNK, false), 0);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_READ, 1, 0), STREAM_CHUNK + 1, false), E_BAD_ARG);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_POLL, 0, 0), 0, false), 0);
	CHECK_EQ(screen_in_check(MSG_INFO(99, 0, 0), 0, false), E_BAD_SYSCALL);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_CLOSE, 0, 0), 0, false), 0);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_INFO, 0, 0), 0, false), 0);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_INTR, 1, 1), 1, false), 0);
	/* The keyboard's endpoint takes INPUT_PUSH only (on the screen's
	 * endpoint the same label is STREAM_WRITE: drawn, never input). */
	CHECK_EQ(screen_in_check(MSG_INFO(INPUT_PUSH, 2, 0), 3, true), 0);
	CHECK_EQ(screen_in_check(MSG_INFO(INPUT_PUSH, 1, 0), 0, true), E_BAD_ARG);
	CHECK_EQ(screen_in_check(MSG_INFO(INPUT_PUSH, 2, 0), 9, true), E_BAD_ARG);
	CHECK_EQ(screen_in_check(MSG_INFO(INPUT_PUSH, 10, 0), INPUT_CHUNK + 1, true), E_BAD_ARG);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_READ, 1, 0), 3, true), E_BAD_SYSCALL);
	CHECK_EQ(screen_in_check(MSG_INFO(STREAM_POLL, 0, 0), 0, true), E_BAD_SYSCALL);
}

TEST(screen_in_readers_as_pcserial)
{
	screen_in_init(&t);
	uint64_t older;
	CHECK(readers_arrive(&t.readers, 5, &older));   /* the shell owns the input */
	CHECK_EQ(readers_wait(&t.readers, 5, 100, 10), 0);
	CHECK(!readers_arrive(&t.readers, 6, &older));  /* a stranger waits behind it */
	CHECK(readers_ready(&t.readers)->badge == 5);
}

TEST(screenlog_starts_where_the_kernel_stopped_drawing)
{
	ring_reset(KLOG_ON_COM1 | KLOG_ON_SCREEN);
	kput("boot line\ntern: the screen is fbcon's now\n");
	ring.flags |= KLOG_SCREEN_LENT;
	ring.screen_from = ring.total;
	kput("init: started sh\n");
	CHECK(screenlog_start(&lg, &ring, KLOG_SIZE));
	CHECK(screenlog_pending(&lg, &ring));
	CHECK_STR(take(), "init: started sh\n");
	CHECK(!screenlog_pending(&lg, &ring));
	CHECK_STR(take(), "");
}

TEST(screenlog_restarted_goes_on_where_its_predecessor_was_woken)
{
	ring_reset(KLOG_ON_SCREEN | KLOG_SCREEN_LENT);
	kput("shown before\n");
	ring.screen_from = 0;
	ring.woken = ring.total;                /* the old driver was woken for these */
	kput("init: fbcon stopped\n");          /* logged while it was dead */
	CHECK(screenlog_start(&lg, &ring, KLOG_SIZE));
	CHECK_STR(take(), "init: fbcon stopped\n");
	/* A woken count past the end is the kernel's to keep right: not past it. */
	ring.woken = ring.total + 100;
	CHECK(screenlog_start(&lg, &ring, KLOG_SIZE));
	CHECK(!screenlog_pending(&lg, &ring));
}

TEST(screenlog_shows_nothing_where_console_keeps_the_log_off_the_screen)
{
	ring_reset(KLOG_ON_COM1 | KLOG_SCREEN_LENT);
	kput("line\n");
	CHECK(!screenlog_start(&lg, &ring, KLOG_SIZE));
	CHECK(!screenlog_pending(&lg, &ring));
	CHECK_STR(take(), "");
	ring_reset(KLOG_ON_SCREEN);
	ring.magic = 0;                         /* not a ring */
	CHECK(!screenlog_start(&lg, &ring, KLOG_SIZE));
	ring_reset(KLOG_ON_SCREEN);
	CHECK(!screenlog_start(&lg, &ring, KLOG_SIZE - 1));    /* larger than the mapping */
}

TEST(screenlog_shows_whole_lines_only)
{
	ring_reset(KLOG_ON_SCREEN | KLOG_SCREEN_LENT);
	CHECK(screenlog_start(&lg, &ring, KLOG_SIZE));
	kput("one\ntw");
	CHECK_STR(take(), "one\n");
	CHECK(!screenlog_pending(&lg, &ring));  /* an unended line: no turn until it grows */
	kput("o");
	CHECK(screenlog_pending(&lg, &ring));
	CHECK_STR(take(), "");
	kput("\n");
	CHECK_STR(take(), "two\n");
	/* An unended line longer than SCREENLOG_LINE is shown anyway. */
	char big[SCREENLOG_LINE + 2];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	kput(big);
	CHECK_EQ(strlen(take()), SCREENLOG_LINE + 2);
	CHECK_EQ(out[SCREENLOG_LINE + 1], '\n');
}

TEST(screenlog_reads_a_flood_in_bounded_turns)
{
	ring_reset(KLOG_ON_SCREEN | KLOG_SCREEN_LENT);
	CHECK(screenlog_start(&lg, &ring, KLOG_SIZE));
	for (int i = 0; i < 400; i++)
		kput("[9 flood] a line of the flood\n");   /* 30 bytes: 12000 in all */
	size_t shown = 0;
	int turns = 0;
	while (screenlog_pending(&lg, &ring)) {
		size_t n = strlen(take());
		CHECK(n <= SCREENLOG_CHUNK);
		CHECK(n && out[n - 1] == '\n');
		shown += n;
		turns++;
	}
	CHECK_EQ(shown, 12000);
	CHECK(turns >= 12);
}

TEST(screenlog_says_once_what_the_ring_overwrote)
{
	ring_reset(KLOG_ON_SCREEN | KLOG_SCREEN_LENT);
	CHECK(screenlog_start(&lg, &ring, KLOG_SIZE));
	kput("first\n");
	for (int i = 0; i < 1000; i++)
		kput("0123456789012345678901234567890123456789\n");    /* 41 KB: wraps twice */
	kput("last\n");
	uint64_t oldest = ring.total - KLOG_SIZE;
	CHECK(strstr(take(), "... ") == out);
	/* What was overwritten, and the cut line up to its end. */
	uint64_t cut = 41 - (oldest - 6) % 41;
	char want[64];
	snprintf(want, sizeof(want), "... %lu bytes of the log lost\n", (unsigned long)(oldest + cut));
	CHECK(!strncmp(out, want, strlen(want)));
	CHECK(!strncmp(out + strlen(want), "0123", 4));
	size_t more = 0;
	while (screenlog_pending(&lg, &ring)) {
		CHECK(!strstr(take(), "lost"));        /* said once */
		more += strlen(out);
	}
	CHECK(more > 0 && !strcmp(out + strlen(out) - 5, "last\n"));
}

TEST(screenlog_makes_hostile_bytes_harmless)
{
	ring_reset(KLOG_ON_SCREEN | KLOG_SCREEN_LENT);
	CHECK(screenlog_start(&lg, &ring, KLOG_SIZE));
	kput("[7 evil] \x1b[2J\x1b[31mred\r\x07\xc3\xa9\tok\n");
	CHECK_STR(take(), "[7 evil] ?[2J?[31mred???\tok\n");
}

/* The screen, for the show tests. */
#define COLS 20
#define ROWS 5
static uint16_t cells[COLS * ROWS];
static struct vgatext vt;

static const char *row(int y)
{
	static char s[COLS + 1];
	int n = 0;
	for (int x = 0; x < COLS; x++)
		s[n++] = (char)(cells[y * COLS + x] & 0xFF);
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = 0;
	return s;
}

static void say(const char *s)
{
	for (; *s; s++)
		vgatext_putc(&vt, *s);
}

TEST(screenlog_puts_log_lines_above_the_line_being_typed)
{
	vgatext_init(&vt, cells, COLS, ROWS);
	say("$ ls\nfile\n$ ech");
	say("\x1b[1;32m");                              /* the shell's colours stay its own */
	screenlog_show(&vt, "init: a\ninit: b\n", 16);
	CHECK_STR(row(0), "$ ls");
	CHECK_STR(row(1), "file");
	CHECK_STR(row(2), "init: a");
	CHECK_STR(row(3), "init: b");
	CHECK_STR(row(4), "$ ech");
	CHECK_EQ(vt.x, 5);
	CHECK_EQ(vt.y, 4);
	CHECK_EQ(cells[2 * COLS] >> 8, VGATEXT_ATTR);   /* the log in the default colours */
	say("o");
	CHECK_STR(row(4), "$ echo");
	CHECK_EQ(cells[4 * COLS + 5] >> 8, 0x0A);
	/* At the bottom: the rows above scroll, the typed line stays last. */
	screenlog_show(&vt, "init: c\n", 8);
	CHECK_STR(row(3), "init: c");
	CHECK_STR(row(4), "$ echo");
	CHECK_STR(row(0), "file");
}

TEST(screenlog_at_a_line_start_just_writes)
{
	vgatext_init(&vt, cells, COLS, ROWS);
	say("out\n");
	screenlog_show(&vt, "init: a\n", 8);
	CHECK_STR(row(1), "init: a");
	CHECK_EQ(vt.x, 0);
	CHECK_EQ(vt.y, 2);
}

TEST(screenlog_leaves_a_half_written_escape_sequence_to_its_writer)
{
	vgatext_init(&vt, cells, COLS, ROWS);
	say("$ x\x1b[");                                /* the rest comes in the next write */
	screenlog_show(&vt, "init: a\n", 8);
	CHECK_STR(row(0), "init: a");
	say("2Dy");                                     /* ESC [ 2 D: two left */
	CHECK_STR(row(1), "$yx");
}
