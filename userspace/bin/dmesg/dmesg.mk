# bin/dmesg's ring reader (klogread.c), tested on the host.
# -idirafter finds <abi/klog.h> without letting kernel/include shadow the
# host's libc headers.

UNIT_TESTS += klogread
UNIT_klogread_SRCS := userspace/bin/dmesg/klogread.c
UNIT_klogread_CFLAGS := -iquote userspace/bin/dmesg -idirafter kernel/include
