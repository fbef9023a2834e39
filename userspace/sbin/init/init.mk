# init's manifest checker is pure code: unit-tested on the host.
UNIT_TESTS += manifest
UNIT_manifest_SRCS := userspace/sbin/init/manifest.c userspace/lib/ini.c
UNIT_manifest_CFLAGS := -iquote userspace/sbin/init -iquote userspace/lib/include
# Kernel command line values in init.conf (${NAME:-DEFAULT}).
UNIT_TESTS += confvar
UNIT_confvar_SRCS := userspace/sbin/init/confvar.c
UNIT_confvar_CFLAGS := -iquote userspace/sbin/init -I userspace/sbin/init
# The function a fault is in, from the program's symbol table (fault lines).
UNIT_TESTS += faultsym
UNIT_faultsym_SRCS := userspace/sbin/init/faultsym.c userspace/lib/elf.c
UNIT_faultsym_CFLAGS := -iquote userspace/sbin/init -iquote userspace/lib/include
