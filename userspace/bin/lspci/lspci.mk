# bin/lspci's pure part (pcinames.c: vendor and class names, the line it
# prints), tested on the host.
UNIT_TESTS += pcinames
UNIT_pcinames_SRCS := userspace/bin/lspci/pcinames.c
UNIT_pcinames_CFLAGS := -iquote userspace/bin/lspci
