/* Weekdays and date's line (datefmt.h). */
#include "datefmt.h"
#include <stdio.h>

static bool leap(unsigned y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned month_days(unsigned y, unsigned m)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool date_valid(const struct date_fields *d)
{
	return d->year >= 1900 && d->year <= 9999 && d->month >= 1 && d->month <= 12 &&
	       d->day >= 1 && d->day <= month_days(d->year, d->month) && d->hour < 24 &&
	       d->min < 60 && d->sec < 60;
}

/* Count days from Monday, 1 January 1900: plain counting, at most 8100
 * years of loop, is easier to trust than a closed formula. */
unsigned date_weekday(const struct date_fields *d)
{
	unsigned long days = 0;
	for (unsigned y = 1900; y < d->year; y++)
		days += leap(y) ? 366 : 365;
	for (unsigned m = 1; m < d->month; m++)
		days += month_days(d->year, m);
	days += d->day - 1;
	return (unsigned)((days + 1) % 7);
}

int date_format(char *buf, size_t size, const struct date_fields *d)
{
	static const char wday[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	return snprintf(buf, size, "%s %s %2u %02u:%02u:%02u UTC %u", wday[date_weekday(d)],
			mon[d->month - 1], d->day, d->hour, d->min, d->sec, d->year);
}
