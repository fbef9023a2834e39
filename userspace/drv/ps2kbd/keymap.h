/*
 * Keyboard layouts as data: which character each key makes, plain, with
 * Shift and with AltGr, read from a text file (/etc/keymaps/NAME.map,
 * chosen by keymap=NAME on the kernel command line). Keys that are the
 * same on every layout (Esc, Enter, arrows, ...) are not in the file:
 * scancode.c knows them. Pure code, unit-tested on the host with the real
 * map files (ci/unit/test_ps2kbd.c).
 *
 * Format: one key per line, "CODE PLAIN [SHIFT [ALTGR]]"; CODE is the
 * key's set-1 make code in hex (0x10 for Q); each character is written as
 * itself (UTF-8, one character), or "space", or "minus" (the character
 * '-'), or "-" for none. Lines whose
 * first non-blank character is '#' are comments ('#' elsewhere is a key).
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define KEYMAP_KEYS 128
#define KEYMAP_CHAR 5                   /* one UTF-8 character and its NUL */

enum { KEYMAP_PLAIN, KEYMAP_SHIFT, KEYMAP_ALTGR, KEYMAP_LEVELS };

struct keymap {
	char ch[KEYMAP_KEYS][KEYMAP_LEVELS][KEYMAP_CHAR];
};

/* Parse text into *m. 0, or the number of the first bad line (with *m partly filled). */
int keymap_parse(struct keymap *m, const char *text, size_t len);
/* Caps Lock turns this key's plain character into its shifted one (letters). */
int keymap_is_letter(const struct keymap *m, unsigned code);
