/*
 * Unit tests for drv/pcserial's port logic (port.c) against a simulated
 * 16550: a 16-byte RX FIFO fed like QEMU feeds it (only while there is
 * room, so input waits instead of being lost), a TX FIFO that overflows
 * loudly, and a transmitter that can be made slow or stuck. uart.c's
 * functions are replaced by the ones below at link time.
 */
#include "unit.h"
#include "crlf.h"
#include "port.h"
#include "request.h"
#include "uart.h"
#include <abi/error.h>
#include <proto/stream.h>
#include <stdlib.h>
#include <string.h>

static struct {
	bool present;
	uint8_t rx[UART_FIFO];
	int rx_n;
	bool rx_irq, rts;               /* what the driver set */
	uint8_t tx[70000];
	size_t tx_n;
	int tx_fifo;                    /* bytes written since the FIFO was last seen empty */
	bool tx_overflow;
	int tx_busy;                    /* THRE reads that still say "busy"; -1 = stuck */
	unsigned pauses;
} u;

bool uart_probe(uint16_t base) { (void)base; return u.present; }
void uart_init(uint16_t base) { (void)base; u.rx_irq = u.rts = true; }
bool uart_rx_ready(uint16_t base) { (void)base; return u.rx_n > 0; }

uint8_t uart_getc(uint16_t base)
{
	(void)base;
	uint8_t c = u.rx[0];
	memmove(u.rx, u.rx + 1, (size_t)--u.rx_n);
	return c;
}

void uart_rx_hold(uint16_t base, bool hold)
{
	(void)base;
	u.rx_irq = u.rts = !hold;
}

bool uart_tx_empty(uint16_t base)
{
	(void)base;
	if (u.tx_busy < 0)
		return false;
	if (u.tx_busy > 0) {
		u.tx_busy--;
		return false;
	}
	u.tx_fifo = 0;
	return true;
}

void uart_putc(uint16_t base, uint8_t c)
{
	(void)base;
	if (++u.tx_fifo > UART_FIFO)
		u.tx_overflow = true;
	u.tx[u.tx_n++] = c;
}

void uart_pause(void) { u.pauses++; }

/* The line delivers bytes of src into the RX FIFO while it has room. */
static size_t feed(const uint8_t *src, size_t n)
{
	size_t k = 0;
	while (k < n && u.rx_n < UART_FIFO)
		u.rx[u.rx_n++] = src[k++];
	return k;
}

static void setup(struct port *p)
{
	memset(&u, 0, sizeof(u));
	u.present = true;
	port_init(p, 0x3F8);
}

static uint8_t pattern(size_t i) { return (uint8_t)(i * 7 + i / 251); }

TEST(pcserial_absent_uart_does_nothing)
{
	static struct port p;
	memset(&u, 0, sizeof(u));
	port_init(&p, 0x2F8);
	CHECK(!p.present);
	uint8_t b[4] = "abc";
	CHECK_EQ(port_rx(&p), 0);
	CHECK_EQ(port_write(&p, b, 3), 0);
	CHECK_EQ(port_read(&p, b, 4), 0);
	CHECK_EQ(u.tx_n, 0);
}

TEST(pcserial_newline_becomes_crlf_unless_after_cr)
{
	uint8_t out[64];
	bool cr = false;
	size_t n = crlf_expand(&cr, (const uint8_t *)"a\nb\n", 4, out);
	CHECK_EQ(n, 6);
	CHECK(!memcmp(out, "a\r\nb\r\n", 6));
	CHECK(!cr);
	/* Old callers that send "\r\n" are not doubled. */
	n = crlf_expand(&cr, (const uint8_t *)"x\r\n\n", 4, out);
	CHECK_EQ(n, 5);
	CHECK(!memcmp(out, "x\r\n\r\n", 5));
	/* '\r' at the end of one write, "\n" at the start of the next. */
	n = crlf_expand(&cr, (const uint8_t *)"y\r", 2, out);
	CHECK_EQ(n, 2);
	CHECK(cr);
	n = crlf_expand(&cr, (const uint8_t *)"\nz", 2, out);
	CHECK_EQ(n, 2);
	CHECK(!memcmp(out, "\nz", 2));
	CHECK(!cr);
	/* A '\r' anywhere else does not count; all "\n" doubles the size. */
	n = crlf_expand(&cr, (const uint8_t *)"\r.\n", 3, out);
	CHECK_EQ(n, 4);
	uint8_t in[STREAM_CHUNK], big[2 * STREAM_CHUNK];
	memset(in, '\n', sizeof(in));
	CHECK_EQ(crlf_expand(&cr, in, sizeof(in), big), 2 * STREAM_CHUNK);
}

