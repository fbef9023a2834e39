/*
 * The real-time clock: what drv/rtc serves as "rtc" (to date). The reply's
 * label is 0 or an error code.
 *
 *   RTC_TIME   Reply MR0 = year (e.g. 2026), MR1 = month (1..12),
 *              MR2 = day (1..31), MR3 = hour (0..23), MR4 = minute,
 *              MR5 = second, as the clock holds them (UTC on a PC set up
 *              as QEMU's default; the CMOS clock has no time zone).
 *              RTC_EBADCLOCK when the clock holds no valid date (a dead
 *              battery, a clock never set): nobody gets a made-up time.
 *
 * Unknown methods are answered E_BAD_SYSCALL. Answers never wait for the
 * hardware: the driver keeps the time it read at the last update-ended
 * interrupt (drv/rtc/main.c).
 */
#pragma once
#include <tern/msgbuf.h>

enum rtc_method {
	RTC_TIME = 1,
};

enum rtc_error {
	RTC_EBADCLOCK = 400,    /* the clock's registers hold no valid date */
};

struct rtc_time {
	unsigned year, month, day, hour, min, sec;
};

/* Client stub (lib/rtc.c): 0 or -E_* / -RTC_E*. */
long rtc_time(uint64_t ep, struct rtc_time *t);
