/*
 * drv/rtc: the CMOS real-time clock (MC146818 and its successors) as the
 * service "rtc" (proto/rtc.h). It holds ports 0x70 (register index) and
 * 0x71 (data) and IRQ 8, nothing else.
 *
 * The clock counts on its own and rewrites its registers once a second; a
 * read that straddles that update can mix two seconds (59 seconds with the
 * next minute). So we let the clock tell us when an update has ended (the
 * update-ended interrupt, register B bit 4, on IRQ 8) and read the date
 * then: the registers then hold still for almost a second. Requests are
 * answered from that copy at once, so no client ever waits for the
 * hardware. If the copy is older than a second (the interrupt is late, or
 * this is a clock that does not raise it) a request reads the registers
 * directly, between updates (register A's update-in-progress bit, read
 * twice until two reads agree; bounded to a few ms).
 *
 * Index writes keep bit 7 of port 0x70 clear: on PCs that bit masks the
 * NMI, and this driver has no business changing that.
 */
#include "cmos.h"
#include <proto/rtc.h>
#include <proto/service.h>
#include <stdio.h>
#include <string.h>
#include <tern/portio.h>
#include <tern/program.h>

#define RTC_EP          PROG_CAP(0)     /* provided as "rtc" */
#define RTC_PORTS       PROG_CAP(1)     /* 0x70..0x71 */
#define RTC_NOTE        PROG_CAP(2)
#define RTC_IRQ         PROG_CAP(3)     /* IRQ 8, signals the note */

#define FRESH_NS        1000000000ull   /* a copy younger than this is the current second */

static struct {
	bool valid;             /* the registers made a date */
	struct cmos_date date;
	uint64_t when_ns;       /* uptime of the read; 0 = never */
} copy;

static uint8_t cmos_read(uint8_t reg)
{
	outb(0x70, reg & 0x7F);
	return inb(0x71);
}

static void cmos_write(uint8_t reg, uint8_t v)
{
	outb(0x70, reg & 0x7F);
	outb(0x71, v);
}

static void read_regs(struct cmos_regs *r)
{
	r->sec = cmos_read(CMOS_SEC);
	r->min = cmos_read(CMOS_MIN);
	r->hour = cmos_read(CMOS_HOUR);
	r->day = cmos_read(CMOS_DAY);
	r->month = cmos_read(CMOS_MONTH);
	r->year = cmos_read(CMOS_YEAR);
	r->century = cmos_read(CMOS_CENTURY);
	r->reg_b = cmos_read(CMOS_REG_B);
}

static void keep(const struct cmos_regs *r)
{
	copy.valid = cmos_decode(r, &copy.date);
	copy.when_ns = tern_uptime_ns();
}

/* Wait (at most ~3 ms) until no update is in progress. */
static void wait_no_update(void)
{
	uint64_t until = tern_uptime_ns() + 3000000;
	while ((cmos_read(CMOS_REG_A) & CMOS_A_UIP) && tern_uptime_ns() < until)
		;
}

/* Without the interrupt: read between updates, until two reads agree. */
static void read_direct(void)
{
	struct cmos_regs a, b;
	wait_no_update();
	read_regs(&a);
	for (int tries = 0; tries < 5; tries++) {
		wait_no_update();
		read_regs(&b);
		if (!memcmp(&a, &b, sizeof(a)))
			break;
		a = b;
	}
	keep(&b);
}

static void on_irq(void)
{
	uint8_t flags = cmos_read(CMOS_REG_C);     /* reading C acknowledges the clock */
	if (flags & CMOS_C_UF) {
		struct cmos_regs r;
		read_regs(&r);
		keep(&r);
	}
	tern_invoke(RTC_IRQ, IRQ_ACK, 0, 0, 0, 0, 0);
}

static void serve(struct tern_msg *m)
{
	if (MSG_LABEL(m->info) != RTC_TIME) {
		m->info = MSG_INFO(E_BAD_SYSCALL, 0, 0);
		return;
	}
	if (!copy.when_ns || tern_uptime_ns() - copy.when_ns >= FRESH_NS)
		read_direct();
	if (!copy.valid) {
		m->info = MSG_INFO(RTC_EBADCLOCK, 0, 0);
		return;
	}
	const struct cmos_date *d = &copy.date;
	m->mr[0] = d->year;
	m->mr[1] = d->month;
	m->mr[2] = d->day;
	m->mr[3] = d->hour;
	msg_set_mr(m, 4, d->min);
	msg_set_mr(m, 5, d->sec);
	m->info = MSG_INFO(0, 6, 0);
}

int main(void)
{
	int err = tern_invoke(PROG_SELF, TASK_BIND_NOTE, RTC_NOTE, 0, 0, 0, 0);
	if (!err)
		err = tern_invoke(RTC_PORTS, IOPORT_ENABLE, 0, 0, 0, 0, 0);
	if (err) {
		printf("rtc: cannot set up (note or ports 0x70-0x71): %s\n", tern_strerror((uint64_t)err));
		return 1;
	}
	cmos_write(CMOS_REG_B, cmos_read(CMOS_REG_B) | CMOS_B_UIE);
	cmos_read(CMOS_REG_C);                  /* drop a flag raised before us */
	tern_invoke(RTC_IRQ, IRQ_ACK, 0, 0, 0, 0, 0);
	read_direct();
	const struct cmos_date *d = &copy.date;
	if (copy.valid)
		printf("rtc: %04u-%02u-%02u %02u:%02u:%02u, update interrupt on IRQ 8\n", d->year,
		       d->month, d->day, d->hour, d->min, d->sec);
	else
		printf("rtc: the clock holds no valid date (register B 0x%x)\n", cmos_read(CMOS_REG_B));

	struct tern_msg m;
	bool reply = false;
	for (;;) {
		err = reply ? tern_reply_recv(RTC_EP, &m) : tern_recv(RTC_EP, &m);
		reply = false;
		if (err)
			continue;       /* the caller went away before our reply */
		if (m.info & MSG_FROM_NOTE)
			on_irq();
		else if (!service_client_gone(&m)) {
			serve(&m);
			reply = true;
		}
	}
}
