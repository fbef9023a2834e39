/* Unit tests for userspace/drv/ps2kbd: layouts (keymap.c) and scancodes (scancode.c). */
#include "unit.h"
#include <keymap.h>
#include <scancode.h>
#include <stdio.h>
#include <string.h>

static struct keymap us, de;

static void load(struct keymap *m, const char *path)
{
	static char buf[8192];
	FILE *f = fopen(path, "rb");
	CHECK(f != 0);
	if (!f)
		return;
	size_t n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	CHECK_EQ(keymap_parse(m, buf, n), 0);
}

/* Feed a sequence of scancodes; return everything they produced. */
static const char *keys(const struct keymap *m, const uint8_t *codes, size_t n)
{
	static char out[256];
	struct scan_state s = { 0 };
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		char b[SCAN_OUT_MAX];
		int k = scan_feed(&s, m, codes[i], b);
		memcpy(out + len, b, (size_t)k);
		len += (size_t)k;
	}
	out[len] = '\0';
	return out;
}
#define KEYS(m, ...) keys(m, (const uint8_t[]){ __VA_ARGS__ }, sizeof((const uint8_t[]){ __VA_ARGS__ }))

TEST(ps2kbd_maps_parse)
{
	load(&us, "initramfs/root/etc/keymaps/us.map");
	load(&de, "initramfs/root/etc/keymaps/de.map");
	CHECK_STR(us.ch[0x10][KEYMAP_PLAIN], "q");
	CHECK_STR(de.ch[0x15][KEYMAP_PLAIN], "z");              /* QWERTZ */
	CHECK_STR(de.ch[0x10][KEYMAP_ALTGR], "@");
	CHECK_STR(de.ch[0x27][KEYMAP_PLAIN], "\xc3\xb6");       /* ö */
	CHECK_STR(de.ch[0x2b][KEYMAP_PLAIN], "#");              /* '#' as a key, not a comment */
	CHECK(keymap_is_letter(&de, 0x28));                     /* ä: Caps Lock applies */
	CHECK(!keymap_is_letter(&us, 0x02));
}

TEST(ps2kbd_map_errors_name_the_line)
{
	struct keymap m;
	CHECK_EQ(keymap_parse(&m, "# c\n0x10 q Q\n0x99 x\n", 20), 3);  /* code out of range */
	CHECK_EQ(keymap_parse(&m, "0x10 qq\n", 8), 1);                  /* two characters */
	CHECK_EQ(keymap_parse(&m, "0x10 a b c d\n", 13), 1);            /* too many fields */
	CHECK_EQ(keymap_parse(&m, "16 a\n", 5), 1);                     /* not hex */
	CHECK_EQ(keymap_parse(&m, "0x10 \xc3\n", 7), 1);                /* cut UTF-8 */
	CHECK_EQ(keymap_parse(&m, "0x39 space -\n", 13), 0);
	CHECK_STR(m.ch[0x39][KEYMAP_PLAIN], " ");
	CHECK_STR(m.ch[0x39][KEYMAP_SHIFT], "");
	CHECK_EQ(keymap_parse(&m, "0x0c minus _\n", 13), 0);          /* '-' itself, not none */
	CHECK_STR(m.ch[0x0c][KEYMAP_PLAIN], "-");
	/* The real maps have a minus key (a bare "-" there once meant none). */
	CHECK_STR(us.ch[0x0c][KEYMAP_PLAIN], "-");
	CHECK_STR(us.ch[0x4a][KEYMAP_PLAIN], "-");
	CHECK_STR(de.ch[0x35][KEYMAP_PLAIN], "-");
}

TEST(ps2kbd_typing)
{
	/* "echo hi" Enter: make and break codes. */
	CHECK_STR(KEYS(&us, 0x12, 0x92, 0x2e, 0xae, 0x23, 0xa3, 0x18, 0x98, 0x39, 0xb9,
		       0x23, 0xa3, 0x17, 0x97, 0x1c, 0x9c), "echo hi\r");
	/* Shift held: capitals and symbols; released: plain again. */
	CHECK_STR(KEYS(&us, 0x2a, 0x1e, 0x9e, 0x02, 0x82, 0xaa, 0x1e), "A!a");
	CHECK_STR(KEYS(&us, 0x36, 0x1e, 0xb6, 0x1e), "Aa");     /* right Shift */
	/* Caps Lock: letters only, and Shift undoes it. */
	CHECK_STR(KEYS(&us, 0x3a, 0xba, 0x1e, 0x02, 0x2a, 0x1e, 0xaa, 0x3a, 0xba, 0x1e), "A1aa");
	CHECK_STR(KEYS(&de, 0x3a, 0xba, 0x28), "\xc3\x84");     /* Ä */
	/* Backspace, Tab, Esc. */
	CHECK_STR(KEYS(&us, 0x0e, 0x0f, 0x01), "\177\t\033");
	/* Germany: AltGr (right Alt, E0 38) + Q is @, Z and Y swap. */
	CHECK_STR(KEYS(&de, 0xe0, 0x38, 0x10, 0x90, 0xe0, 0xb8, 0x15, 0x2c), "@zy");
}

TEST(ps2kbd_control_and_alt)
{
	CHECK_STR(KEYS(&us, 0x1d, 0x2e, 0xae, 0x9d, 0x2e), "\003c");    /* Ctrl+C, then c */
	CHECK_STR(KEYS(&us, 0xe0, 0x1d, 0x20, 0xe0, 0x9d), "\004");     /* right Ctrl+D */
	CHECK_STR(KEYS(&us, 0x1d, 0x1a), "\033");                       /* Ctrl+[ is ESC */
	const char *nul = KEYS(&us, 0x1d, 0x39);
	CHECK_EQ(nul[0], 0);                                            /* Ctrl+Space: NUL */
	CHECK_STR(KEYS(&us, 0x38, 0x30, 0xb8, 0x30), "\033bb");         /* Alt+b: ESC b */
}

TEST(ps2kbd_extended_keys)
{
	CHECK_STR(KEYS(&us, 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0x50, 0xe0, 0x4d, 0xe0, 0x4b),
		  "\033[A\033[B\033[C\033[D");
	CHECK_STR(KEYS(&us, 0xe0, 0x47, 0xe0, 0x4f, 0xe0, 0x53), "\033[H\033[F\033[3~");
	/* The keypad with Num Lock off: the same keys. */
	CHECK_STR(KEYS(&us, 0x48, 0x47, 0x53), "\033[A\033[H\033[3~");
	/* Keypad Enter and /, F1 and F5. */
	CHECK_STR(KEYS(&us, 0xe0, 0x1c, 0xe0, 0x35, 0x3b, 0x3f), "\r/\033OP\033[15~");
	/* Shift around an arrow: the fake shifts (E0 2A / E0 AA) do nothing. */
	CHECK_STR(KEYS(&us, 0xe0, 0x2a, 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0xaa, 0x1e), "\033[Aa");
	/* Pause's six bytes make nothing, and typing goes on. */
	CHECK_STR(KEYS(&us, 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5, 0x1e), "a");
	/* Errors from the keyboard are dropped. */
	CHECK_STR(KEYS(&us, 0x00, 0xff, 0x1e), "a");
}
