#!/bin/sh
# The kernel test suite on PLATFORM=linux (docs/hosted.md): the same
# /test/ktest ELF as in ktest.run, attack.run and fuzz.run, as the root
# task of tern-linux. ktest itself skips the tests that need hardware a
# Linux process does not have, by name with the reason, and counts them
# (userspace/test/ktest/platform.c, from platform=linux on the command
# line); the suite's own "N passed, N failed" line is the result.
# VALGRIND=kernel runs tern-linux under valgrind (memcheck; an error fails).
# Usage: hosted-ktest.sh TERN_LINUX INITRAMFS [extra kernel arguments]
set -u
wrap=
[ "${VALGRIND:-0}" = kernel ] && wrap="valgrind -q --error-exitcode=99"
kernel=$1 initramfs=$2
shift 2

# The suite ends with a power off (status 0); a hang is a failure.
timeout 600 $wrap "$kernel" -c "init=/test/ktest $*" "$initramfs"
rc=$?
[ $rc -eq 0 ] || echo "hosted-ktest: tern-linux exited with status $rc"
exit $rc
