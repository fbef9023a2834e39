/* The screen terminals' server (see screensrv.h). */
#include "screensrv.h"
#include "serve.h"
#include <proto/input.h>
#include <proto/service.h>
#include <proto/stream.h>
#include <stdio.h>
#include <tern/program.h>

#define PAGE 4096u
#define SCREEN_SRV_BATCH 16             /* requests taken between two turns of the log */
#define SCREEN_SRV_REST_MS 10           /* the CPU left to others between turns, while behind */

/* Where the screen's reads are served from (pcserial/serve.h): the keyboard's ring. */
static size_t input_take(void *ctx, uint8_t *buf, size_t max)
{
	return ring_read(ctx, buf, max);
}

void screen_srv_log(struct screen_srv *s, const char *who, uint64_t klog, uint64_t note, uint64_t va)
{
	uint64_t info[6];
	int err = tern_invoke(klog, PAGE_INFO, 0, 0, 0, 0, info);
	if (!err)
		err = tern_page_map(klog, 0, va, RIGHT_READ);
	if (err) {
		printf("%s: no kernel log to show (%s)\n", who, tern_strerror(err));
		return;
	}
	const volatile struct klog_ring *r = (const volatile struct klog_ring *)va;
	if (!screenlog_start(&s->log, r, info[0] * PAGE - KLOG_HEADER))
		return;         /* console= keeps it off the screen (or no ring: nothing to show) */
	if ((err = tern_invoke(PROG_SELF, TASK_BIND_NOTE, note, 0, 0, 0, 0)))
		printf("%s: the kernel log shows late (its note: %s)\n", who, tern_strerror(err));
	s->ring = r;
}

/* One turn of the log: the next whole lines, above the line being typed. */
static void log_turn(struct screen_srv *s)
{
	char text[SCREENLOG_OUT];
	size_t n = screenlog_take(&s->log, s->ring, text);
	if (n) {
		screenlog_show(s->vt, text, n);
		s->drawn(s);
	}
}

/* Act on a request; true if m now holds the reply to send. */
static bool on_request(struct screen_srv *s, struct tern_msg *m, uint64_t input_badge)
{
	bool input = m->badge == input_badge;
	unsigned err = screen_in_check(m->info, m->mr[0], input);
	if (err) {
		m->info = MSG_INFO(err, 0, 0);
		return true;
	}
	uint8_t buf[STREAM_CHUNK];
	size_t n = m->mr[0];
	if (input) {
		msg_get_bytes(m, 1, buf, n);
		err = screen_in_push(&s->in, buf, n);
		intr_fire(&s->intr, s->in.intrs);
		s->in.intrs = 0;
		serve_answer(&s->in.readers, input_take, &s->in.in);
		m->info = MSG_INFO(err, 0, 0);
		return true;
	}
	switch (MSG_LABEL(m->info)) {
	case STREAM_WRITE:
		msg_get_bytes(m, 1, buf, n);
		s->write(s, buf, n);
		break;
	case STREAM_POLL:
		n = ring_count(&s->in.in) + s->in.readers.nback;  /* and bytes an answer to no one brought back (serve.c) */
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
		err = intr_request(&s->intr, m);
		s->in.intr = intr_on(&s->intr);
		if (err) {
			m->info = MSG_INFO(err, 0, 0);
			return true;
		}
		n = 0;
		break;
	case STREAM_READ:
		return serve_read(&s->in.readers, m, input_take, &s->in.in);
	default:
		m->info = MSG_INFO(E_BAD_SYSCALL, 0, 0);
		return true;
	}
	m->mr[0] = n;
	m->info = MSG_INFO(0, 1, 0);
	return true;
}

/* A message received: act on it; true if m now holds the reply to send. */
static bool on_message(struct screen_srv *s, struct tern_msg *m, uint64_t input_badge)
{
	bool reply = false;
	unsigned ncaps = MSG_NCAPS(m->info);
	if (m->info & MSG_FROM_NOTE) {
		/* the log grew: the loop shows it */
	} else if (service_client_gone(m)) {    /* a notice, not a call: no reply */
		intr_gone(&s->intr, m->mr[0]);
		s->in.intr = intr_on(&s->intr);
		serve_gone(&s->in.readers, m->mr[0], input_take, &s->in.in);
	} else {
		reply = on_request(s, m, input_badge);
	}
	intr_unused(ncaps);
	return reply;
}

void screen_srv_run(struct screen_srv *s, uint64_t ep, uint64_t input_badge)
{
	struct tern_msg m;
	bool reply = false;
	for (;;) {
		if (s->ring && screenlog_pending(&s->log, s->ring)) {
			if (reply)
				tern_reply(&m);
			reply = false;
			log_turn(s);
			/* Then what waits (a receive that does not block), a
			 * bounded number, so a chatty client cannot hold the log off. */
			for (int i = 0; i < SCREEN_SRV_BATCH; i++) {
				intr_arm();
				if (tern_nbrecv(ep, &m))
					break;
				if (on_message(s, &m, input_badge))
					tern_reply(&m);
			}
			/* Still behind: the rest of the machine gets the CPU for a
			 * while. We run above every program (a driver's priority), so
			 * turn after turn would starve them, the shell that wants to
			 * write on this very screen included. */
			if (screenlog_pending(&s->log, s->ring))
				tern_sleep_ms(SCREEN_SRV_REST_MS);
			continue;
		}
		intr_arm();
		int err = reply ? tern_reply_recv(ep, &m) : tern_recv(ep, &m);
		reply = !err && on_message(s, &m, input_badge);
	}
}
