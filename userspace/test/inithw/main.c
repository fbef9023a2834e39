/*
 * inithw: the part of init's test that needs a PC (ci/scenarios/
 * init-hw.run; test/inittest checks the rest on every platform). From the
 * inside: its I/O port and VGA text memory caps as its manifest asks, and
 * a program asking for device memory init does not hold refused. And from
 * init's table: test/badport, a driver that strays outside its I/O ports
 * (started before us), stopped, restarted once and given up. It waits for
 * that first, so the scenario's lines come in one order. Prints PASS/FAIL
 * lines and "N passed, N failed", then powers off.
 */
#include <proto/init.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

static int passed, failed;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "PASS" : "FAIL", what);
	ok ? passed++ : failed++;
}

/* badport's entry in init's table once init has given up on it (or after
 * 20 s, whatever it is then); 0 if it is not there at all. */
static int badport_given_up(struct init_ps_entry *e)
{
	for (int tries = 0; tries < 400; tries++) {
		int found = 0;
		for (uint64_t i = 0; i < 64 && init_ps(PROG_INIT, i, e) == 0; i++)
			if (!strcmp(e->name, "badport")) {
				found = 1;
				break;
			}
		if (!found)
			return 0;
		if (e->state == INIT_FAILED)
			break;
		tern_sleep_ms(50);
	}
	return 1;
}

/* Manifest slot 1 is VGA text memory (1:mmio = base=B8000, size=8000),
 * narrowed by init from its VGA window: mappable read-write, nothing
 * outside it. */
static void vga_memory(void)
{
	struct tern_capinfo ci;
	check(!tern_cap_identify(PROG_CAP(1), &ci) && ci.type == CAP_MMIO && ci.badge == 0xB8000 &&
	      ci.extra == 0xBFFFF && ci.rights == (RIGHT_READ | RIGHT_WRITE),
	      "manifest slot 1 is device memory B8000..BFFFF");
	const uint64_t va = 0x20000000;
	check(tern_mmio_map(PROG_CAP(1), 0, va, 0xA0000, 1, RIGHT_READ) == E_OUT_OF_RANGE,
	      "device memory outside the manifest's range is refused");
	int ok = tern_mmio_map(PROG_CAP(1), 0, va, 0xB8000, 8, RIGHT_READ | RIGHT_WRITE | MMIO_WC) == TERN_OK;
	if (ok) {
		volatile uint8_t *cell = (volatile uint8_t *)(va + 80 * 25 * 2 - 2);
		uint8_t old = *cell;
		*cell = 'i';
		ok = *cell == 'i';
		*cell = old;
		ok &= tern_mmio_unmap(PROG_CAP(1), 0, va) == TERN_OK;
	}
	check(ok, "VGA text memory maps and reads back what we wrote");
}

int main(void)
{
	struct init_ps_entry e;
	check(badport_given_up(&e) && e.state == INIT_FAILED && e.restarts == 1,
	      "a driver straying outside its I/O ports is restarted once, then given up");
	struct tern_capinfo ci;
	check(!tern_cap_identify(PROG_CAP(0), &ci) && ci.type == CAP_IOPORT && ci.badge == 0x70 && ci.extra == 0x71,
	      "manifest slot 0 is ioport 70..71");
	check(tern_cap_identify(PROG_CAP(2), &ci) == E_EMPTY_SLOT, "nothing beyond the manifest");
	vga_memory();
	/* A program asking for device memory init does not hold is not
	 * started; the scenario reads init's line naming what it holds. */
	struct tern_msg m = { 0 };
	m.mr[0] = 14;
	unsigned len = msg_put_bytes(&m, 1, "/test/badmmio\0", 14);
	m.info = MSG_INFO(INIT_SPAWN, len, 0);
	int err = tern_call(PROG_INIT, &m);
	check(!err && MSG_LABEL(m.info) == INIT_ENOEXEC, "device memory init does not hold is refused");
	printf("%d passed, %d failed\n", passed, failed);
	m.info = MSG_INFO(INIT_POWEROFF, 0, 0);
	tern_call(PROG_INIT, &m);
	return 0;
}
