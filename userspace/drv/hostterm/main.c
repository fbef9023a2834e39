/*
 * hostterm: the host terminal of PLATFORM=linux (docs/hosted.md) as the
 * "serial" stream service (proto/stream.h), so that getty and sh run on
 * tern-linux's own terminal unchanged. It is drv/pcserial's COM1 with the
 * UART replaced: pcserial's port.c (ring, flow control, ^C), portsrv.c
 * (the requests), readers.c, serve.c, request.c, intr.c and crlf.c are
 * linked as they are, over uart.c here (the host calls of hosted/hostterm.h). Same rules as
 * pcserial: one owner reads at a time, ^C goes to the top of the note
 * stack, "\n" is sent as "\r\n", STREAM_CLOSE changes nothing, STREAM_INFO
 * says terminal "serial".
 *
 * The device is what init gives from the manifest: the terminal's page
 * (slot 2; mapping it is what makes us its holder) and the note the
 * kernel signals when standard input has something (slot 3, `note =
 * hostin`: PLATFORM=linux has no interrupt lines). We arm the page's word
 * (hosted/hostterm.h) only when port.c is not holding (its ring is full:
 * the bytes wait in the host's input, as in a UART's FIFO) and input has
 * not ended; after a read that made room we arm it again. This is the
 * flow control the masked interrupt line gave, with the word in place of
 * IRQ_ACK.
 *
 * The end of standard input (a pipe or file drained, the pty closed) is
 * passed on, unlike a UART's: once every byte of it was read, every read
 * is answered with end of stream (n = 0), so the shell ends as at ^D, and
 * tern hosted can end with its input (docs/hosted.md).
 */
#include "hostterm.h"
#include "portsrv.h"
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
#define TERM_VA 0x50000000ull   /* where the terminal's page is mapped */

static struct port port;
static struct port_srv srv = { .port = &port, .name = "serial" };
static struct hostterm_page *const term = (struct hostterm_page *)TERM_VA;
static bool armed;              /* we set the word and the note has not come yet */

/* Arm the terminal once port.c takes bytes again (see above). The
 * kernel reads the word when it next waits, which our next system call
 * (the receive below) is. */
static void arm(void)
{
	if (!armed && !port.held && !hostterm_eof) {
		armed = true;
		term->armed = 1;
	}
}

/* Input has ended and nothing of it is left to read. */
static bool ended(void)
{
	return hostterm_eof && !port.held && !ring_count(&port.rx) && !port.readers.nback;
}

/* Answer every waiting read with end of stream, once input has ended. */
static void end_reads(void)
{
	for (unsigned i = 0; ended() && port.readers.n && i < READERS_MAX; i++) {
		uint64_t reply = readers_take(&port.readers, port.readers.wait[0].badge);
		if (!reply)
			continue;       /* being replaced: its new read is answered below */
		struct tern_msg m = { .info = MSG_INFO(0, 1, 0), .mr = { 0 } };
		tern_send(reply, &m);
		slot_free(reply);
	}
}

/* ^Cs port_rx set aside become signals; new bytes go to a waiting owner.
 * This sends, so it runs before a reply is put into the IPC buffer. */
static void deliver(void)
{
	intr_fire(&srv.intr, port.intrs);
	port.intrs = 0;
	port.intr = intr_on(&srv.intr);
	serve_answer(&port.readers, port_take, &port);
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
	arm();
	printf("hostterm: host terminal, woken by its note\n");

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
			armed = false;  /* the kernel cleared the word as it signalled */
			port_rx(&port);
			arm();
			deliver();
		} else if (service_client_gone(&m)) {
			intr_gone(&srv.intr, m.mr[0]);  /* a notice, not a call: no reply */
			serve_gone(&port.readers, m.mr[0], port_take, &port);
		} else if (MSG_LABEL(m.info) == STREAM_READ && ended() && !stream_request_check(m.info, m.mr[0])) {
			m.mr[0] = 0;    /* end of stream, whoever asks */
			m.info = MSG_INFO(0, 1, 0);
			reply = true;
		} else {
			reply = port_request(&srv, &m);
		}
		intr_unused(ncaps);
		hostterm_flush();       /* what a write collected, before its reply */
		deliver();
		end_reads();
		arm();                  /* a read may have made room */
	}
}
