#!/bin/sh
# One scenario with every program under valgrind's memcheck (VALGRIND=1,
# docs/hosted.md): ci/hosted-scenario.sh with TERN_LINUX_VALGRIND=1
# (tern-linux -V) and the USER_VG=1 programs, then no valgrind file left
# in /tmp. Skipped where valgrind is
# not installed (ci/deps.sh installs it).
# Usage: hosted-valgrind.sh TERN_RUN TERN_LINUX VG_INITRAMFS SCENARIO LOG
set -u
if ! command -v valgrind >/dev/null 2>&1; then
	echo "SKIP: valgrind is not installed (ci/deps.sh)"
	echo "0 passed, 0 failed"
	exit 0
fi
# ... and nothing of valgrind's left in /tmp (its gdb server's FIFOs,
# which a killed task process would leave: tern-linux says --vgdb=no).
vgdb() { ls /tmp 2>/dev/null | grep '^vgdb-' | sort; }
before=$(vgdb)
TERN_LINUX_VALGRIND=1 sh ci/hosted-scenario.sh "$@"
rc=$?
new=$(vgdb | comm -13 "$(printf '%s\n' "$before" > "$5.vgdb"; echo "$5.vgdb")" -)
rm -f "$5.vgdb"
if [ -n "$new" ]; then
	echo "FAIL left behind in /tmp: $(echo $new)"
	echo "0 passed, 1 failed"
	exit 1
fi
exit $rc
