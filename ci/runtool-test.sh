#!/bin/sh
# The run tool's own rules, checked on a fake target: `tern-run --hosted`
# runs any program on a pty, here a small script that prints a number in
# two pieces with a pause between them, as a serial line may deliver it.
# `capture` must take the whole line, "10", and not the "1" that arrived
# first: it once did, and shell-pipes then waited for a line that never
# came (1 run in 8 under load). And `boot` gives tern-linux the memory
# size QEMU would get: -m 256 by default (run_mem_default), a scenario's
# own -m otherwise (small-memory.run's -m 16 reaches tern-linux).
# Usage: runtool-test.sh TERN_RUN
set -u
run=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/fake" <<'FAKE'
#!/bin/sh
printf '1'
sleep 1
printf '0\ngot 10\n'
FAKE
chmod +x "$dir/fake"
cat >"$dir/capture.run" <<'RUN'
boot -initrd /dev/null
timeout 10
capture N "^([0-9]+)$"
expect "^got ${N}$"
exit ok
RUN
pass=0 fail=0
if KERNEL=x INITRAMFS=/dev/null "$run" --hosted "$dir/fake" "$dir/capture.run" >"$dir/out" 2>&1; then
	echo "PASS capture waits for the end of the line"
	pass=1
else
	tail -12 "$dir/out"
	echo "FAIL capture took part of a line"
	fail=1
fi
# A fake tern-linux that prints the words it was started with.
cat >"$dir/args" <<'FAKE'
#!/bin/sh
echo "args: $*"
FAKE
chmod +x "$dir/args"
memcheck() {    # memcheck NAME BOOT-WORDS EXPECTED-REGEX
	printf 'boot %s\ntimeout 10\nexpect "%s"\nexit ok\n' "$2" "$3" >"$dir/$1.run"
	if env -u QEMU_MEM KERNEL=x "$run" --hosted "$dir/args" "$dir/$1.run" >"$dir/out" 2>&1; then
		echo "PASS $1"
		pass=$((pass + 1))
	else
		tail -6 "$dir/out"
		echo "FAIL $1"
		fail=$((fail + 1))
	fi
}
memcheck mem-default "-initrd /dev/null" "^args: -m 256 /dev/null$"
memcheck mem-given "-m 16 -kernel x -initrd /dev/null -append ktest=heap" "^args: -m 16 -c ktest=heap /dev/null$"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
