#!/bin/sh
# The lab runs, tested on a fake lab (docs/lab.md): machines that are
# QEMU instances booting over PXE from a TFTP root of our own, started by
# their power_on command and read through a console command, exactly as
# tern-run --lab drives a real lab (ci/lab/fake-machine.sh). Shown here:
#   - the supervisor scenario passing on two machines in parallel, one
#     booting through pxelinux with its console on COM1, one through iPXE
#     with console_port=com2 (its kernel gets console=com2), the table,
#     exit 0; no per-machine entry or loaded kernel left afterwards, the
#     default entries byte for byte what they were; then shell-basics;
#   - the console command gets a terminal in raw mode (tty-console.sh);
#   - a failing scenario: verdict fail with its line, exit status 1;
#   - machines that never boot (power_on fails; the console stays silent):
#     each retried once, saying so, then "no boot";
#   - while a run holds a machine: a machine the lab does not list boots
#     the default entry, and a second run on the same machine is refused;
#     a TERM then ends the run, leaving nothing behind;
#   - scenarios, lab files and kernels a lab cannot run refused before any
#     power-on; lab/example.ini is a good lab file.
# Needs BUILD, TERN_RUN, KERNEL, INITRAMFS and the PXE tree ($PXE_TREE).
set -u
: "${BUILD:=build}" "${TERN_RUN:=$BUILD/ci/tern-run}" "${KERNEL:=$BUILD/kernel/tern.elf}"
: "${INITRAMFS:=$BUILD/initramfs.tar}" "${PXE_TREE:=$BUILD/images/pxe}"
top=$(pwd)
dir=$top/$BUILD/lab-test
root=$dir/tftp
passed=0 failed=0

