# bin/cpuinfo's pure part (cpuflags.c: flag names, family/model/stepping),
# tested on the host.
UNIT_TESTS += cpuflags
UNIT_cpuflags_SRCS := userspace/bin/cpuinfo/cpuflags.c
UNIT_cpuflags_CFLAGS := -iquote userspace/bin/cpuinfo
