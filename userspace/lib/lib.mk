# userspace/lib's pure parsers (INI, ustar, ELF) and ring buffer: host unit
# tests and libFuzzer targets. The library itself is built by userspace.mk.
# Headers are found with -iquote: the host has its own <tar.h>, and -I
# would let userspace/lib/include/string.h shadow the host's.

LIB_TEST_CFLAGS := -iquote userspace/lib/include

UNIT_TESTS += ini tar elf ring
UNIT_ini_SRCS := userspace/lib/ini.c
UNIT_ini_CFLAGS := $(LIB_TEST_CFLAGS)
UNIT_tar_SRCS := userspace/lib/tar.c
UNIT_tar_CFLAGS := $(LIB_TEST_CFLAGS)
UNIT_elf_SRCS := userspace/lib/elf.c
UNIT_elf_CFLAGS := $(LIB_TEST_CFLAGS)
UNIT_ring_SRCS := userspace/lib/ring.c
UNIT_ring_CFLAGS := $(LIB_TEST_CFLAGS)
UNIT_TESTS += toolopt
UNIT_toolopt_SRCS := userspace/lib/toolopt.c
UNIT_toolopt_CFLAGS := $(LIB_TEST_CFLAGS)
UNIT_TESTS += ttyline
UNIT_ttyline_SRCS := userspace/lib/ttyline.c
UNIT_ttyline_CFLAGS := $(LIB_TEST_CFLAGS)

FUZZ_TARGETS += ini tar elf
FUZZ_ini_SRCS := userspace/lib/ini.c
FUZZ_ini_CFLAGS := $(LIB_TEST_CFLAGS)
FUZZ_tar_SRCS := userspace/lib/tar.c
FUZZ_tar_CFLAGS := $(LIB_TEST_CFLAGS)
FUZZ_elf_SRCS := userspace/lib/elf.c
FUZZ_elf_CFLAGS := $(LIB_TEST_CFLAGS)

include ci/fuzz/fuzz.mk