TEST(pcserial_ctrl_c_is_counted_not_queued_while_a_note_is_set)
{
	static struct port p;
	setup(&p);
	uint8_t b[8];
	CHECK_EQ(feed((const uint8_t *)"a\x03", 2), 2);
	port_rx(&p);
	CHECK_EQ(p.intrs, 0);
	p.intr = true;
	CHECK_EQ(feed((const uint8_t *)"\x03\x03" "b", 3), 3);
	port_rx(&p);
	CHECK_EQ(p.intrs, 2);
	CHECK_EQ(port_read(&p, b, sizeof(b)), 3);
	CHECK(!memcmp(b, "a\x03" "b", 3));
}

TEST(pcserial_check_requests)
{
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_WRITE, 1, 0), 0), 0);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_WRITE, 2, 0), 8), 0);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_WRITE, 2, 0), 9), E_BAD_ARG);     /* short message */
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_WRITE, 33, 0), STREAM_CHUNK), 0);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_WRITE, 64, 0), STREAM_CHUNK + 1), E_BAD_ARG);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_READ, 1, 0), STREAM_CHUNK), 0);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_READ, 1, 0), STREAM_CHUNK + 1), E_BAD_ARG);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_READ, 1, 0), ~0ull), E_BAD_ARG);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_POLL, 0, 0), 0), 0);
	CHECK_EQ(stream_request_check(MSG_INFO(0, 0, 0), 0), E_BAD_SYSCALL);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR + 1, 0, 0), 0), E_BAD_SYSCALL);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_CLOSE, 0, 0), 0), 0);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INFO, 0, 0), 0), 0);
	/* STREAM_INTR: MR0 = 1 with exactly one cap, MR0 = 2 without, or MR0 = 0. */
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR, 1, 0), 2), 0);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR, 1, 1), 2), E_BAD_ARG);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR, 1, 0), 3), E_BAD_ARG);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR, 1, 1), 1), 0);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR, 1, 0), 0), 0);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR, 1, 1), 0), 0);     /* the cap is dropped */
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR, 1, 0), 1), E_BAD_ARG);     /* no cap */
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR, 1, 2), 1), E_BAD_ARG);
	CHECK_EQ(stream_request_check(MSG_INFO(STREAM_INTR, 0, 0), 0), E_BAD_ARG);     /* no MR0 */
	CHECK_EQ(stream_request_check(MSG_INFO(MSG_LABEL_FAULT, 5, 0), 0), E_BAD_SYSCALL);
}

TEST(pcserial_full_ring_holds_bytes_in_the_uart)
{
	static struct port p;
	static uint8_t src[PORT_RX_SIZE + 40], out[sizeof(src)];
	setup(&p);
	for (size_t i = 0; i < sizeof(src); i++)
		src[i] = pattern(i);
	size_t fed = 0;
	while (!p.held) {
		fed += feed(src + fed, sizeof(src) - fed);
		port_rx(&p);
	}
	/* The ring is full and the UART keeps the rest: receive interrupt
	 * and RTS off, its FIFO full, nothing dropped. */
	CHECK_EQ(ring_count(&p.rx), PORT_RX_SIZE);
	CHECK(!u.rx_irq && !u.rts);
	CHECK_EQ(u.rx_n, UART_FIFO);
	CHECK_EQ(fed, PORT_RX_SIZE + UART_FIFO);
	CHECK_EQ(port_rx(&p), 0);
	/* A read makes room and takes what waited in the UART. */
	CHECK_EQ(port_read(&p, out, 10), 10);
	CHECK_EQ(ring_count(&p.rx), PORT_RX_SIZE);
	CHECK_EQ(u.rx_n, UART_FIFO - 10);
	CHECK(p.held);
	size_t got = 10;
	got += port_read(&p, out + got, 100);
	CHECK(!p.held && u.rx_irq && u.rts);
	CHECK_EQ(u.rx_n, 0);
	while (fed < sizeof(src) || ring_count(&p.rx)) {
		fed += feed(src + fed, sizeof(src) - fed);
		port_rx(&p);
		got += port_read(&p, out + got, 37);
	}
	CHECK_EQ(got, sizeof(src));
	CHECK(!memcmp(out, src, sizeof(src)));
}

