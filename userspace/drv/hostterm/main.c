/*
 * hostterm: the host terminal of PLATFORM=linux (docs/hosted.md) as the
 * "serial" stream service (proto/stream.h), so that getty and sh run on
 * tern-linux's own terminal unchanged. It is drv/pcserial's COM1 with the
 * UART replaced: pcserial's port.c (ring, flow control, ^C), readers.c,
 * serve.c, request.c, intr.c and crlf.c are linked as they are, over
 * uart.c here (the host calls of hosted/hostterm.h). Same rules as
 * pcserial: one owner reads at a time, ^C goes to the top of the note
 * stack, "\n" is sent as "\r\n", STREAM_CLOSE changes nothing, STREAM_INFO
 * says terminal "serial".
 *
 * The device is what init gives from the manifest: the terminal's page
 * (slot 2; mapping it is what makes us its holder) and its interrupt line
 * (slot 4, "standard input has something", bound to the note in slot 3).
 * The line is acknowledged only when port.c is not holding (its ring is
 * full: the bytes wait in the host's input, as in a UART's FIFO) and
 * input has not ended; a read that makes room acknowledges it.
 */
#include "crlf.h"
#include "hostterm.h"
#include "intr.h"
#include "port.h"
#include "request.h"
#include "serve.h"
#include "../../../platform/linux/include/hosted/hostterm.h"
#include <proto/service.h>
#include <proto/stream.h>
#include <stdio.h>
#include <tern/program.h>

#define EP      PROG_CAP(0)
#define MMIO    PROG_CAP(2)
#define NOTE    PROG_CAP(3)
#define IRQ     PROG_CAP(4)
#define TERM_VA 0x50000000ull   /* where the terminal's page is mapped (it holds nothing) */

static struct port port;
static struct intr intr;
static bool last_cr;
static bool masked = true;      /* the line fired and is not acknowledged yet */

/* Acknowledge the line once port.c takes bytes again (see above). */
static void unmask(void)
{
	if (masked && !port.held && !hostterm_eof) {
		masked = false;
		tern_invoke(IRQ, IRQ_ACK, 0, 0, 0, 0, 0);
	}
}

static size_t take(void *ctx, uint8_t *buf, size_t max)
{
	size_t n = port_read(ctx, buf, max);
	unmask();
	return n;
}

/* ^Cs port_rx set aside become signals; new bytes go to a waiting owner.
 * This sends, so it runs before a reply is put into the IPC buffer. */
static void deliver(void)
{
	intr_fire(&intr, port.intrs);
	port.intrs = 0;
	port.intr = intr_on(&intr);
	serve_answer(&port.readers, take, &port);
}

/* Act on a request; true if m now holds the reply to send. */
static bool on_request(struct tern_msg *m)
{
	unsigned err = stream_request_check(m->info, m->mr[0]);
	if (err) {
		m->info = MSG_INFO(err, 0, 0);
		return true;
	}
	uint8_t buf[STREAM_CHUNK], out[2 * STREAM_CHUNK];
	size_t n = m->mr[0];
	switch (MSG_LABEL(m->info)) {
	case STREAM_WRITE: {
		msg_get_bytes(m, 1, buf, n);
		size_t k = crlf_expand(&last_cr, buf, n, out);
		if (port_write(&port, out, k) < k)
			n = 0;
		hostterm_flush();
		deliver();
		break;
	}
	case STREAM_CLOSE:
		n = 0;
		break;
	case STREAM_INFO:
		m->mr[0] = STREAM_KIND_TERMINAL;
		m->mr[1] = stream_name_word("serial");
		m->info = MSG_INFO(0, 2, 0);
		return true;
	case STREAM_INTR:
		err = intr_request(&intr, m);
		port.intr = intr_on(&intr);
		if (err) {
			m->info = MSG_INFO(err, 0, 0);
			return true;
		}
		n = 0;
		break;
	case STREAM_POLL:
		port_rx(&port);
		n = ring_count(&port.rx) + port.readers.nback;
		break;
	case STREAM_READ:
		return serve_read(&port.readers, m, take, &port);
	}
	m->mr[0] = n;
	m->info = MSG_INFO(0, 1, 0);
	return true;
}

int main(void)
{
	int err = tern_invoke(PROG_SELF, TASK_BIND_NOTE, NOTE, 0, 0, 0, 0);
	if (!err)
		err = tern_invoke(MMIO, MMIO_MAP, 0, TERM_VA, HOSTTERM_PA | RIGHT_READ | RIGHT_WRITE, 1, 0);
	if (err) {
		printf("hostterm: cannot take the host terminal: %s\n", tern_strerror(err));
		return 1;
	}
	port_init(&port, 0);
	if (!port.present) {
		printf("hostterm: the host terminal does not answer\n");
		return 1;
	}
	port_rx(&port);         /* what was typed before us (or before a restart) */
	unmask();
	printf("hostterm: host terminal on line %u\n", HOSTTERM_IRQ);

	struct tern_msg m;
	bool reply = false;
	for (;;) {
		intr_arm();
		err = reply ? tern_reply_recv(EP, &m) : tern_recv(EP, &m);
		reply = false;
		if (err)
			continue;
		unsigned ncaps = MSG_NCAPS(m.info);
		if (m.info & MSG_FROM_NOTE) {
			masked = true;
			port_rx(&port);
			unmask();
			deliver();
		} else if (service_client_gone(&m)) {
			intr_gone(&intr, m.mr[0]);      /* a notice, not a call: no reply */
			serve_gone(&port.readers, m.mr[0], take, &port);
		} else {
			reply = on_request(&m);
		}
		intr_unused(ncaps);
		deliver();
	}
}
