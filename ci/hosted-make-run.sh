#!/bin/sh
# hosted/make-run: the README's words, as a newcomer types them. `make run
# PLATFORM=linux` (and with SAN=1, and VALGRIND=1) with a line piped in:
# the line's output comes back, the end of input ends tern with status 0.
# The other hosted steps start tern-linux themselves; this one checks
# what make starts.
# Usage: ci/hosted-make-run.sh BUILD
set -u
build=$1
pass=0 fail=0

# try NAME INPUT SECS PATTERN MAKE-ARGS...: pipe INPUT into `make run
# PLATFORM=linux MAKE-ARGS`; it must end with status 0 and print a line
# that ends the input's last command ("make-run-ok") and one matching
# PATTERN (a grep -E). Our own make's variables stay out of it.
try() {
	name=$1 input=$2 secs=$3 pattern=$4
	shift 4
	out=$(printf '%b' "$input" |
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u VALGRIND -u TERN_LINUX_VALGRIND timeout "$secs" \
		make -s --no-print-directory BUILD="$build" "$@" run PLATFORM=linux 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q "^make-run-ok" &&
		printf '%s\n' "$out" | grep -qE "$pattern"; then
		echo "PASS make run PLATFORM=linux $name"
		pass=$((pass + 1))
	else
		echo "FAIL make run PLATFORM=linux $name (status $rc)"
		printf '%s\n' "$out" | tail -20
		fail=$((fail + 1))
	fi
}

try SAN=0 'echo make-run-ok\n' 120 . SAN=0
try SAN=1 'echo make-run-ok\n' 120 . SAN=1
# VALGRIND=1 (TESTS=1: the test archive): memcheck must report
# santest's use after free, which only valgrind can see here.
if command -v valgrind >/dev/null 2>&1; then
	try VALGRIND=1 '/test/santest uaf\necho make-run-ok\n' 300 '^==[0-9]*== Invalid read of size 4' \
		VALGRIND=1 TESTS=1
else
	echo "(valgrind is not installed: make run VALGRIND=1 not tried)"
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
