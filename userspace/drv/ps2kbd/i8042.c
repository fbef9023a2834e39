/*
 * The 8042 set up from whatever state the firmware left (i8042.h). Every
 * wait is bounded: a controller that is absent reads 0xFF and never
 * answers, and the boot must go on without a keyboard.
 */
#include "i8042.h"
#include <stdio.h>
#include <tern/portio.h>
#include <tern/sys.h>

enum {
	DATA = 0x60, STATUS = 0x64, COMMAND = 0x64,
	ST_OUT_FULL = 1 << 0, ST_IN_FULL = 1 << 1,
	CMD_READ_CONFIG = 0x20, CMD_WRITE_CONFIG = 0x60, CMD_DISABLE_AUX = 0xA7,
	CMD_SELF_TEST = 0xAA, CMD_DISABLE_KBD = 0xAD, CMD_ENABLE_KBD = 0xAE,
	CFG_KBD_IRQ = 1 << 0, CFG_AUX_IRQ = 1 << 1, CFG_KBD_CLOCK_OFF = 1 << 4,
	CFG_TRANSLATE = 1 << 6,
	KBD_ENABLE_SCAN = 0xF4, KBD_ACK = 0xFA,
	WAIT_NS = 50000000,             /* 50 ms: real controllers answer in microseconds */
};

/* Wait until (status & mask) == want; false after WAIT_NS. */
static bool wait_status(uint8_t mask, uint8_t want)
{
	uint64_t end = tern_uptime_ns() + WAIT_NS;
	do {
		if ((inb(STATUS) & mask) == want)
			return true;
	} while (tern_uptime_ns() < end);
	return false;
}

static bool send(uint16_t port, uint8_t v)
{
	if (!wait_status(ST_IN_FULL, 0))
		return false;
	outb(port, v);
	return true;
}

static bool receive(uint8_t *v)
{
	if (!wait_status(ST_OUT_FULL, ST_OUT_FULL))
		return false;
	*v = inb(DATA);
	return true;
}

static void flush(void)
{
	for (int i = 0; i < 64 && (inb(STATUS) & ST_OUT_FULL); i++)
		(void)inb(DATA);
}

bool i8042_init(void)
{
	uint8_t cfg, r;
	if (inb(STATUS) == 0xFF) {
		printf("ps2kbd: no keyboard controller (port 0x64 reads 0xFF); no keyboard\n");
		return false;
	}
	/* Quiet first: both ports off, anything pending dropped. */
	if (!send(COMMAND, CMD_DISABLE_KBD) || !send(COMMAND, CMD_DISABLE_AUX))
		goto dead;
	flush();
	if (!send(COMMAND, CMD_SELF_TEST) || !receive(&r))
		goto dead;
	if (r != 0x55) {
		printf("ps2kbd: keyboard controller self-test failed (0x%x); no keyboard\n", r);
		return false;
	}
	/* The self-test may reset the configuration: write it after. */
	if (!send(COMMAND, CMD_READ_CONFIG) || !receive(&cfg))
		goto dead;
	cfg = (uint8_t)((cfg | CFG_KBD_IRQ | CFG_TRANSLATE) & ~(CFG_KBD_CLOCK_OFF | CFG_AUX_IRQ));
	if (!send(COMMAND, CMD_WRITE_CONFIG) || !send(DATA, cfg) || !send(COMMAND, CMD_ENABLE_KBD))
		goto dead;
	/* The keyboard itself: scanning on (it may be off after a firmware's reset). */
	if (!send(DATA, KBD_ENABLE_SCAN) || !receive(&r) || r != KBD_ACK)
		printf("ps2kbd: the keyboard did not acknowledge (is one plugged in?); listening anyway\n");
	flush();
	return true;
dead:
	printf("ps2kbd: the keyboard controller does not answer; no keyboard\n");
	return false;
}

bool i8042_read(uint8_t *byte)
{
	if (!(inb(STATUS) & ST_OUT_FULL))
		return false;
	*byte = inb(DATA);
	return true;
}
