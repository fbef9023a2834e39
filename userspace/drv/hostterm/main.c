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
 * (slot 2; mapping it is what makes us its holder) and its interrupt line
 * (slot 4, "standard input has something", bound to the note in slot 3).
 * The line is acknowledged only when port.c is not holding (its ring is
 * full: the bytes wait in the host's input, as in a UART's FIFO) and
 * input has not ended; after a read that made room we acknowledge it.
 */
#include "hostterm.h"
#include "portsrv.h"
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
static struct port_srv srv = { .port = &port, .name = "serial" };
static bool masked = true;      /* the line fired and is not acknowledged yet */

/* Acknowledge the line once port.c takes bytes again (see above). */
static void unmask(void)
{
	if (masked && !port.held && !hostterm_eof) {
		masked = false;
		tern_invoke(IRQ, IRQ_ACK, 0, 0, 0, 0, 0);
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
			intr_gone(&srv.intr, m.mr[0]);  /* a notice, not a call: no reply */
			serve_gone(&port.readers, m.mr[0], port_take, &port);
		} else {
			reply = port_request(&srv, &m);
		}
		intr_unused(ncaps);
		hostterm_flush();       /* what a write collected, before its reply */
		deliver();
		unmask();               /* a read may have made room */
	}
}
