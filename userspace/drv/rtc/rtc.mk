# drv/rtc's pure part (cmos.c: the clock's registers to a date, BCD or
# binary, 12 or 24 hours, the century), tested on the host.
UNIT_TESTS += cmos
UNIT_cmos_SRCS := userspace/drv/rtc/cmos.c
UNIT_cmos_CFLAGS := -iquote userspace/drv/rtc
