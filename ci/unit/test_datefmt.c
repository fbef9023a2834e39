/* Unit tests for userspace/bin/date/datefmt.c: weekdays and date's line. */
#include "unit.h"
#include "datefmt.h"
#include <string.h>

#define D(y, m, d) (&(struct date_fields){ y, m, d, 0, 0, 0 })

TEST(datefmt_weekdays)
{
	CHECK_EQ(date_weekday(D(1900, 1, 1)), 1);               /* a Monday */
	CHECK_EQ(date_weekday(D(1970, 1, 1)), 4);               /* Thursday */
	CHECK_EQ(date_weekday(D(2000, 2, 29)), 2);              /* Tuesday, a leap day of a 400 year */
	CHECK_EQ(date_weekday(D(2000, 3, 1)), 3);
	CHECK_EQ(date_weekday(D(1900, 3, 1)), 4);               /* 1900 had no Feb 29 */
	CHECK_EQ(date_weekday(D(2024, 12, 31)), 2);
	CHECK_EQ(date_weekday(D(2026, 12, 1)), 2);              /* Tuesday */
	CHECK_EQ(date_weekday(D(2038, 1, 19)), 2);
}

TEST(datefmt_valid)
{
	CHECK(date_valid(D(2024, 2, 29)));
	CHECK(!date_valid(D(2026, 2, 29)));
	CHECK(!date_valid(D(2100, 2, 29)));
	CHECK(!date_valid(D(2026, 4, 31)));
	CHECK(!date_valid(D(2026, 13, 1)));
	CHECK(!date_valid(D(2026, 0, 1)));
	CHECK(!date_valid(D(2026, 1, 0)));
	CHECK(!date_valid(D(1899, 12, 31)));
	CHECK(!date_valid(&(struct date_fields){ 2026, 1, 1, 24, 0, 0 }));
}

TEST(datefmt_line_like_gnu_date)
{
	char buf[64];
	date_format(buf, sizeof(buf), &(struct date_fields){ 2026, 12, 1, 7, 35, 8 });
	CHECK_STR(buf, "Tue Dec  1 07:35:08 UTC 2026");
	date_format(buf, sizeof(buf), &(struct date_fields){ 1999, 12, 31, 23, 59, 59 });
	CHECK_STR(buf, "Fri Dec 31 23:59:59 UTC 1999");
}
