/*
 * From PS/2 scancodes to the bytes a terminal sends. The i8042 translates
 * the keyboard's set 2 into set 1, so this reads set 1: a make code per
 * key press, the same | 0x80 on release, 0xE0 before the extended keys,
 * and 0xE1 before Pause's six bytes. Output is what a VT100-style
 * terminal sends, which getty and sh's line editor understand: characters
 * of the layout (keymap.h) in UTF-8, CR for Enter, DEL for Backspace,
 * ESC [ A..D for the arrows, ESC [ H / ESC [ F for Home and End,
 * ESC [ 3 ~ for Delete (2 ~ Insert, 5 ~ / 6 ~ Page Up/Down), ESC O P..S
 * and ESC [ 15 ~ .. for F1-F12, Ctrl+key as the control character,
 * Alt+key as ESC then the key. Shift, Ctrl, Alt, AltGr (right Alt) and
 * Caps Lock are tracked here. Pure code: ci/unit/test_ps2kbd.c.
 */
#pragma once
#include "keymap.h"

#define SCAN_OUT_MAX 8

struct scan_state {
	uint8_t prefix;                 /* 0, 0xE0, or Pause's bytes still to skip (1..5) */
	uint8_t lshift, rshift, lctrl, rctrl, alt, altgr, caps;
};

/* Feed one byte from the keyboard; returns how many bytes went to out (0..SCAN_OUT_MAX). */
int scan_feed(struct scan_state *s, const struct keymap *m, uint8_t byte, char out[SCAN_OUT_MAX]);
