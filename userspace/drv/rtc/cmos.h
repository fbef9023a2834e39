/*
 * The MC146818 clock's registers as read, turned into a date: the pure
 * part of drv/rtc. Register B says how the clock keeps its numbers:
 * binary or BCD (bit 2 set: binary), 24 or 12 hours (bit 1 set: 24; in
 * 12-hour mode bit 7 of the hour means PM, and 12 AM is midnight).
 */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define CMOS_SEC        0x00
#define CMOS_MIN        0x02
#define CMOS_HOUR       0x04
#define CMOS_DAY        0x07
#define CMOS_MONTH      0x08
#define CMOS_YEAR       0x09
#define CMOS_REG_A      0x0A    /* bit 7: update in progress */
#define CMOS_REG_B      0x0B
#define CMOS_REG_C      0x0C    /* interrupt flags; reading clears them */
#define CMOS_CENTURY    0x32    /* where PCs keep the century (ACPI FADT's default) */

#define CMOS_A_UIP      0x80
#define CMOS_B_24H      0x02
#define CMOS_B_BINARY   0x04
#define CMOS_B_UIE      0x10    /* interrupt when an update has ended */
#define CMOS_C_UF       0x10    /* an update has ended */

struct cmos_regs {
	uint8_t sec, min, hour, day, month, year, century, reg_b;
};

struct cmos_date {
	unsigned year, month, day, hour, min, sec;
};

/* false when a register is not a valid number in the clock's format or
 * out of range (a clock never set, a dead battery). The century is taken
 * from its register when that reads 19..29, else 20 is assumed. */
bool cmos_decode(const struct cmos_regs *r, struct cmos_date *d);
