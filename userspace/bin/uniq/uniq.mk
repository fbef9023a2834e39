# bin/uniq's grouping of lines (uniqlines.c), tested on the host.
UNIT_TESTS += uniq
UNIT_uniq_SRCS := userspace/bin/uniq/uniqlines.c
UNIT_uniq_CFLAGS := -iquote userspace/bin/uniq
