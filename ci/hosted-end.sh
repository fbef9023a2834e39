#!/bin/sh
# PLATFORM=linux, how tern-linux ends with its input (docs/hosted.md): the
# normal system (init.conf, hostterm, getty, sh) with standard input that
# ends, and ^D at the console shell's bare prompt on a pty. hostterm
# answers reads with end of stream once the input has ended and all of it
# was read, the shell ends as at ^D, and the console's getty (-p, from
# tern-linux's console_end=-p) powers off: status 0.
#   1. `printf 'echo hi\n' | tern-linux`: the output is seen, status 0;
#   2. </dev/null, and standard input closed (<&-, read as ended):
#      status 0, no shell command needed;
#   3. flow control: 600 command lines (more than hostterm's 4 KiB ring)
#      while the shell sleeps, so hostterm holds and does not re-arm;
#      then, 3 s later, one more line: every line answered, the last one
#      too (it fails, timing out, if hostterm does not re-arm the
#      terminal once reads made room), then status 0;
#   4. on a pty (script(1)): ^D at the prompt, status 0, the terminal raw
#      while it ran and as it was after.
# After each, no tern-task process of this build is left without its
# tern-linux, and no new file is in /dev/shm.
# Usage: hosted-end.sh TERN_LINUX INITRAMFS
set -u
kernel=$1 initramfs=$2
dir=$(cd "$(dirname "$kernel")" && pwd)
pass=0 fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tasks() {       # tern-task processes whose parent is not a tern-linux
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/exe" 2>/dev/null)" = "$dir/tern-task" ] || continue
		pp=$(awk '{ print $4 }' "$p/stat" 2>/dev/null)
		[ "$(readlink "/proc/$pp/exe" 2>/dev/null)" = "$dir/tern-linux" ] || echo "${p#/proc/}"
	done
}
before_tasks=$(tasks)
ls /dev/shm 2>/dev/null | sort >"$tmp/shm"
# clean WHAT: nothing of ours is left (other runs' orphans were there before).
clean() {
	sleep 0.2
	left=$(tasks)
	for p in $before_tasks; do left=$(echo "$left" | grep -vx "$p"); done
	new_shm=$(ls /dev/shm 2>/dev/null | sort | comm -13 "$tmp/shm" -)
	if [ -z "$left" ] && [ -z "$new_shm" ]; then
		ok "$1: nothing left behind"
	else
		bad "$1: left behind: processes [$(echo $left)] /dev/shm [$(echo $new_shm)]"
	fi
}

# run ARGS...: tern-linux with our standard input; its output, without
# the "\r" hostterm puts before each "\n" (a terminal's), in $tmp/log;
# its status in $tmp/rc (run may be the end of a pipeline: a subshell).
run() {
	timeout "$@" >"$tmp/raw.log" 2>&1
	echo $? >"$tmp/rc"
	tr -d '\r' <"$tmp/raw.log" >"$tmp/log"
}

printf 'echo hi\n' | run 60 "$kernel" "$initramfs"
rc=$(cat "$tmp/rc")
cat "$tmp/log"
if [ $rc -eq 0 ] && grep -q '^hi$' "$tmp/log" && grep -q '^init: power off requested by getty' "$tmp/log"; then
	ok "piped input: its command runs, then tern-linux ends with status 0"
else
	bad "piped input: its command runs, then tern-linux ends with status 0 (status $rc)"
fi
clean "piped input"

run 60 "$kernel" "$initramfs" </dev/null
rc=$(cat "$tmp/rc")
if [ $rc -eq 0 ] && grep -q '^init: power off requested by getty' "$tmp/log"; then
	ok "empty input: status 0"
else
	cat "$tmp/log"
	bad "empty input: status 0 (status $rc)"
fi
clean "empty input"

run 60 "$kernel" "$initramfs" <&-
rc=$(cat "$tmp/rc")
if [ $rc -eq 0 ] && grep -q '^init: power off requested by getty' "$tmp/log"; then
	ok "closed input: status 0"
else
	cat "$tmp/log"
	bad "closed input: status 0 (status $rc)"
fi
clean "closed input"

feed() {
	echo "sleep 1"
	i=0
	while [ $i -lt 600 ]; do echo "echo line-$i"; i=$((i + 1)); done
	sleep 3
	echo "echo second-burst"
}
feed | run 120 "$kernel" "$initramfs"
rc=$(cat "$tmp/rc")
n=$(grep -c '^line-[0-9]*$' "$tmp/log")
if [ $rc -eq 0 ] && [ "$n" -eq 600 ] && grep -q '^second-burst$' "$tmp/log"; then
	ok "600 lines held back, then one more: all answered, status 0"
else
	tail -20 "$tmp/log"
	bad "600 lines held back, then one more: all answered, status 0 (status $rc, $n of 600)"
fi
clean "flow control"

if ! command -v script >/dev/null; then
	echo "hosted-end: no script(1) for a pty; ^D on a terminal is not tested here (hosted/boot does)"
else
	cat >"$tmp/run.sh" <<EOT
stty -g > $tmp/before
$kernel $initramfs < /dev/tty > $tmp/tty.log 2>&1 &
k=\$!
while ! grep -q 'tern:/\\$ ' $tmp/tty.log 2>/dev/null; do sleep 0.1; done
stty -g > $tmp/raw
touch $tmp/prompt
wait \$k
echo "status \$?" >> $tmp/tty.log
stty -g > $tmp/after
EOT
	(i=0; while [ ! -e "$tmp/prompt" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done; sleep 0.3
	 printf '\004'; sleep 2) | timeout 90 script -qec "sh $tmp/run.sh" /dev/null >/dev/null
	cat "$tmp/tty.log"
	if ! cmp -s "$tmp/before" "$tmp/raw" && cmp -s "$tmp/before" "$tmp/after" &&
	   grep -q '^status 0' "$tmp/tty.log" && grep -q 'power off requested by getty' "$tmp/tty.log"; then
		ok "on a terminal: ^D at the prompt ends it, status 0, the terminal put back"
	else
		bad "on a terminal: ^D at the prompt ends it, status 0, the terminal put back"
	fi
	clean "^D on a terminal"
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
