#!/bin/sh
# hosted/make-run: the README's words, as a newcomer types them. `make run
# PLATFORM=linux` (and with SAN=1, and VALGRIND=1) with a line piped in:
# the line's output comes back, the end of input ends tern with status 0. The other hosted
# steps start tern-linux themselves; this one checks what make starts.
# Usage: ci/hosted-make-run.sh BUILD
set -u
build=$1
pass=0 fail=0
for san in 0 1; do
	out=$(printf 'echo make-run-ok-%s\n' "$san" |
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u VALGRIND -u TERN_LINUX_VALGRIND timeout 120 \
		make -s --no-print-directory BUILD="$build" SAN="$san" run PLATFORM=linux 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q "^make-run-ok-$san"; then
		echo "PASS make run PLATFORM=linux SAN=$san"
		pass=$((pass + 1))
	else
		echo "FAIL make run PLATFORM=linux SAN=$san (status $rc)"
		printf '%s\n' "$out" | tail -20
		fail=$((fail + 1))
	fi
done
# VALGRIND=1 (TESTS=1: the test archive): memcheck must report
# santest's use after free, which only valgrind can see here.
if command -v valgrind >/dev/null 2>&1; then
	out=$(printf '/test/santest uaf\necho make-run-ok-vg\n' |
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL timeout 300 \
		make -s --no-print-directory BUILD="$build" VALGRIND=1 TESTS=1 run PLATFORM=linux 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q "^make-run-ok-vg" &&
		printf '%s\n' "$out" | grep -q "^==[0-9]*== Invalid read of size 4"; then
		echo "PASS make run PLATFORM=linux VALGRIND=1"
		pass=$((pass + 1))
	else
		echo "FAIL make run PLATFORM=linux VALGRIND=1 (status $rc)"
		printf '%s\n' "$out" | tail -20
		fail=$((fail + 1))
	fi
else
	echo "(valgrind is not installed: make run VALGRIND=1 not tried)"
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