TEST(pcserial_read_takes_bytes_below_the_fifo_threshold)
{
	static struct port p;
	setup(&p);
	feed((const uint8_t *)"hi!", 3);        /* no interrupt yet: below the trigger level */
	uint8_t b[8];
	CHECK_EQ(port_read(&p, b, sizeof(b)), 3);
	CHECK(!memcmp(b, "hi!", 3));
	CHECK_EQ(port_read(&p, b, sizeof(b)), 0);
}

/* A 64 KiB paste through interrupts and reads of every size: every byte
 * arrives once and in order, whatever the reader's pace. */
TEST(pcserial_paste_loses_no_byte)
{
	static struct port p;
	static uint8_t src[65536], out[65536];
	setup(&p);
	srand(1);
	for (size_t i = 0; i < sizeof(src); i++)
		src[i] = pattern(i);
	size_t fed = 0, got = 0;
	unsigned holds = 0;
	while (got < sizeof(src)) {
		fed += feed(src + fed, sizeof(src) - fed);
		if (u.rx_irq && u.rx_n >= 14)
			port_rx(&p);                    /* the interrupt */
		holds += p.held;
		if (rand() % (got < sizeof(src) / 2 ? 16 : 2) == 0) {  /* a slow reader, then a fast one */
			size_t max = 1 + (size_t)rand() % STREAM_CHUNK;
			if (max > sizeof(src) - got)
				max = sizeof(src) - got;
			got += port_read(&p, out + got, max);
		}
	}
	CHECK_EQ(fed, sizeof(src));
	CHECK(!memcmp(out, src, sizeof(src)));
	CHECK(holds > 0);                               /* flow control was exercised */
	CHECK_EQ(u.rx_n, 0);
}

TEST(pcserial_write_in_fifo_bursts)
{
	static struct port p;
	static uint8_t src[1000];
	setup(&p);
	for (size_t i = 0; i < sizeof(src); i++)
		src[i] = pattern(i);
	u.tx_busy = 3;
	CHECK_EQ(port_write(&p, src, sizeof(src)), sizeof(src));
	CHECK_EQ(u.tx_n, sizeof(src));
	CHECK(!memcmp(u.tx, src, sizeof(src)));
	CHECK(!u.tx_overflow);
	/* One byte of the kernel console's between our check and our burst still fits. */
	u.tx_fifo = 0;
	CHECK(uart_tx_empty(0));
	uart_putc(0, 'k');
	for (int k = 0; k < PORT_TX_BURST; k++)
		uart_putc(0, 'x');
	CHECK(!u.tx_overflow);
}

TEST(pcserial_write_keeps_receiving_while_waiting)
{
	static struct port p;
	setup(&p);
	feed((const uint8_t *)"typed", 5);
	u.tx_busy = 100;
	CHECK_EQ(port_write(&p, "out", 3), 3);
	CHECK_EQ(ring_count(&p.rx), 5);
	CHECK_EQ(u.rx_n, 0);
}

TEST(pcserial_stuck_transmitter_gives_up)
{
	static struct port p;
	setup(&p);
	u.tx_busy = -1;
	CHECK_EQ(port_write(&p, "lost", 4), 0);
	CHECK_EQ(u.pauses, PORT_TX_PAUSES);
	CHECK_EQ(u.tx_n, 0);
}

/* ---- readers.c: who may read a port ------------------------------------- */

enum { SHELL = 5, THIEF = 9, CHILD = 11, NEWSH = 12 };

/* badge reads when no bytes are there, so its read (reply slot `reply`)
 * waits. Returns whether it may read (it would have taken bytes). */
static bool pend(struct readers *r, uint64_t badge, uint64_t reply)
{
	uint64_t older;
	bool may = readers_arrive(r, badge, &older);
	if (readers_wait(r, badge, reply, 64))
		return !may;    /* neither answer is what a test expects of a full line */
	return may;
}

TEST(pcserial_first_reader_owns_the_port)
{
	struct readers r;
	uint64_t older;
	readers_init(&r);
	CHECK(readers_ready(&r) == 0);
	CHECK(readers_arrive(&r, SHELL, &older));
	CHECK_EQ(older, 0);
	CHECK(pend(&r, SHELL, 100));
	CHECK_EQ(readers_ready(&r)->reply, 100);
}

