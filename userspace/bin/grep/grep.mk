# bin/grep's regular expressions (regex.c), tested on the host.
UNIT_TESTS += regex
UNIT_regex_SRCS := userspace/bin/grep/regex.c
UNIT_regex_CFLAGS := -iquote userspace/bin/grep
