#!/bin/sh
# PLATFORM=linux, the host terminal end to end (hosted/hostterm.h), with
# the root task test/hostio: it maps the terminal, puts it in raw mode if
# it is one, and echoes standard input back in brackets, one wake-up at
# a time, until input ends (or ^D).
#   1. through a pipe: what it echoes is what we sent;
#   2. on a pty (script(1)): raw while it runs, bytes as typed, and the
#      terminal as it was after;
#   3. on a pty, its process killed while raw: tern-linux puts the
#      terminal back at once, before it ends itself.
# Usage: hosted-term.sh TERN_LINUX INITRAMFS
set -u
kernel=$1 initramfs=$2
pass=0 fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$(printf 'abc\nxyz\n' | timeout 30 "$kernel" -c "init=/test/hostio" "$initramfs")
rc=$?
printf '%s\n' "$out"
if [ $rc -eq 0 ] && [ "$(printf '%s' "$out" | tr -d '[]\n' | grep -o 'abcxyz')" = abcxyz ] &&
   printf '%s\n' "$out" | grep -q '^1 passed, 0 failed$'; then
	ok "standard input through a pipe is echoed as sent"
else
	bad "standard input through a pipe is echoed as sent (status $rc)"
fi

if ! command -v script >/dev/null; then
	echo "hosted-term: no script(1) for a pty; the raw mode tests are not run"
else
	# 2. A normal run on a pty.
	cat >"$tmp/run.sh" <<EOT
stty -g > $tmp/before
$kernel -c init=/test/hostio $initramfs < /dev/tty > $tmp/log 2>&1 &
k=\$!
sleep 1
stty -g > $tmp/raw
wait \$k
echo "status \$?" >> $tmp/log
stty -g > $tmp/after
EOT
	(sleep 2; printf 'ab'; sleep 0.5; printf 'c\004') | timeout 30 script -qec "sh $tmp/run.sh" /dev/null >/dev/null
	cat "$tmp/log"
	if ! cmp -s "$tmp/before" "$tmp/raw" && cmp -s "$tmp/before" "$tmp/after" &&
	   grep -q '^\[ab\]\[c' "$tmp/log" && grep -q '^status 0' "$tmp/log"; then
		ok "on a terminal: raw while it runs, bytes as typed, put back after"
	else
		bad "on a terminal: raw while it runs, bytes as typed, put back after"
	fi

	# 3. The holder's process killed while the terminal is raw.
	cat >"$tmp/crash.sh" <<EOT
stty -g > $tmp/before
$kernel -c init=/test/hostio $initramfs < /dev/tty > $tmp/log 2>&1 &
k=\$!
sleep 1
stty -g > $tmp/raw
v=\$(awk -v p=\$k '\$4 == p && \$2 == "(test/hostio)" { print \$1 }' /proc/[0-9]*/stat 2>/dev/null)
[ -n "\$v" ] && kill -9 \$v
sleep 1
stty -g > $tmp/after
kill -TERM \$k
wait \$k
EOT
	(sleep 4) | timeout 30 script -qec "sh $tmp/crash.sh" /dev/null >/dev/null
	cat "$tmp/log"
	if ! cmp -s "$tmp/before" "$tmp/raw" && cmp -s "$tmp/before" "$tmp/after" &&
	   grep -q 'hosted: task [0-9]* (test/hostio): its process ended (signal 9)' "$tmp/log"; then
		ok "a killed holder's terminal is put back while tern-linux runs"
	else
		bad "a killed holder's terminal is put back while tern-linux runs"
	fi
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
