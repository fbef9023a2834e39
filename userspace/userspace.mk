# Userspace programs (filled in by the userspace issue).
USER_PROGRAMS :=
include userspace/lib/lib.mk
