#!/bin/sh
# One scenario with every program under valgrind's memcheck (VALGRIND=1,
# docs/hosted.md): ci/hosted-scenario.sh with TERN_LINUX_VALGRIND=1
# (tern-linux -V) and the USER_VG=1 programs. Skipped where valgrind is
# not installed (ci/deps.sh installs it).
# Usage: hosted-valgrind.sh TERN_RUN TERN_LINUX VG_INITRAMFS SCENARIO LOG
set -u
if ! command -v valgrind >/dev/null 2>&1; then
	echo "SKIP: valgrind is not installed (ci/deps.sh)"
	echo "0 passed, 0 failed"
	exit 0
fi
TERN_LINUX_VALGRIND=1 exec sh ci/hosted-scenario.sh "$@"