ok() { echo "PASS $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
check() {       # check NAME COMMAND...: pass if the command succeeds
	name=$1
	shift
	if "$@"; then ok "$name"; else bad "$name"; fi
}

for f in "$TERN_RUN" "$KERNEL" "$INITRAMFS" "$PXE_TREE/pxelinux.0"; do
	[ -e "$f" ] || { echo "lab-test: no $f (make check builds it)"; echo "0 passed, 1 failed"; exit 1; }
done
rm -rf "$dir"
mkdir -p "$dir"
cp -R "$PXE_TREE" "$root"
chmod -R u+w "$root"
cp "$root/pxelinux.cfg/default" "$dir/default.before"
cp "$root/boot.ipxe" "$dir/boot.ipxe.before"

fake="sh $top/ci/lab/fake-machine.sh"
machine() {     # machine NAME MAC PORT LOADER [KEY=VALUE lines]
	n=$1 mac=$2 port=$3 loader=$4
	shift 4
	printf '[machine %s]\nmac = %s\n' "$n" "$mac"
	printf 'power_on = %s on %s $TERN_LAB_MAC %s %s\n' "$fake" "$dir/$n" "$port" "$loader"
	printf 'power_off = %s off %s\n' "$fake" "$dir/$n"
	printf 'console = %s console %s   # the fifos of its serial line\n' "$fake" "$dir/$n"
	printf 'console_port = %s\nboot_timeout = 120\n' "$port"
	for kv in "$@"; do echo "$kv"; done
}
{
	echo "# A fake lab for ci/lab/lab-test.sh (generated)"
	printf '[lab]\ntftp_root = %s\ntimeout_scale = 3\n' "$root"
	machine node1 52:54:00:4c:41:01 com1 pxelinux
	machine node2 52:54:00:4c:41:02 com2 ipxe
	# Never boots: power_on fails.
	printf '[machine dead]\nmac = 52:54:00:4c:41:03\npower_on = false\npower_off = true\n'
	printf 'console = sleep 600\nboot_timeout = 5\n'
	# Powers on, but its console stays silent.
	printf '[machine mute]\nmac = 52:54:00:4c:41:04\npower_on = true\npower_off = true\n'
	printf 'console = sleep 600\nboot_timeout = 3\n'
	# Powers on, stays silent for long: holds its entries while the
	# tests below boot an unlisted machine and try to take it.
	printf '[machine hold]\nmac = 52:54:00:4c:41:06\npower_on = true\npower_off = true\n'
	printf 'console = sleep 600\nboot_timeout = 60\n'
	# No machine, a console that checks it has a terminal (tty-console.sh).
	printf '[machine tty]\nmac = 52:54:00:4c:41:05\npower_on = true\npower_off = true\n'
	printf 'console = sh %s/ci/lab/tty-console.sh\nboot_timeout = 10\n' "$top"
} >"$dir/lab.ini"

lab() {         # lab NAME MACHINES SCENARIO: tern-run --lab; output in $dir/NAME.out
	"$TERN_RUN" --lab "$dir/lab.ini" --machines "$2" --logs "$dir/$1" "$3" \
		KERNEL="$KERNEL" INITRAMFS="$INITRAMFS" >"$dir/$1.out" 2>&1
}
lab_bg() {      # lab_bg NAME MACHINES SCENARIO: the same in the background; its pid in $labpid
	"$TERN_RUN" --lab "$dir/lab.ini" --machines "$2" --logs "$dir/$1" "$3" \
		KERNEL="$KERNEL" INITRAMFS="$INITRAMFS" >"$dir/$1.out" 2>&1 &
	labpid=$!
}
row() {         # row NAME MACHINE VERDICT [WHY-REGEX]: the table has that row
	grep -E "^$2 +[a-z-]+ +$3 +[0-9.]+ s .*${4:-}" "$dir/$1.out" >/dev/null
}

# 1. A scenario on two machines in parallel.
lab pass node1,node2 ci/scenarios/supervisor.run
st=$?
cat "$dir/pass.out"
check "two machines pass, exit 0" test $st -eq 0
check "their entries were written (pxelinux, iPXE)" \
	grep -q 'boot entries .*/pxelinux.cfg/01-52-54-00-4c-41-01 and .*/52-54-00-4c-41-01.ipxe' "$dir/pass/node1.log"
check "table: node1 pass" row pass node1 pass
check "table: node2 pass" row pass node2 pass
check "table: the counts" grep -q '^lab: 2 machines passed, 0 failed$' "$dir/pass.out"
check "node2's kernel got console=com2 (on COM2)" \
	grep -q '^cmdline: ".* console=com2"' "$dir/pass/node2.serial"
check "node1's kernel did not" sh -c "! grep -q 'console=com2' '$dir/pass/node1.serial'"
check "node1 booted through pxelinux, node2 through iPXE" sh -c \
	"grep -q '^PXELINUX' '$dir/pass/node1.serial' && ! grep -q '^PXELINUX' '$dir/pass/node2.serial'"
left=$(cd "$root" && find . -name '01-*' -o -name '*-*-*-*-*-*.ipxe' -o -name 'tern-lab-*' | head -5)
check "no per-machine entry or loaded kernel left ($left)" test -z "$left"
check "the default entries untouched" sh -c \
	"cmp -s '$dir/default.before' '$root/pxelinux.cfg/default' && cmp -s '$dir/boot.ipxe.before' '$root/boot.ipxe'"

# The shell scenario: send, expect, and `exit ok` after the shell's poweroff.
lab shell node1 ci/scenarios/shell-basics.run
st=$?
cat "$dir/shell.out"
check "shell-basics passes on node1" sh -c "test $st -eq 0 && grep -q '^node1 .* pass ' '$dir/shell.out'"

# The console command gets a terminal in raw mode.
lab tty tty ci/lab/console.run
st=$?
cat "$dir/tty.out"
check "the console is a terminal in raw mode (no echo, bytes unchanged)" sh -c \
	"test $st -eq 0 && grep -q '^tty .* pass ' '$dir/tty.out'"

# 2. A failing scenario.
lab fail node1 ci/lab/fail.run
st=$?
cat "$dir/fail.out"
check "a failing scenario exits 1" test $st -eq 1
check "table: node1 fail with the failing line" row fail node1 fail 'fail\.run:7: '
check "the machine was powered off" sh -c "! test -e '$dir/node1/qemu.pid'"

# 3. Machines that never boot: retried once, then "no boot".
lab noboot dead,mute ci/scenarios/boot.run
st=$?
cat "$dir/noboot.out"
check "no boot exits 1" test $st -eq 1
check "table: dead no boot (power_on failed)" row noboot dead 'no boot' 'power_on failed'
check "table: mute no boot (silent console)" row noboot mute 'no boot' 'no kernel line within boot_timeout'
check "dead was retried once, saying so" grep -q 'lab: dead: no boot: power_on failed (status 1); powering off and retrying once' "$dir/noboot.out"
check "mute was retried once, saying so" grep -q 'lab: mute: no boot: .*retrying once' "$dir/noboot.out"
check "no entry left after no boot" sh -c "! ls '$root/pxelinux.cfg' | grep -q '^01-'"

# A run holding a machine's entries (hold never boots; it waits 2 x 60 s):
# meanwhile an unlisted machine boots the default, and a second run
# wanting the same machine is refused; then a TERM ends the run cleanly.
lab_bg term hold ci/scenarios/boot.run
i=0
while [ ! -e "$root/pxelinux.cfg/01-52-54-00-4c-41-06" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "entries written for hold (pxelinux, iPXE)" \
	test -e "$root/pxelinux.cfg/01-52-54-00-4c-41-06" -a -e "$root/52-54-00-4c-41-06.ipxe"
LAB_TFTP=$root "$TERN_RUN" -l "$dir/stranger.serial" ci/lab/stranger.run >"$dir/stranger.out" 2>&1
stranger=$?
check "an unlisted machine boots the default entry" test $stranger -eq 0
check "... while a lab run's entries were in place" test -e "$root/pxelinux.cfg/01-52-54-00-4c-41-06"
lab busy hold ci/scenarios/boot.run
st=$?
cat "$dir/busy.out"
check "a machine in use by another run is refused" sh -c \
	"test $st -eq 1 && grep -q '^hold .* fail .*in use by another lab run' '$dir/busy.out'"
check "... and the other run's entries stay" test -e "$root/pxelinux.cfg/01-52-54-00-4c-41-06"
kill -TERM $labpid
wait $labpid
st=$?
cat "$dir/term.out"
left=$(cd "$root" && find . -name '01-*' -o -name '*-*-*-*-*-*.ipxe' -o -name 'tern-lab-*' | head -5)
check "a run stopped by TERM fails and leaves nothing behind ($left)" sh -c \
	"test $st -ne 0 && grep -q '^hold .* fail .*stopped by signal' '$dir/term.out' && test -z '$left'"

# 4. Refused before any power-on.
"$TERN_RUN" --lab "$dir/lab.ini" --machines node1 ci/scenarios/console-com2.run >"$dir/refuse.out" 2>&1
st=$?
cat "$dir/refuse.out"
check "a QEMU-only scenario is refused, naming its line" sh -c \
	"test $st -eq 2 && grep -q 'console-com2.run:5: \"serial\" cannot run on a lab machine' '$dir/refuse.out'"
"$TERN_RUN" --lab "$dir/lab.ini" --machines node9 ci/scenarios/boot.run >"$dir/refuse2.out" 2>&1
check "an unknown machine is refused" grep -q 'no machine "node9"' "$dir/refuse2.out"
sed 's/^mac = 52:54:00:4c:41:02$/mac = 52:54:00:4c:41/' "$dir/lab.ini" >"$dir/bad.ini"
"$TERN_RUN" --lab "$dir/bad.ini" ci/scenarios/boot.run >"$dir/refuse3.out" 2>&1
cat "$dir/refuse3.out"
check "a bad MAC is refused with file:line" grep -q "bad.ini:[0-9]*: bad MAC address" "$dir/refuse3.out"

"$TERN_RUN" --lab "$dir/lab.ini" --machines node1 ci/scenarios/boot.run KERNEL=/nonexistent \
	INITRAMFS="$INITRAMFS" >"$dir/refuse4.out" 2>&1
st=$?
left=$(cd "$root" && find . -name 'tern-lab-*' | head -5)
check "a kernel that cannot be loaded is refused, nothing left ($left)" sh -c \
	"test $st -eq 2 && test -z '$left' && grep -q 'cannot load /nonexistent' '$dir/refuse4.out'"
"$TERN_RUN" --lab lab/example.ini --dry-run ci/scenarios/ktest.run KERNEL=k INITRAMFS=i >"$dir/example.out" 2>&1
check "lab/example.ini is a good lab file; ktest can run on a lab" grep -q "can run" "$dir/example.out"

check "the default entries untouched at the end" sh -c \
	"cmp -s '$dir/default.before' '$root/pxelinux.cfg/default' && cmp -s '$dir/boot.ipxe.before' '$root/boot.ipxe'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
