/* Unit tests for userspace/drv/rtc/cmos.c: the clock's registers to a date. */
#include "unit.h"
#include "cmos.h"

#define BCD24 CMOS_B_24H
#define BIN24 (CMOS_B_24H | CMOS_B_BINARY)

TEST(cmos_bcd_24h)
{
	struct cmos_regs r = { 0x08, 0x35, 0x07, 0x01, 0x12, 0x26, 0x20, BCD24 };
	struct cmos_date d;
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.year, 2026);
	CHECK_EQ(d.month, 12);
	CHECK_EQ(d.day, 1);
	CHECK_EQ(d.hour, 7);
	CHECK_EQ(d.min, 35);
	CHECK_EQ(d.sec, 8);
	r.hour = 0x23;
	r.sec = 0x59;
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.hour, 23);
	CHECK_EQ(d.sec, 59);
}

TEST(cmos_binary)
{
	struct cmos_regs r = { 59, 0, 23, 31, 1, 99, 19, BIN24 };
	struct cmos_date d;
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.year, 1999);
	CHECK_EQ(d.day, 31);
	CHECK_EQ(d.hour, 23);
	r.min = 60;
	CHECK(!cmos_decode(&r, &d));
}

TEST(cmos_12_hour)
{
	struct cmos_regs r = { 0, 0, 0x12, 1, 1, 0x26, 0x20, 0 };    /* BCD, 12 hours */
	struct cmos_date d;
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.hour, 0);                                    /* 12 AM: midnight */
	r.hour = 0x80 | 0x12;
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.hour, 12);                                   /* 12 PM: noon */
	r.hour = 0x80 | 0x07;
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.hour, 19);
	r.hour = 0x07;
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.hour, 7);
	r.hour = 0x13;
	CHECK(!cmos_decode(&r, &d));
	r.hour = 0x00;
	CHECK(!cmos_decode(&r, &d));
	r = (struct cmos_regs){ 0, 0, 0x80 | 11, 1, 1, 26, 20, CMOS_B_BINARY };   /* binary, 12 hours */
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.hour, 23);
}

TEST(cmos_century_when_plausible)
{
	struct cmos_regs r = { 0, 0, 0, 1, 1, 0x05, 0x21, BCD24 };
	struct cmos_date d;
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.year, 2105);
	r.century = 0x00;                                       /* no century register */
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.year, 2005);
	r.century = 0xFF;                                       /* not BCD */
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.year, 2005);
	r.century = 0x45;
	CHECK(cmos_decode(&r, &d));
	CHECK_EQ(d.year, 2005);
}

TEST(cmos_rejects_garbage)
{
	struct cmos_date d = { 1, 2, 3, 4, 5, 6 };
	struct cmos_regs r = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, BCD24 };   /* no clock */
	CHECK(!cmos_decode(&r, &d));
	r = (struct cmos_regs){ 0x1A, 0, 0, 1, 1, 0, 0x20, BCD24 };                 /* digit A */
	CHECK(!cmos_decode(&r, &d));
	r = (struct cmos_regs){ 0, 0, 0, 0, 1, 0, 0x20, BCD24 };                    /* day 0 */
	CHECK(!cmos_decode(&r, &d));
	r = (struct cmos_regs){ 0, 0, 0, 1, 0x13, 0, 0x20, BCD24 };                 /* month 13 */
	CHECK(!cmos_decode(&r, &d));
	r = (struct cmos_regs){ 0, 0, 24, 1, 1, 0, 20, BIN24 };                     /* hour 24 */
	CHECK(!cmos_decode(&r, &d));
	r = (struct cmos_regs){ 0, 0, 0, 1, 1, 100, 20, BIN24 };                    /* year 100 */
	CHECK(!cmos_decode(&r, &d));
	CHECK_EQ(d.year, 1);                                    /* untouched on failure */
}
