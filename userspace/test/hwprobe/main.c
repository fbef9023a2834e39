/*
 * A hostile client of drv/pci and drv/rtc (test): fields out of range,
 * unaligned offsets, messages shorter than their method's fields, unknown
 * methods, init's client-gone notice sent by a client. Each must be
 * refused with the documented error and the drivers must go on serving.
 * Prints PASS/FAIL lines and "N passed, N failed", then powers off.
 */
#include <proto/init.h>
#include <proto/pci.h>
#include <proto/rtc.h>
#include <proto/service.h>
#include <stdio.h>
#include <tern/program.h>
#include <tern/testrun.h>

#define PROBE_PCI PROG_CAP(0)
#define PROBE_RTC PROG_CAP(1)

#define EXPECT(cond) \
	do { \
		if (!(cond)) \
			return test_fail("%s", #cond); \
	} while (0)

/* A raw call: the reply's label (or -E_* if the call failed). */
static long raw(uint64_t ep, unsigned label, unsigned len, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	struct tern_msg m = { .info = MSG_INFO(label, len, 0), .mr = { a, b, c, d } };
	int err = tern_call(ep, &m);
	return err ? -err : (long)MSG_LABEL(m.info);
}

static int t_pci_host_bridge(void)
{
	uint32_t v = 0;
	EXPECT(pci_read(PROBE_PCI, 0, 0, 0, 0, &v) == 0);
	EXPECT(v == 0x12378086);                        /* QEMU's i440FX */
	EXPECT(pci_read(PROBE_PCI, 0, 31, 7, 252, &v) == 0);
	EXPECT(v == 0xFFFFFFFF);                        /* nobody there */
	return 0;
}

static int t_pci_out_of_range(void)
{
	uint32_t v = 7;
	EXPECT(pci_read(PROBE_PCI, 0, 0, 0, 256, &v) == -E_BAD_ARG);
	EXPECT(pci_read(PROBE_PCI, 0, 0, 0, 2, &v) == -E_BAD_ARG);
	EXPECT(pci_read(PROBE_PCI, 0, 32, 0, 0, &v) == -E_BAD_ARG);
	EXPECT(pci_read(PROBE_PCI, 0, 0, 8, 0, &v) == -E_BAD_ARG);
	EXPECT(pci_read(PROBE_PCI, 256, 0, 0, 0, &v) == -E_BAD_ARG);
	/* High bits that a truncating driver would drop. */
	EXPECT(raw(PROBE_PCI, PCI_READ, 4, 1ull << 32, 0, 0, 0) == E_BAD_ARG);
	EXPECT(raw(PROBE_PCI, PCI_READ, 4, 0, 0, 0, (1ull << 63) | 8) == E_BAD_ARG);
	EXPECT(raw(PROBE_PCI, PCI_FUNCS, 1, 256, 0, 0, 0) == E_BAD_ARG);
	EXPECT(v == 7);
	return 0;
}

static int t_pci_short_and_unknown(void)
{
	EXPECT(raw(PROBE_PCI, PCI_READ, 3, 0, 0, 0, 0) == E_BAD_ARG);
	EXPECT(raw(PROBE_PCI, PCI_FUNCS, 0, 0, 0, 0, 0) == E_BAD_ARG);
	EXPECT(raw(PROBE_PCI, 99, 4, 0, 0, 0, 0) == E_BAD_SYSCALL);
	EXPECT(raw(PROBE_PCI, 0, 0, 0, 0, 0, 0) == E_BAD_SYSCALL);
	/* init's notice from a client is an unknown request, and answered. */
	EXPECT(raw(PROBE_PCI, SERVICE_CLIENT_GONE, 1, 1, 0, 0, 0) == E_BAD_SYSCALL);
	return 0;
}

static int t_pci_funcs(void)
{
	uint64_t map[4] = { 0 };
	EXPECT(pci_funcs(PROBE_PCI, 0, map) == 0);
	EXPECT(map[0] & 1);                             /* 00:00.0 */
	EXPECT(map[0] >> 8 & 1);                        /* 00:01.0 */
	EXPECT(pci_funcs(PROBE_PCI, 255, map) == 0);
	EXPECT((map[0] | map[1] | map[2] | map[3]) == 0);
	return 0;
}

/* attack-hw.run puts a PCI bridge at 00:04.0 and a virtio RNG behind it
 * at 03.0 of its secondary bus: the bus field reaches past bus 0. */
static int t_pci_behind_bridge(void)
{
	uint32_t class_rev = 0, buses = 0, id = 0;
	EXPECT(pci_read(PROBE_PCI, 0, 4, 0, 0x08, &class_rev) == 0);
	EXPECT(class_rev >> 16 == 0x0604);              /* a PCI-to-PCI bridge */
	EXPECT(pci_read(PROBE_PCI, 0, 4, 0, 0x18, &buses) == 0);
	unsigned secondary = buses >> 8 & 0xFF;
	EXPECT(secondary != 0);
	uint64_t map[4] = { 0 };
	EXPECT(pci_funcs(PROBE_PCI, secondary, map) == 0);
	EXPECT(map[0] == 1ull << 24);                   /* device 3, function 0, alone */
	EXPECT(pci_read(PROBE_PCI, secondary, 3, 0, 0, &id) == 0);
	EXPECT((id & 0xFFFF) == 0x1af4);
	return 0;
}

static int t_rtc(void)
{
	struct rtc_time t;
	EXPECT(rtc_time(PROBE_RTC, &t) == 0);
	EXPECT(t.year == 2026 && t.month == 12 && t.day == 1);   /* -rtc base= of the scenario */
	EXPECT(t.hour == 7 && t.min == 35);
	EXPECT(raw(PROBE_RTC, 99, 0, 0, 0, 0, 0) == E_BAD_SYSCALL);
	EXPECT(raw(PROBE_RTC, SERVICE_CLIENT_GONE, 1, 1, 0, 0, 0) == E_BAD_SYSCALL);
	EXPECT(rtc_time(PROBE_RTC, &t) == 0);
	return 0;
}

/* The clock moves: two reads 1.2 s apart differ (the update interrupt
 * keeps the driver's copy current). */
static int t_rtc_ticks(void)
{
	struct rtc_time a, b;
	EXPECT(rtc_time(PROBE_RTC, &a) == 0);
	tern_sleep_ms(1200);
	EXPECT(rtc_time(PROBE_RTC, &b) == 0);
	EXPECT(a.sec != b.sec || a.min != b.min);
	return 0;
}

static const struct test_case tests[] = {
	{ "pci_host_bridge", t_pci_host_bridge },
	{ "pci_out_of_range", t_pci_out_of_range },
	{ "pci_short_and_unknown", t_pci_short_and_unknown },
	{ "pci_funcs", t_pci_funcs },
	{ "pci_behind_bridge", t_pci_behind_bridge },
	{ "pci_still_serving", t_pci_host_bridge },
	{ "rtc", t_rtc },
	{ "rtc_ticks", t_rtc_ticks },
};

int main(void)
{
	return test_run(tests, sizeof(tests) / sizeof(tests[0]));
}
