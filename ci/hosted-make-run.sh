#!/bin/sh
# hosted/make-run: the README's words, as a newcomer types them. `make run
# PLATFORM=linux` (and with SAN=1) with a line piped in: the line's output
# comes back, the end of input ends tern with status 0. The other hosted
# steps start tern-linux themselves; this one checks what make starts.
# Usage: ci/hosted-make-run.sh BUILD
set -u
build=$1
pass=0 fail=0
for san in 0 1; do
	out=$(printf 'echo make-run-ok-%s\n' "$san" |
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL timeout 120 \
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
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
