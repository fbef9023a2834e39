/*
 * pcserial: the 16550 UART driver for COM1 (service "serial", the console)
 * and COM2 ("serial1"), serving each as a byte stream (proto/stream.h).
 *
 * One thread does it all, blocked in one receive on COM1's endpoint
 * (manifest slot 0). COM2's calls reach the same receive through the
 * forwarders of fwd.c, badged COM2_BADGE; interrupts reach it through the
 * note bound to us (MSG_FROM_NOTE, badge bits 1 << line), so a receive
 * returns for whichever comes first.
 *
 * On an interrupt we move the UART's bytes into the port's ring (port.c;
 * when the ring is full they stay in the UART: flow control, never loss),
 * acknowledge the line, and answer a waiting reader.
 *
 * STREAM_READ is answered at once when bytes are there and the caller may
 * read. Otherwise we keep the reply right (tern_save_reply) and answer
 * when bytes arrive. Who may read is readers.c's business: a port's input
 * belongs to one client at a time, and another client's read can neither
 * cancel the owner's waiting read nor take what is typed for it. When
 * init tells us a client is gone (SERVICE_CLIENT_GONE, proto/service.h,
 * badge 0 only), we drop its waiting reads (deleting the saved replies)
 * and the port may pass to another client. (A read of 0 bytes is answered
 * at once and changes nothing.)
 * The requests themselves are portsrv.c's (shared with drv/hostterm).
 * STREAM_WRITE sends the bytes with "\n" turned into "\r\n" (crlf.h) and
 * answers once they are in the UART. STREAM_CLOSE is answered 0 and
 * changes nothing (a terminal never closes; init sends it for every
 * program that had the port as a standard stream, and the same badge may
 * be another program's live read). STREAM_INFO says "terminal".
 * STREAM_INTR registers the port's ^C note (intr.h): from then on a 0x03
 * from the UART is signalled, not queued (port.h).
 * A bad request (unknown method, too many bytes, short message) is
 * answered with an E_* label; so is any request to a port without a UART
 * (E_DEAD). We go on serving.
 */
#include "fwd.h"
#include "portsrv.h"
#include "serve.h"
#include <proto/service.h>
#include <proto/stream.h>
#include <stdio.h>
#include <tern/program.h>

#define EP              PROG_CAP(0)     /* COM1's endpoint: everything arrives here */
#define EP_COM2         PROG_CAP(6)     /* COM2's, served by the forwarders */
#define NOTE            PROG_CAP(3)     /* both IRQs signal it */
#define COM2_BADGE      (1ull << 63)    /* init badges clients with program ids: never this */

static const struct {
	const char *name;
	uint16_t base;
	uint64_t ioport, irq;
	unsigned line;
} hw[2] = {
	{ "COM1", 0x3F8, PROG_CAP(1), PROG_CAP(4), 4 },
	{ "COM2", 0x2F8, PROG_CAP(2), PROG_CAP(5), 3 },
};

static struct port ports[2];
static struct port_srv srvs[2] = { { .port = &ports[0], .name = "serial" }, { .port = &ports[1], .name = "serial1" } };

/* ^Cs port_rx set aside (wherever it ran) become signals. */
static void signal_intrs(void)
{
	for (int i = 0; i < 2; i++) {
		intr_fire(&srvs[i].intr, ports[i].intrs);
		ports[i].intrs = 0;
		ports[i].intr = intr_on(&srvs[i].intr);
	}
}

/* New bytes may have come in while we did something else. This sends, so
 * it must run before a reply is put into the IPC buffer. */
static void answer_owners(void)
{
	for (int i = 0; i < 2; i++)
		serve_answer(&ports[i].readers, port_take, &ports[i]);
}

static void on_irq(uint64_t bits)
{
	for (int i = 0; i < 2; i++) {
		if (!(bits & (1ull << hw[i].line)))
			continue;
		port_rx(&ports[i]);
		tern_invoke(hw[i].irq, IRQ_ACK, 0, 0, 0, 0, 0);
	}
	answer_owners();
}

static void client_gone(uint64_t badge)
{
	for (int i = 0; i < 2; i++) {   /* a new owner may have bytes waiting */
		intr_gone(&srvs[i].intr, badge);
		serve_gone(&ports[i].readers, badge, port_take, &ports[i]);
	}
}

int main(void)
{
	int err = tern_invoke(PROG_SELF, TASK_BIND_NOTE, NOTE, 0, 0, 0, 0);
	if (err) {
		printf("pcserial: cannot bind the IRQ note: %s\n", tern_strerror(err));
		return 1;
	}
	for (int i = 0; i < 2; i++) {
		struct port *p = &ports[i];
		if (tern_invoke(hw[i].ioport, IOPORT_ENABLE, 0, 0, 0, 0, 0)) {
			p->present = false;
		} else {
			port_init(p, hw[i].base);
			port_rx(p);     /* what came before us (or before a restart) */
			tern_invoke(hw[i].irq, IRQ_ACK, 0, 0, 0, 0, 0);
		}
		printf("pcserial: %s at 0x%x irq %u: %s\n", hw[i].name, hw[i].base, hw[i].line,
		       p->present ? "16550" : "absent");
	}
	if ((err = fwd_start(EP_COM2, EP, COM2_BADGE)))
		printf("pcserial: no COM2 forwarders: %s\n", tern_strerror(err));

	struct tern_msg m;
	bool reply = false;
	for (;;) {
		intr_arm();
		err = reply ? tern_reply_recv(EP, &m) : tern_recv(EP, &m);
		reply = false;
		if (err)
			continue;
		unsigned ncaps = MSG_NCAPS(m.info);
		if (m.info & MSG_FROM_NOTE)
			on_irq(m.badge);
		else if (service_client_gone(&m))
			client_gone(m.mr[0]);   /* a notice, not a call: no reply */
		else
			reply = port_request(&srvs[m.badge & COM2_BADGE ? 1 : 0], &m);
		intr_unused(ncaps);
		signal_intrs();
	}
}
