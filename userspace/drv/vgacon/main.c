/*
 * vgacon: the screen terminal in VGA text mode (80x25 at 0xB8000), serving
 * the same byte stream as a serial port (proto/stream.h) as service
 * "screen", so getty and sh run on it unchanged; its input is what a
 * keyboard driver pushes to "screen_input" (INPUT_PUSH, proto/input.h).
 *
 * It takes the screen over as the boot left it: the kernel's log stays and
 * the terminal goes on below it, from the hardware cursor. The kernel log
 * keeps drawing on the screen too (kernel/arch/x86_64/vga_text.c); the two
 * share the hardware cursor, each going on from where the other left it.
 * The drawing is kernel/lib/vgatext.c, the kernel's own screen writer (the
 * VT100 subset getty and sh use), here over our mapping of the memory.
 *
 * One thread, blocked in one receive on the screen's endpoint (slot 0).
 * Keyboard input reaches it from slot 1 through drv/pcserial's forwarders
 * (fwd.c), badged INPUT_BADGE, which no client has. Reads are served as
 * pcserial serves a port (readers.h: one owner at a time, a waiting read's
 * reply saved and answered when input arrives, a client's reads dropped
 * when init says it is gone). A push that does not fit the input ring is
 * answered E_BUSY and dropped whole.
 *
 * The rest of the stream protocol as pcserial serves it: STREAM_CLOSE is
 * answered 0 and changes nothing, STREAM_INFO says "terminal", and
 * STREAM_INTR registers the screen's ^C note (pcserial/intr.h): a 0x03
 * pushed by the keyboard is then signalled, not queued (term.h). Output
 * needs no "\n" to "\r\n" translation here: the screen writer's "\n"
 * already returns to the first column.
 *
 * Without VGA text memory (a UEFI boot has none: init then refuses the
 * manifest and does not start us; or a mapping that fails) we say so and
 * exit with status 0, which init takes as "nothing to drive", not as a
 * crash to restart.
 */
#include "fwd.h"
#include "intr.h"
#include "serve.h"
#include "term.h"
#include <proto/input.h>
#include <proto/service.h>
#include <proto/stream.h>
#include <stdio.h>
#include <tern/portio.h>
#include <tern/program.h>

#define EP              PROG_CAP(0)     /* "screen": everything arrives here */
#define EP_INPUT        PROG_CAP(1)     /* "screen_input", served by the forwarders */
#define MMIO            PROG_CAP(2)
#define CRTC            PROG_CAP(3)
#define INPUT_BADGE     (1ull << 63)    /* init badges clients with program ids: never this */
#define VGA_PA          0xB8000ull
#define VGA_VA          0x40000000ull
#define CRTC_INDEX      0x3D4
#define CRTC_DATA       0x3D5

static struct term term;
static struct intr intr;        /* the screen's ^C note */
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

static void cursor_show(void)
{
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
	unsigned err = term_check(m->info, m->mr[0], input);
	if (err) {
		m->info = MSG_INFO(err, 0, 0);
		return true;
	}
	uint8_t buf[STREAM_CHUNK];
	size_t n = m->mr[0];
	if (input) {
		msg_get_bytes(m, 1, buf, n);
		err = term_push(&term, buf, n);
		intr_fire(&intr, term.intrs);
		term.intrs = 0;
		answer_owner();
		m->info = MSG_INFO(err, 0, 0);
		return true;
	}
	switch (MSG_LABEL(m->info)) {
	case STREAM_WRITE:
		msg_get_bytes(m, 1, buf, n);
		term_follow(&term, cursor_get());
		term_write(&term, buf, n);
		cursor_show();
		break;
	case STREAM_POLL:
		n = ring_count(&term.in) + term.readers.nback;
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
	}
	m->mr[0] = n;
	m->info = MSG_INFO(0, 1, 0);
	return true;
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
	/* Said before taking the screen over, so the line is part of the log kept. */
	printf("vgacon: 80x25 text at 0xB8000%s\n", crtc ? "" : ", no hardware cursor");
	term_init(&term, (volatile uint16_t *)VGA_VA, cursor_get());

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
