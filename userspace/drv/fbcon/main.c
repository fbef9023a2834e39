/*
 * fbcon: the screen terminal on a linear framebuffer (the UEFI GOP
 * framebuffer the loader set up, where there is no VGA text mode),
 * serving the same byte stream as a serial port (proto/stream.h) as
 * service "screen", so getty and sh run on it unchanged; its input is what
 * a keyboard driver pushes to "screen_input" (INPUT_PUSH, proto/input.h).
 * It is drv/vgacon for framebuffers: the same services, the same reading
 * rules, the same VT100 subset (the kernel's vgatext.c, drawn into pixels
 * by the kernel's fbtext.c with the build's Terminus 8x16 font).
 *
 * The screen changes hands here. The kernel draws its log on the
 * framebuffer from the first line; when we map the framebuffer writable
 * it stops (kernel/console.c: two writers of one set of pixels would
 * scroll each other's lines away), says so in a last line, and goes on
 * keeping its text, which it draws again if it panics. We keep what it
 * drew: the rows in use (the last one that is not black) stay as pixels
 * and the terminal goes on below them, scrolling them up with the rest.
 * Kernel and program log lines written after that are ours to show, read
 * from the kernel's log ring (when console= puts the log on the screen),
 * as whole lines above the line being typed.
 *
 * Drawing costs what changed: fbtext shadows the cells the framebuffer
 * shows and draws only those that differ after each write, and the lines
 * a write scrolled move as one copy of pixel rows.
 *
 * The server, the keyboard's input half and the log's lines are the
 * screen terminals' shared code (userspace/lib/screen/screensrv.h: one
 * thread, the stream protocol as vgacon serves it, input from
 * "screen_input" through drv/pcserial's forwarders); the drawing is ours.
 *
 * Without a framebuffer we can draw on (init gave none, a format other
 * than 32-bit RGBX/BGRX, a mapping that fails) we say so and exit with
 * status 0, which init takes as "nothing to drive", not as a crash to
 * restart. (On a BIOS boot init holds no framebuffer and refuses our
 * manifest before we run: reported, the boot goes on.)
 */
#include "fbterm.h"
#include "fwd.h"
#include "screensrv.h"
#include <stdio.h>
#include <tern/program.h>

#define EP              PROG_CAP(0)     /* "screen": everything arrives here */
#define EP_INPUT        PROG_CAP(1)     /* "screen_input", served by the forwarders */
#define MMIO            PROG_CAP(2)     /* the boot framebuffer */
#define KLOG            PROG_CAP(3)     /* the kernel log ring */
#define KLOG_NOTE       PROG_CAP(4)     /* signalled when it grows */
#define INPUT_BADGE     (1ull << 63)    /* init badges clients with program ids: never this */
#define FB_VA           0x40000000ull   /* up to MMIO_MAP_MAX pages (64 MiB) from here */
#define KLOG_VA         0x3F000000ull   /* below the framebuffer's 64 MiB */

static struct fbterm term;
static struct screen_srv srv;

static void screen_write(struct screen_srv *s, const void *buf, size_t n)
{
	(void)s;
	fbterm_write(&term, buf, n);
}

static void screen_drawn(struct screen_srv *s)
{
	(void)s;
	fbtext_draw(&term.text);
}

int main(void)
{
	const struct prog_fb *pf = &prog_info->fb;
	struct fbterm_fb fb = { pf->base, pf->size, pf->width, pf->height, pf->pitch, pf->format };
	struct fbterm_map map;
	const char *why = fbterm_check_fb(&fb, MMIO_MAP_MAX, &map);
	struct tern_capinfo ci;
	int err = 0;
	if (!why && ((err = tern_cap_identify(MMIO, &ci)) || ci.type != CAP_MMIO))
		why = "no framebuffer capability";
	if (why) {
		printf("fbcon: %s: nothing to drive\n", why);
		return 0;
	}
	if ((err = fwd_start(EP_INPUT, EP, INPUT_BADGE)))
		printf("fbcon: no keyboard input (forwarders: %s)\n", tern_strerror(err));
	/* Said before taking the screen over, so the line is part of what stays. */
	printf("fbcon: %ux%u framebuffer at %lx: %ux%u text\n", fb.width, fb.height, fb.base,
	       fb.width / FBTEXT_CW, fb.height / FBTEXT_CH);
	err = tern_mmio_map(MMIO, 0, FB_VA, map.first, map.pages, RIGHT_READ | RIGHT_WRITE | MMIO_WC);
	if (err) {
		printf("fbcon: cannot map the framebuffer (%s): nothing to drive\n", tern_strerror(err));
		return 0;
	}
	volatile uint8_t *pixels = (volatile uint8_t *)(FB_VA + map.offset);
	fbterm_init(&term, pixels, &fb, fbtext_rows_used(pixels, fb.width, fb.height, fb.pitch));
	fbtext_draw(&term.text);        /* the cursor */

	screen_in_init(&srv.in);
	srv.vt = &term.text.vt;
	srv.write = screen_write;
	srv.drawn = screen_drawn;
	screen_srv_log(&srv, "fbcon", KLOG, KLOG_NOTE, KLOG_VA);
	screen_srv_run(&srv, EP, INPUT_BADGE);
}
