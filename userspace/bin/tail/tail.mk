# bin/tail's ring of the last lines, tested on the host.
UNIT_TESTS += tail
UNIT_tail_SRCS := userspace/bin/tail/ring.c
UNIT_tail_CFLAGS := -iquote userspace/bin/tail
