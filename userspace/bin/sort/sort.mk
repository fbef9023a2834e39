# bin/sort's comparison and ordering (sortlines.c), tested on the host.
UNIT_TESTS += sort
UNIT_sort_SRCS := userspace/bin/sort/sortlines.c
UNIT_sort_CFLAGS := -iquote userspace/bin/sort
