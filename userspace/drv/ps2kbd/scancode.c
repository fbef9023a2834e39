/* Scancodes to terminal bytes (scancode.h). */
#include "scancode.h"
#include <string.h>

enum {
	SC_ESC = 0x01, SC_BACKSPACE = 0x0E, SC_TAB = 0x0F, SC_ENTER = 0x1C, SC_CTRL = 0x1D,
	SC_LSHIFT = 0x2A, SC_RSHIFT = 0x36, SC_ALT = 0x38, SC_SPACE = 0x39,
	SC_CAPS = 0x3A, SC_F1 = 0x3B, SC_F10 = 0x44, SC_F11 = 0x57, SC_F12 = 0x58,
	SC_KP_SLASH = 0x35,             /* with 0xE0 */
	PAUSE_BYTES = 5,                /* after 0xE1: 1D 45 E1 9D C5 */
};

/*
 * Keys whose bytes do not depend on the layout: the editing block (also
 * the keypad's, with Num Lock off, which is how the keyboard starts).
 */
static const char *fixed_key(uint8_t code)
{
	switch (code) {
	case 0x47: return "\033[H";     /* Home */
	case 0x48: return "\033[A";     /* Up */
	case 0x49: return "\033[5~";    /* Page Up */
	case 0x4B: return "\033[D";     /* Left */
	case 0x4D: return "\033[C";     /* Right */
	case 0x4F: return "\033[F";     /* End */
	case 0x50: return "\033[B";     /* Down */
	case 0x51: return "\033[6~";    /* Page Down */
	case 0x52: return "\033[2~";    /* Insert */
	case 0x53: return "\033[3~";    /* Delete */
	default: return 0;
	}
}

static const char *function_key(uint8_t code)
{
	static const char *const f[] = {
		"\033OP", "\033OQ", "\033OR", "\033OS", "\033[15~", "\033[17~",
		"\033[18~", "\033[19~", "\033[20~", "\033[21~",
	};
	if (code >= SC_F1 && code <= SC_F10)
		return f[code - SC_F1];
	return code == SC_F11 ? "\033[23~" : code == SC_F12 ? "\033[24~" : 0;
}

static int put(char out[SCAN_OUT_MAX], int n, const char *s)
{
	size_t l = strlen(s);
	if (n + l > SCAN_OUT_MAX)
		return n;
	memcpy(out + n, s, l);
	return n + (int)l;
}

/* A modifier key: update the state; 1 if it was one. */
static int modifier(struct scan_state *s, uint8_t code, int e0, int down)
{
	switch (code) {
	case SC_LSHIFT: if (!e0) s->lshift = (uint8_t)down; return 1;   /* e0: fake shift */
	case SC_RSHIFT: if (!e0) s->rshift = (uint8_t)down; return 1;
	case SC_CTRL: if (e0) s->rctrl = (uint8_t)down; else s->lctrl = (uint8_t)down; return 1;
	case SC_ALT: if (e0) s->altgr = (uint8_t)down; else s->alt = (uint8_t)down; return 1;
	case SC_CAPS: if (down) s->caps ^= 1; return 1;
	default: return 0;
	}
}

/* The layout's character for a key, with Shift, AltGr and Caps Lock applied. */
static const char *layout_char(const struct scan_state *s, const struct keymap *m, uint8_t code)
{
	int shift = s->lshift || s->rshift;
	if (s->altgr)
		return m->ch[code][KEYMAP_ALTGR];
	if (s->caps && keymap_is_letter(m, code))
		shift = !shift;
	return m->ch[code][shift ? KEYMAP_SHIFT : KEYMAP_PLAIN];
}

static int key_down(struct scan_state *s, const struct keymap *m, uint8_t code, int e0, char *out)
{
	const char *fixed = fixed_key(code);
	int ctrl = s->lctrl || s->rctrl, n = 0;
	if (fixed)
		return put(out, 0, fixed);
	if (e0)
		return code == SC_ENTER ? put(out, 0, "\r") : code == SC_KP_SLASH ? put(out, 0, "/") : 0;
	if ((fixed = function_key(code)))
		return put(out, 0, fixed);
	if (s->alt)
		n = put(out, n, "\033");        /* Meta: ESC prefix */
	switch (code) {
	case SC_ESC: return put(out, n, "\033");
	case SC_BACKSPACE: return put(out, n, "\177");
	case SC_TAB: return put(out, n, "\t");
	case SC_ENTER: return put(out, n, "\r");
	case SC_SPACE:
		out[n] = ctrl ? '\0' : ' ';    /* Ctrl+Space is NUL, as on a terminal */
		return n + 1;
	}
	const char *c = layout_char(s, m, code);
	if (!c[0])
		return 0;
	if (ctrl && !c[1]) {
		char k = c[0];
		if (k >= 'a' && k <= 'z')
			k = (char)(k - 'a' + 'A');
		if (k >= '@' && k <= '_') {
			out[n] = (char)(k & 0x1F);
			return n + 1;
		}
		if (k == '?') {
			out[n] = 0x7F;
			return n + 1;
		}
	}
	return put(out, n, c);
}

int scan_feed(struct scan_state *s, const struct keymap *m, uint8_t byte, char out[SCAN_OUT_MAX])
{
	if (s->prefix && s->prefix <= PAUSE_BYTES) {
		s->prefix--;                    /* inside Pause's sequence */
		return 0;
	}
	if (byte == 0xE0) {
		s->prefix = 0xE0;
		return 0;
	}
	if (byte == 0xE1) {
		s->prefix = PAUSE_BYTES;
		return 0;
	}
	int e0 = s->prefix == 0xE0;
	s->prefix = 0;
	if (byte == 0x00 || byte == 0xFF)
		return 0;                       /* key detection error, buffer overrun */
	uint8_t code = byte & 0x7F;
	int down = !(byte & 0x80);
	if (modifier(s, code, e0, down) || !down)
		return 0;
	return key_down(s, m, code, e0, out);
}
