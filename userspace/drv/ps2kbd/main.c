/*
 * ps2kbd: the PS/2 keyboard. It owns only the controller's two ports and
 * IRQ 1; each key press becomes the bytes a terminal sends (scancode.c,
 * with the layout of /etc/keymaps/NAME.map), pushed to the terminal it
 * types into (proto/input.h; manifest slot 0, the screen terminal). It
 * serves nobody, so a restart by init loses at most the key being typed.
 *
 * Usage (etc/init.conf): start /drv/ps2kbd [LAYOUT]   (default us)
 * A machine without a controller gets one line saying so; the driver then
 * sleeps instead of ending, so init does not restart it again and again.
 */
#include "i8042.h"
#include "scancode.h"
#include <proto/fs.h>
#include <proto/input.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define KBD_TERMINAL    PROG_CAP(0)     /* service=screen_input */
#define KBD_PORTS       PROG_CAP(1)     /* 0x60..0x64 */
#define KBD_NOTE        PROG_CAP(2)
#define KBD_IRQ         PROG_CAP(3)     /* IRQ 1, signals the note */
#define KBD_FS          PROG_CAP(4)

static struct keymap layout;

static int load_layout(const char *name)
{
	static char text[8192];
	char path[64];
	snprintf(path, sizeof(path), "/etc/keymaps/%s.map", name);
	long h = fs_open(KBD_FS, path, 0), n = 0, got;
	if (h < 0) {
		printf("ps2kbd: no layout %s (%s)\n", path, tern_strerror((int)-h));
		return -1;
	}
	while (n < (long)sizeof(text) &&
	       (got = fs_read_at(KBD_FS, (uint64_t)h, (uint64_t)n, text + n, sizeof(text) - (size_t)n)) > 0)
		n += got;
	fs_close(KBD_FS, (uint64_t)h);
	int bad = keymap_parse(&layout, text, (size_t)n);
	if (bad) {
		printf("ps2kbd: %s:%d: not a key line (CODE PLAIN [SHIFT [ALTGR]])\n", path, bad);
		return -1;
	}
	return 0;
}

static void push(const char *bytes, int n)
{
	struct tern_msg m = { .mr = { (uint64_t)n } };
	m.info = MSG_INFO(INPUT_PUSH, msg_put_bytes(&m, 1, bytes, (size_t)n), 0);
	int err = tern_call(KBD_TERMINAL, &m);
	if (err)
		return;         /* the terminal is restarting: the key is lost, typing goes on */
}

static void sleep_forever(void)
{
	for (;;)
		tern_sleep_ms(3600 * 1000);
}

int main(void)
{
	const char *argv[4];
	int argc = prog_args(argv, 4);
	const char *name = argc > 1 ? argv[1] : "us";
	if (load_layout(name) && (!strcmp(name, "us") || load_layout("us")))
		sleep_forever();
	if (tern_invoke(KBD_PORTS, IOPORT_ENABLE, 0, 0, 0, 0, 0)) {
		printf("ps2kbd: no access to ports 0x60-0x64\n");
		return 1;
	}
	if (!i8042_init())
		sleep_forever();
	tern_invoke(KBD_IRQ, IRQ_ACK, 0, 0, 0, 0, 0);
	printf("ps2kbd: keyboard on IRQ 1, layout %s\n", name);

	struct scan_state state = { 0 };
	for (;;) {
		uint64_t bits;
		if (tern_wait(KBD_NOTE, &bits))
			continue;
		char out[INPUT_CHUNK];
		int n = 0;
		uint8_t b;
		while (i8042_read(&b)) {
			char one[SCAN_OUT_MAX];
			int k = scan_feed(&state, &layout, b, one);
			if (n + k > INPUT_CHUNK) {
				push(out, n);
				n = 0;
			}
			memcpy(out + n, one, (size_t)k);
			n += k;
		}
		tern_invoke(KBD_IRQ, IRQ_ACK, 0, 0, 0, 0, 0);
		if (n)
			push(out, n);
	}
}
