#!/bin/sh
# tern-run --hosted refuses what only QEMU can do, with the reason, before
# it starts tern-linux: a scenario with a `serial` line (console-screen),
# one with `sendkey` (ps2kbd), one whose boot has other QEMU options
# (hardware's -rtc and -device), and one without -initrd (no-module).
# Usage: hosted-refuse.sh TERN_RUN TERN_LINUX INITRAMFS
set -u
run=$1 kernel=$2 initramfs=$3
pass=0 fail=0
check() {       # check SCENARIO REGEX
	out=$(KERNEL=${KERNEL:-x} INITRAMFS=$initramfs "$run" --hosted "$kernel" "ci/scenarios/$1.run" 2>&1)
	if printf '%s\n' "$out" | grep -qE "$2" && ! printf '%s\n' "$out" | grep -q 'tern 0.1 (x86_64, hosted'; then
		echo "PASS $1 refused"
		pass=$((pass + 1))
	else
		printf '%s\n' "$out" | tail -5
		echo "FAIL $1 not refused as expected"
		fail=$((fail + 1))
	fi
}
check console-screen '^FAIL .*console-screen.run:[0-9]+: "serial" chooses QEMU.s serial lines: QEMU only, not on the hosted target$'
check ps2kbd '"sendkey" types on QEMU.s PS/2 keyboard: QEMU only'
check hardware '"boot" has QEMU options beyond -kernel, -initrd, -append and -m: QEMU only'
check no-module 'boot needs -initrd ARCHIVE on the hosted target'
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
