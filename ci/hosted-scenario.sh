#!/bin/sh
# One scenario on PLATFORM=linux: tern-run --hosted runs tern-linux on a
# pty (ci/run/hosted_target.c), then we check that nothing is left
# behind: no tern-task process of this kernel's build without its
# tern-linux (orphans: another run's live tasks, say of a `make check`
# next to this one, have theirs), and no new file in /dev/shm (the memory
# file is a memfd; there should never be one). Its output ends with the
# "N passed, N failed" of both.
# Usage: hosted-scenario.sh TERN_RUN TERN_LINUX INITRAMFS SCENARIO LOG
set -u
run=$1 kernel=$2 initramfs=$3 scenario=$4 log=$5
dir=$(cd "$(dirname "$kernel")" && pwd)
tasks() {       # tern-task processes whose parent is not a tern-linux
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/exe" 2>/dev/null)" = "$dir/tern-task" ] || continue
		pp=$(awk '{ print $4 }' "$p/stat" 2>/dev/null)
		[ "$(readlink "/proc/$pp/exe" 2>/dev/null)" = "$dir/tern-linux" ] || echo "${p#/proc/}"
	done
}
before_shm=$(ls /dev/shm 2>/dev/null | sort)
before=$(tasks)
KERNEL=${KERNEL:-$kernel} INITRAMFS=$initramfs "$run" -l "$log" --hosted "$kernel" "$scenario"
rc=$?
sleep 0.2
left=$(tasks)
for p in $before; do left=$(echo "$left" | grep -vx "$p"); done
new_shm=$(ls /dev/shm 2>/dev/null | sort | comm -13 "$(printf '%s\n' "$before_shm" > "${log}.shm"; echo "${log}.shm")" -)
rm -f "${log}.shm"
if [ -n "$left" ] || [ -n "$new_shm" ]; then
	echo "FAIL left behind: processes [$(echo $left)] /dev/shm [$(echo $new_shm)]"
	echo "0 passed, 1 failed"
	exit 1
fi
echo "PASS nothing left behind"
exit $rc
