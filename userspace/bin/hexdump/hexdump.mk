# bin/hexdump's line format, tested on the host against `hexdump -C`'s.
UNIT_TESTS += hexdump
UNIT_hexdump_SRCS := userspace/bin/hexdump/hexline.c
UNIT_hexdump_CFLAGS := -iquote userspace/bin/hexdump
