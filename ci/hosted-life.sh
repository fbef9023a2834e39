#!/bin/sh
# PLATFORM=linux, the life of tern-linux's processes (docs/hosted.md):
# the normal system (init from the initramfs) starts; a task process killed
# from outside is a fault its supervisor hears of, and one of the
# processes started ahead, killed, is never given to a task; SIGTERM
# powers off with status 0 and leaves no process behind. Its standard
# input is a FIFO we hold open and never write: input that ended would
# end tern-linux (hostterm passes the end on and the console's getty
# powers off; that is ci/hosted-end.sh's), before the kill and the SIGTERM.
# Usage: hosted-life.sh TERN_LINUX INITRAMFS
set -u
kernel=$1 initramfs=$2
log=$(mktemp)
fifo=$log.in
mkfifo "$fifo"
exec 3<>"$fifo"         # open for both: its reader never sees an end
pass=0 fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
# children PID [NAME]: its child processes (named NAME), from /proc.
# (cat, not awk's own files: mawk stops at the first process that ended
# between the glob and the read, and the list came back short.)
children() {
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v p="$1" -v n="${2:+($2)}" '$4 == p && (n == "" || $2 == n) { print $1 }'
}
# wait_count REGEX N SECONDS: until the log has N lines matching REGEX.
wait_count() {
	i=0
	while [ $i -lt $(($3 * 10)) ]; do
		[ "$(grep -cE "$1" "$log")" -ge "$2" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# wait_for REGEX SECONDS: until the log has a line matching REGEX.
wait_for() {
	i=0
	while [ $i -lt $(($2 * 10)) ]; do
		grep -qE "$1" "$log" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

"$kernel" "$initramfs" <"$fifo" >"$log" 2>&1 &
pid=$!
if wait_for 'ramfs: serving' 20; then ok "init starts ramfs"; else bad "init starts ramfs"; fi

victim=$(children "$pid" ramfs)
if [ -n "$victim" ]; then
	kill -9 "$victim"
	if wait_for 'hosted: task [0-9]+ \(ramfs\): its process ended \(signal 9\); a fault' 10 &&
	   wait_for 'init: ramfs \(id [0-9]+\) stopped: CPU exception 13' 10; then
		ok "a killed task process is a fault init hears of"
	else
		bad "a killed task process is a fault init hears of"
	fi
else
	bad "ramfs runs in a process named ramfs"
fi

# The processes started ahead (spawn.c's pool, still named tern-task)
# killed from outside: tern-linux reaps them and starts others (no zombie
# is left to be handed to the next task), and a driver restarted after
# that (hostterm, killed too) starts in a live process.
pool=$(children "$pid" tern-task)
if [ -n "$pool" ]; then
	kill -9 $pool
	i=0 ok=0
	while [ $i -lt 20 ]; do
		sleep 0.1
		i=$((i + 1))
		now=$(children "$pid" tern-task)
		zombies=$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v p="$pid" '$4 == p && $3 == "Z" { print $1 }')
		stale=0
		for p in $pool; do echo "$now" | grep -qx "$p" && stale=1; done
		# (what was named tern-task may include a stopped task's new
		# process, as ramfs's above: not replaced; the pool is 2)
		if [ -z "$zombies" ] && [ $stale = 0 ] && [ "$(echo "$now" | grep -c .)" -ge 2 ]; then
			ok=1
			break
		fi
	done
	if [ $ok = 1 ]; then
		ok "killed processes of the start-ahead pool are reaped and replaced"
	else
		bad "killed processes of the start-ahead pool are reaped and replaced (now: $(echo $now), zombies: $(echo $zombies))"
	fi
	term=$(children "$pid" hostterm)
	kill -9 "$term"
	if wait_count '^\[[0-9]+ hostterm\] hostterm: host terminal, woken by its note' 2 10 && sleep 0.5 &&
	   [ "$(grep -c 'hosted: task [0-9]* (hostterm): its process ended' "$log")" -eq 1 ]; then
		ok "a driver restarted after that starts in a live process"
	else
		bad "a driver restarted after that starts in a live process"
	fi
else
	bad "tern-linux has processes started ahead"
fi

tasks=$(children "$pid")
kill -TERM "$pid"
wait "$pid"
rc=$?
if [ $rc -eq 0 ] && grep -q 'tern: SIGTERM: powering off' "$log"; then ok "SIGTERM powers off, status 0"; else bad "SIGTERM powers off, status 0 (status $rc)"; fi
left=0
for t in $tasks; do
	kill -0 "$t" 2>/dev/null && left=$((left + 1))
done
if [ -n "$tasks" ] && [ "$left" -eq 0 ]; then ok "no task process is left"; else bad "no task process is left ($left are)"; fi

echo "--- tern-linux's output"
cat "$log"
exec 3>&-
rm -f "$log" "$fifo"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
