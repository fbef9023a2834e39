/* Clock registers to a date (cmos.h). */
#include "cmos.h"

/* A register in the clock's format, or -1 when it is not a number. */
static int number(uint8_t v, bool binary)
{
	if (binary)
		return v;
	if ((v >> 4) > 9 || (v & 0xF) > 9)
		return -1;
	return (v >> 4) * 10 + (v & 0xF);
}

bool cmos_decode(const struct cmos_regs *r, struct cmos_date *d)
{
	bool binary = r->reg_b & CMOS_B_BINARY;
	bool pm = !(r->reg_b & CMOS_B_24H) && (r->hour & 0x80);
	int sec = number(r->sec, binary), min = number(r->min, binary);
	int hour = number(r->reg_b & CMOS_B_24H ? r->hour : (uint8_t)(r->hour & 0x7F), binary);
	int day = number(r->day, binary), month = number(r->month, binary);
	int year = number(r->year, binary), century = number(r->century, binary);
	if (sec < 0 || sec > 59 || min < 0 || min > 59 || day < 1 || day > 31 || month < 1 ||
	    month > 12 || year < 0 || year > 99 || hour < 0)
		return false;
	if (r->reg_b & CMOS_B_24H) {
		if (hour > 23)
			return false;
	} else {
		if (hour < 1 || hour > 12)
			return false;
		hour = hour % 12 + (pm ? 12 : 0);       /* 12 AM is 0, 12 PM is 12 */
	}
	if (century < 19 || century > 29)
		century = 20;
	*d = (struct cmos_date){ (unsigned)(century * 100 + year), (unsigned)month, (unsigned)day,
				 (unsigned)hour, (unsigned)min, (unsigned)sec };
	return true;
}
