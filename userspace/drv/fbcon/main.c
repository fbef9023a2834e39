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
 * Kernel and program log lines written after that are on the serial
 * console only.
 *
 * Drawing costs what changed: fbtext shadows the cells the framebuffer
 * shows and draws only those that differ after each write, and the lines
 * a write scrolled move as one copy of pixel rows.
 *
 * One thread, blocked in one receive on the screen's endpoint (slot 0).
 * Keyboard input reaches it from slot 1 through drv/pcserial's forwarders
 * (fwd.c), badged INPUT_BADGE, which no client has. Reads are served as
 * pcserial serves a port (readers.h). A push that does not fit the input
 * ring is answered E_BUSY and dropped whole. The rest of the stream
 * protocol as vgacon serves it: STREAM_CLOSE is answered 0 and changes
 * nothing, STREAM_INFO says "terminal" named "screen", STREAM_INTR registers the
 * screen's ^C note (pcserial/intr.h); no "\n" to "\r\n" translation (the
 * screen writer's "\n" returns to the first column).
 *
 * Without a framebuffer we can draw on (init gave none, a format other
 * than 32-bit RGBX/BGRX, a mapping that fails) we say so and exit with
 * status 0, which init takes as "nothing to drive", not as a crash to
 * restart. (On a BIOS boot init holds no framebuffer and refuses our
 * manifest before we run: reported, the boot goes on.)
 */
#include "fbterm.h"
#include "fwd.h"
#include "intr.h"
#include "serve.h"
#include "term.h"
#include <proto/input.h>
#include <proto/service.h>
#include <proto/stream.h>
#include <stdio.h>
#include <tern/program.h>

#define EP              PROG_CAP(0)     /* "screen": everything arrives here */
#define EP_INPUT        PROG_CAP(1)     /* "screen_input", served by the forwarders */
#define MMIO            PROG_CAP(2)     /* the boot framebuffer */
#define INPUT_BADGE     (1ull << 63)    /* init badges clients with program ids: never this */
#define FB_VA           0x40000000ull   /* up to MMIO_MAP_MAX pages (64 MiB) from here */

static struct fbterm term;
static struct intr intr;        /* the screen's ^C note */

/* Where the screen's reads are served from (pcserial/serve.h): the keyboard's ring. */
static size_t input_take(void *ctx, uint8_t *buf, size_t max)
{
	return ring_read(ctx, buf, max);
}

static void answer_owner(void)
{
	serve_answer(&term.readers, input_take, &term.in);
}

/* Act on a request; true if m now holds the reply to send. */
static bool on_request(struct tern_msg *m)
{
	bool input = m->badge == INPUT_BADGE;
	unsigned err = term_check(m->info, m->mr[0], input);       /* vgacon's checks: the same protocol */
	if (err) {
		m->info = MSG_INFO(err, 0, 0);
		return true;
	}
	uint8_t buf[STREAM_CHUNK];
	size_t n = m->mr[0];
	if (input) {
		msg_get_bytes(m, 1, buf, n);
		err = fbterm_push(&term, buf, n);
		intr_fire(&intr, term.intrs);
		term.intrs = 0;
		answer_owner();
		m->info = MSG_INFO(err, 0, 0);
		return true;
	}
	switch (MSG_LABEL(m->info)) {
	case STREAM_WRITE:
		msg_get_bytes(m, 1, buf, n);
		fbterm_write(&term, buf, n);
		break;
	case STREAM_POLL:
		n = ring_count(&term.in) + term.readers.nback;  /* and bytes an answer to no one brought back (serve.c) */
		break;
	case STREAM_CLOSE:
		n = 0;
		break;
	case STREAM_INFO:
		m->mr[0] = STREAM_KIND_TERMINAL;
		m->mr[1] = stream_name_word("screen");
		m->info = MSG_INFO(0, 2, 0);
		return true;
	case STREAM_INTR:
		err = intr_request(&intr, m);
		term.intr = intr_on(&intr);
		if (err) {
			m->info = MSG_INFO(err, 0, 0);
			return true;
		}
		n = 0;
		break;
	case STREAM_READ:
		return serve_read(&term.readers, m, input_take, &term.in);
	default:
		m->info = MSG_INFO(E_BAD_SYSCALL, 0, 0);
		return true;
	}
	m->mr[0] = n;
	m->info = MSG_INFO(0, 1, 0);
	return true;
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

	struct tern_msg m;
	bool reply = false;
	for (;;) {
		intr_arm();
		err = reply ? tern_reply_recv(EP, &m) : tern_recv(EP, &m);
		reply = false;
		if (err)
			continue;
		unsigned ncaps = MSG_NCAPS(m.info);
		if (service_client_gone(&m)) {  /* a notice, not a call: no reply */
			intr_gone(&intr, m.mr[0]);
			term.intr = intr_on(&intr);
			serve_gone(&term.readers, m.mr[0], input_take, &term.in);
		} else if (!(m.info & MSG_FROM_NOTE)) {
			reply = on_request(&m);
		}
		intr_unused(ncaps);
	}
}
