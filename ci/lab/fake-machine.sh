#!/bin/sh
# A lab machine for the lab tests (ci/lab/lab-test.sh): a QEMU that boots
# over the network from the lab's TFTP root, as a real machine would, with
# its serial line on a pair of fifos as a console server would offer it.
# tern-run --lab only runs the lab file's commands; these are the ones:
#
#   fake-machine.sh on STATE MAC [com1|com2] [pxelinux|ipxe]   power_on
#   fake-machine.sh off STATE                                  power_off
#   fake-machine.sh console STATE                              console
#
# STATE is the machine's directory (its fifos, QEMU's pid and output).
# The TFTP root comes from TERN_LAB_TFTP_ROOT (tern-run sets it). com2
# puts the console on the second serial line (-serial null first), as a
# machine whose IPMI serial-over-LAN is COM2. pxelinux or ipxe: the boot
# file QEMU's DHCP hands out (iPXE is the NIC's own ROM here, so boot.ipxe
# is run directly); both look for the machine's own entry first.
set -eu
cmd=${1:-} state=${2:-}
[ -n "$state" ] || { echo "usage: fake-machine.sh on|off|console STATE ..." >&2; exit 2; }

fifos() {
	mkdir -p "$state"
	[ -p "$state/serial.in" ] || mkfifo "$state/serial.in"
	[ -p "$state/serial.out" ] || mkfifo "$state/serial.out"
}

case "$cmd" in
on)
	mac=$3 port=${4:-com1} loader=${5:-pxelinux}
	root=${TERN_LAB_TFTP_ROOT:?}
	fifos
	case "$port" in
	com1) serial="-serial pipe:$state/serial" ;;
	com2) serial="-serial null -serial pipe:$state/serial" ;;
	*) echo "fake-machine: port com1 or com2, not $port" >&2; exit 2 ;;
	esac
	case "$loader" in
	pxelinux) boot=pxelinux.0 ;;
	ipxe) boot=boot.ipxe ;;
	*) echo "fake-machine: loader pxelinux or ipxe, not $loader" >&2; exit 2 ;;
	esac
	# No isa-debug-exit: a real machine has none; power-off is ACPI.
	# shellcheck disable=SC2086  # $serial is two or four words
	${QEMU:-qemu-system-x86_64} -accel "${ACCEL:-tcg}" -m 256 -display none -monitor none -no-reboot \
		$serial -boot n -device "e1000,netdev=n0,mac=$mac" \
		-netdev "user,id=n0,tftp=$root,bootfile=$boot" >"$state/qemu.out" 2>&1 </dev/null &
	echo $! >"$state/qemu.pid"
	;;
off)
	if [ -f "$state/qemu.pid" ]; then
		kill "$(cat "$state/qemu.pid")" 2>/dev/null || true
		rm -f "$state/qemu.pid"
	fi
	;;
console)
	# Both fifos open only once QEMU has them open: started before the
	# machine, this waits for it, as a console server's port does.
	# The console ends when the machine does (EOF on serial.out): then
	# the writer, which takes what is typed from our stdin (fd 3: a
	# background job's own stdin would be /dev/null), is ended too, so
	# nothing holds the terminal tern-run reads.
	fifos
	exec 3<&0
	cat <&3 >"$state/serial.in" 3<&- &
	writer=$!
	cat "$state/serial.out" 3<&- || true
	kill "$writer" 2>/dev/null || true
	;;
*)
	echo "fake-machine: unknown command $cmd" >&2
	exit 2
	;;
esac
