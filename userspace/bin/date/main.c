/*
 * date: the date and time from the real-time clock (drv/rtc through
 * proto/rtc.h, manifest slot 0), as GNU date prints it by default. The PC
 * clock has no time zone; tern keeps it in UTC (QEMU's default), so
 * `date` and `date -u` print the same. Setting the clock is not offered:
 * drv/rtc only reads it.
 */
#include "datefmt.h"
#include <proto/rtc.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>
#include <tern/tool.h>

#define DATE_RTC PROG_CAP(0)    /* service=rtc */

static int usage(void)
{
	return tool_usage("[-u]\n  print the date and time of the real-time clock (UTC)");
}

int main(int argc, const char **argv)
{
	tool_init(argc, argv);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-u"))
			continue;
		if (strcmp(argv[i], "-h"))
			tool_error("unknown argument '%s'", argv[i]);
		return usage();
	}
	struct rtc_time t;
	long r = rtc_time(DATE_RTC, &t);
	if (r == -RTC_EBADCLOCK)
		return tool_error("the real-time clock holds no valid date");
	if (r)
		return tool_error("the rtc service: %s", tern_strerror((uint64_t)-r));
	struct date_fields d = { t.year, t.month, t.day, t.hour, t.min, t.sec };
	if (!date_valid(&d))
		return tool_error("the clock says %u-%u-%u %u:%u:%u, which is no date", t.year, t.month,
				  t.day, t.hour, t.min, t.sec);
	char line[64];
	date_format(line, sizeof(line), &d);
	printf("%s\n", line);
	return 0;
}
