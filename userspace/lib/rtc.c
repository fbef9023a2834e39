/* Client side of the real-time clock protocol (proto/rtc.h). */
#include <proto/rtc.h>

long rtc_time(uint64_t ep, struct rtc_time *t)
{
	struct tern_msg m = { .info = MSG_INFO(RTC_TIME, 0, 0) };
	int err = tern_call(ep, &m);
	if (err)
		return -err;
	if (MSG_LABEL(m.info))
		return -(long)MSG_LABEL(m.info);
	if (MSG_LEN(m.info) < 6)
		return -E_BAD_ARG;
	t->year = (unsigned)m.mr[0];
	t->month = (unsigned)m.mr[1];
	t->day = (unsigned)m.mr[2];
	t->hour = (unsigned)m.mr[3];
	t->min = (unsigned)msg_mr(&m, 4);
	t->sec = (unsigned)msg_mr(&m, 5);
	return 0;
}
