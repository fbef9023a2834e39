# bin/wc's counting, tested on the host; and /etc/init.conf's counts as the
# host's wc makes them, for ci/scenarios/tools-files.run (${WC_INITCONF_*}),
# so that scenario need not change when init.conf does.

UNIT_TESTS += wc
UNIT_wc_SRCS := userspace/bin/wc/count.c
UNIT_wc_CFLAGS := -iquote userspace/bin/wc

WC_INITCONF := $(shell wc initramfs/root/etc/init.conf 2>/dev/null)
export WC_INITCONF_LINES := $(word 1,$(WC_INITCONF))
export WC_INITCONF_WORDS := $(word 2,$(WC_INITCONF))
export WC_INITCONF_BYTES := $(word 3,$(WC_INITCONF))
