# bin/sh's pure parts, tested on the host: the line editor, the parser,
# Tab completion and path resolution. -iquote finds their headers without
# letting userspace/lib/include shadow the host's libc headers.

UNIT_TESTS += lineedit shparse complete
UNIT_lineedit_SRCS := userspace/bin/sh/lineedit.c
UNIT_lineedit_CFLAGS := -iquote userspace/bin/sh
UNIT_shparse_SRCS := userspace/bin/sh/shparse.c userspace/lib/path.c
UNIT_shparse_CFLAGS := -iquote userspace/bin/sh -iquote userspace/lib/include
UNIT_complete_SRCS := userspace/bin/sh/complete.c
UNIT_complete_CFLAGS := -iquote userspace/bin/sh
