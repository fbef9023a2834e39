# bin/date's pure part (datefmt.c: weekdays, the line it prints), tested
# on the host.
UNIT_TESTS += datefmt
UNIT_datefmt_SRCS := userspace/bin/date/datefmt.c
UNIT_datefmt_CFLAGS := -iquote userspace/bin/date