TEST(pcserial_other_reader_neither_cancels_nor_steals)
{
	struct readers r;
	uint64_t older;
	readers_init(&r);
	CHECK(pend(&r, SHELL, 100));
	/* The thief reads while the shell waits: it waits too. */
	CHECK(!pend(&r, THIEF, 200));
	CHECK_EQ(readers_ready(&r)->reply, 100);
	/* The shell is answered; between its reads the thief still gets nothing. */
	CHECK_EQ(readers_take(&r, SHELL), 100);
	CHECK(readers_ready(&r) == 0);
	/* Nor by reading again: the new read keeps the old one's place. */
	CHECK(!readers_arrive(&r, THIEF, &older));
	CHECK_EQ(older, 200);
	CHECK_EQ(readers_wait(&r, THIEF, 201, 64), 0);
	CHECK(readers_ready(&r) == 0);
	CHECK(readers_arrive(&r, SHELL, &older));
	CHECK_EQ(older, 0);
}

TEST(pcserial_own_new_read_replaces_the_older)
{
	struct readers r;
	uint64_t older;
	readers_init(&r);
	CHECK(pend(&r, SHELL, 100));
	CHECK(readers_arrive(&r, SHELL, &older));
	CHECK_EQ(older, 100);                   /* the driver refuses it */
	CHECK(readers_ready(&r) == 0);
	CHECK_EQ(readers_wait(&r, SHELL, 101, 8), 0);
	CHECK_EQ(readers_ready(&r)->reply, 101);
	CHECK_EQ(readers_ready(&r)->max, 8);
}

TEST(pcserial_program_run_by_the_shell_gets_the_port_and_gives_it_back)
{
	struct readers r;
	uint64_t older, out[READERS_MAX];
	readers_init(&r);
	CHECK(pend(&r, SHELL, 100));
	CHECK_EQ(readers_take(&r, SHELL), 100);         /* answered: the shell runs a program */
	CHECK(readers_arrive(&r, CHILD, &older));       /* nobody was reading: it may */
	CHECK(pend(&r, CHILD, 300));
	CHECK_EQ(readers_ready(&r)->reply, 300);
	CHECK(!readers_arrive(&r, SHELL, &older));      /* while the child reads, the shell waits */
	CHECK_EQ(readers_wait(&r, SHELL, 101, 64), 0);
	CHECK_EQ(readers_gone(&r, CHILD, out), 1);
	CHECK_EQ(out[0], 300);
	CHECK_EQ(readers_ready(&r)->reply, 101);        /* back to the shell */
}

TEST(pcserial_gone_owner_passes_the_port_to_the_latest_reader)
{
	struct readers r;
	uint64_t out[READERS_MAX];
	readers_init(&r);
	CHECK(pend(&r, SHELL, 100));
	CHECK(!pend(&r, THIEF, 200));
	CHECK(!pend(&r, NEWSH, 300));   /* getty's next shell, before init's notice */
	CHECK_EQ(readers_gone(&r, SHELL, out), 1);
	CHECK_EQ(out[0], 100);
	CHECK_EQ(readers_ready(&r)->reply, 300);
}

TEST(pcserial_gone_waiting_reader_leaves_nothing)
{
	struct readers r;
	uint64_t older, out[READERS_MAX];
	readers_init(&r);
	CHECK(pend(&r, SHELL, 100));
	CHECK(!pend(&r, THIEF, 200));
	CHECK_EQ(readers_gone(&r, THIEF, out), 1);
	CHECK_EQ(out[0], 200);
	CHECK_EQ(readers_ready(&r)->reply, 100);
	/* When the owner goes and nobody waits, the next reader takes the port. */
	CHECK_EQ(readers_gone(&r, SHELL, out), 1);
	CHECK(readers_arrive(&r, NEWSH, &older));
	CHECK_EQ(readers_gone(&r, 42, out), 0);
}

TEST(pcserial_gone_lender_is_forgotten)
{
	struct readers r;
	uint64_t older, out[READERS_MAX];
	readers_init(&r);
	CHECK(readers_arrive(&r, SHELL, &older));
	CHECK(readers_arrive(&r, CHILD, &older));       /* borrows from the shell */
	CHECK_EQ(readers_gone(&r, SHELL, out), 0);
	CHECK_EQ(readers_gone(&r, CHILD, out), 0);
	CHECK(readers_arrive(&r, THIEF, &older));       /* nobody owns it any more */
	CHECK(!r.nlenders);
}

TEST(pcserial_full_reader_line_is_busy)
{
	struct readers r;
	uint64_t older;
	readers_init(&r);
	CHECK(pend(&r, SHELL, 100));
	for (unsigned i = 1; i < READERS_MAX; i++)
		CHECK(!pend(&r, 1000 + i, 1 + i));
	CHECK(!readers_arrive(&r, THIEF, &older));
	CHECK_EQ(readers_wait(&r, THIEF, 99, 1), E_BUSY);
	CHECK_EQ(readers_ready(&r)->reply, 100);
}
