/*
 * vgacon: the screen terminal in VGA text mode (80x25 at 0xB8000), serving
 * the same byte stream as a serial port (proto/stream.h) as service
 * "screen", so getty and sh run on it unchanged; its input is what a
 * keyboard driver pushes to "screen_input" (INPUT_PUSH, proto/input.h).
 * The server, the keyboard's input half and the kernel log's lines are
 * the screen terminals' shared code (userspace/lib/screen/screensrv.h);
 * what is ours is the drawing: kernel/lib/vgatext.c, the kernel's own
 * screen writer (the VT100 subset getty and sh use), over our mapping of
 * the memory, and the hardware cursor.
 *
 * It takes the screen over as the boot left it: the kernel's log stays and
 * the terminal goes on below it, from the hardware cursor. Mapping the
 * memory makes the kernel stop writing there (kernel/console.c); the log
 * lines that come after are ours to show, read from the kernel's log ring
 * (when console= puts the log on the screen), above the line being typed.
 * A panic takes the screen back: the kernel goes on from the hardware
 * cursor, where we leave it after each write.
 *
 * Without VGA text memory (a UEFI boot has none: init then refuses the
 * manifest and does not start us; or a mapping that fails) we say so and
 * exit with status 0, which init takes as "nothing to drive", not as a
 * crash to restart.
 */
#include "fwd.h"
#include "screensrv.h"
#include "term.h"
#include <stdio.h>
#include <tern/portio.h>
#include <tern/program.h>

#define EP              PROG_CAP(0)     /* "screen": everything arrives here */
#define EP_INPUT        PROG_CAP(1)     /* "screen_input", served by the forwarders */
#define MMIO            PROG_CAP(2)
#define CRTC            PROG_CAP(3)
#define KLOG            PROG_CAP(4)     /* the kernel log ring */
#define KLOG_NOTE       PROG_CAP(5)     /* signalled when it grows */
#define INPUT_BADGE     (1ull << 63)    /* init badges clients with program ids: never this */
#define VGA_PA          0xB8000ull
#define VGA_VA          0x40000000ull
#define KLOG_VA         0x40010000ull
#define CRTC_INDEX      0x3D4
#define CRTC_DATA       0x3D5

static struct term term;
static struct screen_srv srv;
static bool crtc;               /* we may move the hardware cursor */

static uint8_t crtc_get(uint8_t reg)
{
	outb(CRTC_INDEX, reg);
	return inb(CRTC_DATA);
}

static void crtc_put(uint8_t reg, uint8_t v)
{
	outb(CRTC_INDEX, reg);
	outb(CRTC_DATA, v);
}

static uint16_t cursor_get(void)
{
	if (!crtc)
		return 0xFFFF;  /* unknown: below the last line of text */
	return (uint16_t)(crtc_get(0x0E) << 8 | crtc_get(0x0F));
}

static void cursor_show(struct screen_srv *s)
{
	(void)s;
	if (!crtc)
		return;
	uint16_t pos = term_cursor(&term);
	crtc_put(0x0F, (uint8_t)pos);
	crtc_put(0x0E, (uint8_t)(pos >> 8));
	if (term.vt.hidden != term.hidden_set) {
		term.hidden_set = term.vt.hidden;
		uint8_t start = crtc_get(0x0A);     /* cursor start: bit 5 turns it off */
		crtc_put(0x0A, term.vt.hidden ? start | 0x20 : start & ~0x20);
	}
}

static void screen_write(struct screen_srv *s, const void *buf, size_t n)
{
	term_write(&term, buf, n);
	cursor_show(s);
}

int main(void)
{
	struct tern_capinfo ci;
	int err = tern_cap_identify(MMIO, &ci);
	if (!err && ci.type != CAP_MMIO)
		err = E_WRONG_TYPE;
	if (!err)
		err = tern_mmio_map(MMIO, 0, VGA_VA, VGA_PA, 1, RIGHT_READ | RIGHT_WRITE);
	if (err) {
		printf("vgacon: no VGA text memory (%s): nothing to drive\n", tern_strerror(err));
		return 0;
	}
	crtc = !tern_invoke(CRTC, IOPORT_ENABLE, 0, 0, 0, 0, 0);
	if ((err = fwd_start(EP_INPUT, EP, INPUT_BADGE)))
		printf("vgacon: no keyboard input (forwarders: %s)\n", tern_strerror(err));
	/* Logged after the kernel handed the screen over: the first log line we show. */
	printf("vgacon: 80x25 text at 0xB8000%s\n", crtc ? "" : ", no hardware cursor");
	term_init(&term, (volatile uint16_t *)VGA_VA, cursor_get());
	screen_in_init(&srv.in);
	srv.vt = &term.vt;
	srv.write = screen_write;
	srv.drawn = cursor_show;
	screen_srv_log(&srv, "vgacon", KLOG, KLOG_NOTE, KLOG_VA);
	screen_srv_run(&srv, EP, INPUT_BADGE);
}
