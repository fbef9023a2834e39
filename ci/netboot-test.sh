#!/bin/sh
# End-to-end network boot, the way a lab does it, on a private network:
# two network namespaces joined by a veth, one playing the lab's own DHCP
# server (a plain dnsmasq handing out 10.55.0.100-150, knowing nothing of
# PXE) and one playing the tern server, where pxe/serve.sh itself runs
# (proxy-DHCP + TFTP on a bridge). QEMU boots from its NIC through a tap
# device on that bridge, five ways: BOOT=pxelinux; BOOT=ipxe with an iPXE
# ROM (boot.ipxe at once); BOOT=ipxe with plain PXE firmware (undionly.kpxe
# first); and UEFI in both modes (OVMF with its own virtio-net driver and
# PXE, no iPXE ROM: snponly.efi, then boot.ipxe, then bootx64.efi). Each
# boot must reach the ready line with clean serial output, with the files
# sent by serve.sh, which must then stop on Ctrl-C. And TFTP must refuse
# paths outside the tree. Every address (10.55.0.0/24, fd55::/64) lives
# inside our namespaces; nothing touches the host's networks.
#
# serve.sh serves a copy of the PXE tree with two per-machine entries
# (docs/pxe.md): pxelinux.cfg/01-<mac> for the BIOS clients' MAC, used by
# pxelinux, and <mac>.ipxe for the UEFI clients', which sets other kernel
# arguments and chains boot.ipxe again. Each adds a word to the kernel
# command line that the boot must show; the BIOS iPXE clients find no file
# of theirs and take the default.
#
# The lab DHCP server also sends IPv6 router advertisements: without any,
# iPXE waits some 15 s for them before it boots (docs/pxe.md).
#
# Everything we create carries our pid in its name and is removed on exit,
# whatever happens. Without root, network namespaces, bridges or tap
# devices the test is skipped: it prints "SKIP netboot: <why>" and "0
# passed, 0 failed", so check.sh shows the step as ok with 0 passed.
set -u
: "${BUILD:=build}" "${TERN_RUN:=$BUILD/ci/tern-run}"
ready=${IMAGE_READY:-}   # make exports it; else ci/scenarios/image.vars says
. ./ci/scenarios/image.vars
[ -z "$ready" ] || IMAGE_READY=$ready
export IMAGE_READY
if [ -z "${IMAGE_TEST_DIR:-}" ]; then  # as image/image.mk decides it
	IMAGE_TEST_DIR=$BUILD/test-images
	[ -n "$IMAGE_TEST_APPEND" ] || IMAGE_TEST_DIR=$BUILD/images
fi
built=$IMAGE_TEST_DIR/pxe
ovmf=${OVMF:-/usr/share/ovmf/OVMF.fd}
logs=$BUILD/ci/logs
mkdir -p "$logs"
tag=ternnb$$
lab=$tag-lab
lan=$tag-dhcp
tmp=
passed=0 failed=0

ok() { echo "PASS netboot: $*"; passed=$((passed + 1)); }
bad() { echo "FAIL netboot: $*"; failed=$((failed + 1)); }
skip() {
	echo "SKIP netboot: $*"
	echo "0 passed, 0 failed"
	exit 0
}

# Stop what runs in our namespaces (only our own processes live there),
# then delete them. Also namespaces left by an earlier run that was killed.
cleanup() {
	for ns in $(ip netns list 2>/dev/null | awk '/^ternnb[0-9]+-(lab|dhcp)/ { print $1 }'); do
		owner=${ns#ternnb}
		owner=${owner%%-*}
		[ "$ns" = "$lab" ] || [ "$ns" = "$lan" ] || ! kill -0 "$owner" 2>/dev/null || continue
		pids=$(ip netns pids "$ns" 2>/dev/null)
		[ -z "$pids" ] || kill $pids 2>/dev/null
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			[ -z "$(ip netns pids "$ns" 2>/dev/null)" ] && break
			sleep 0.2
		done
		pids=$(ip netns pids "$ns" 2>/dev/null)
		[ -z "$pids" ] || kill -9 $pids 2>/dev/null
		ip netns del "$ns" 2>/dev/null
	done
	[ -z "$tmp" ] || rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

[ "$(id -u)" -eq 0 ] || skip "needs root for network namespaces and tap devices"
command -v dnsmasq >/dev/null || skip "dnsmasq is not installed"
[ -f "$built/pxelinux.0" ] || { bad "no PXE tree in $built (make check builds it)"; echo "0 passed, 1 failed"; exit 1; }
ip netns add "$lab" 2>/dev/null || skip "cannot create network namespaces here"
ip netns add "$lan" || skip "cannot create network namespaces here"
ip -n "$lab" tuntap add dev tap0 mode tap 2>/dev/null || skip "cannot create tap devices here (/dev/net/tun)"
tmp=$(mktemp -d)

# The tree with the per-machine entries. Named pxe/ like the original: the
# TFTP checks below climb out of it by that name.
tree=$tmp/pxe
cp -a "$built" "$tree"
bios_mac=52:54:00:55:00:10 uefi_mac=52:54:00:55:00:11
hyphens() { echo "$1" | tr : -; }
sed 's/^\( *APPEND tern\.elf\)/\1 lab.pxelinux=01-'"$(hyphens $bios_mac)"'/' \
	"$tree/pxelinux.cfg/default" >"$tree/pxelinux.cfg/01-$(hyphens $bios_mac)"
printf '#!ipxe\nset tern-args lab.ipxe=%s\nchain boot.ipxe\n' "$(hyphens $uefi_mac)" \
	>"$tree/$(hyphens $uefi_mac).ipxe"
chmod 644 "$tree/pxelinux.cfg/01-$(hyphens $bios_mac)" "$tree/$(hyphens $uefi_mac).ipxe"

setup() {
	set -e
	ip -n "$lab" link set lo up
	ip -n "$lab" link add br0 type bridge forward_delay 0
	ip -n "$lab" addr add 10.55.0.1/24 dev br0
	ip -n "$lab" link set br0 up
	ip -n "$lab" link set tap0 master br0 up
	ip -n "$lab" link add vlab type veth peer name vdhcp netns "$lan"
	ip -n "$lab" link set vlab master br0 up
	ip -n "$lan" link set lo up
	ip -n "$lan" addr add 10.55.0.2/24 dev vdhcp
	ip -n "$lan" addr add fd55::2/64 dev vdhcp nodad
	ip -n "$lan" link set vdhcp up
}
(setup) || skip "cannot set up a bridge and a veth pair here"

# The lab's DHCP server: addresses only.
ip netns exec "$lan" dnsmasq --keep-in-foreground --conf-file=/dev/null --pid-file= --port=0 \
	--log-facility=- --interface=vdhcp --bind-interfaces --dhcp-leasefile="$tmp/leases" --no-ping \
	--dhcp-range=10.55.0.100,10.55.0.150,255.255.255.0,10m --enable-ra --dhcp-range=fd55::,ra-only >"$logs/netboot_lab-dhcp.log" 2>&1 &

# Wait until LOG has a line matching REGEX (at most 10 s).
wait_log() {
	for _ in $(seq 50); do
		grep -q -E "$2" "$1" 2>/dev/null && return 0
		sleep 0.2
	done
	return 1
}
wait_log "$logs/netboot_lab-dhcp.log" "DHCP, IP range 10\.55\.0\.100" || bad "the lab DHCP server did not start"

# Scenario lines that type TEXT and Enter at iPXE's shell a character at
# a time: its serial input has no FIFO to speak of, and a line typed at
# once lost its tail when the host was busy (the prompt after
# "set user-class " never came).
slow_send() {
	printf '%s\n' "$1" | fold -w1 | while IFS= read -r c; do
		[ -n "$c" ] || continue
		printf 'send "%s"\nsleep 15\n' "$c"
	done
	printf '%s\n' 'send "\r"'
}

# One boot through pxe/serve.sh: netboot NAME BOOT PROOF [plain|uefi].
# PROOF is a line that shows the firmware took the expected path. "plain"
# makes QEMU's boot ROM (iPXE itself) pass for plain PXE firmware: through
# its shell on the serial line we change its DHCP user-class from "iPXE",
# so the server must send undionly.kpxe first, whose own requests then
# say "iPXE" and get boot.ipxe: the chainloading a real BIOS goes through.
# "uefi" boots OVMF on a virtio NIC without option ROM (romfile=), so that
# OVMF's own driver and PXE client ask first, as on a lab's UEFI machine;
# OVMF ignores -boot n, bootindex puts the NIC first.
netboot() {
	name=$1 mode=$2 proof=$3 variant=${4:-}
	files=tern.elf
	[ "$variant" != uefi ] || files="snponly.efi boot.ipxe bootx64.efi tern.elf initramfs.tar"
	slog=$logs/netboot_serve-$name.log
	# In a process group of its own and with SIGINT not ignored (as a
	# background job of ours it would be), so that we can Ctrl-C it the
	# way a terminal does.
	BOOT=$mode setsid env --default-signal=INT \
		ip netns exec "$lab" sh pxe/serve.sh br0 "$tree" >"$slog" 2>&1 &
	serve=$!
	if ! wait_log "$slog" "TFTP root is "; then
		bad "$name: pxe/serve.sh did not start:"
		sed 's/^/    /' "$slog"
		kill $serve 2>/dev/null
		return
	fi
	[ "$name" != pxelinux ] || tftp_checks
	{
		echo "# $name: address from the lab DHCP server, boot information"
		echo "# from the proxy, files over TFTP from pxe/serve.sh BOOT=$mode."
		echo "wrap ip netns exec $lab"
		tap="-netdev tap,id=n0,ifname=tap0,script=no,downscript=no"
		if [ "$variant" = uefi ]; then
			echo "boot -nographic -bios $ovmf -device virtio-net-pci,romfile=,netdev=n0,mac=$uefi_mac,bootindex=1 $tap"
		else
			echo "boot -nographic -boot n -device e1000,netdev=n0,mac=$bios_mac $tap"
		fi
		echo "timeout 40"
		echo 'reject "EXCEPTION|PANIC|X64 Exception|tern: network boot failed"'
		echo 'reject "LoL|LLo|tt+ee+rr+nn+|tern-efi: .*tern-efi: "'
		if [ "$variant" = plain ]; then
			echo 'expect "Press Ctrl-B for the iPXE command line"'
			echo 'send \x02'
			echo 'expect "iPXE>"'
			slow_send 'set user-class plain-pxe-firmware'
			echo 'expect "iPXE>"'
			slow_send 'autoboot'
		fi
		if [ "$variant" = uefi ]; then
			echo "expect \"$proof\""
			echo 'expect "^net0: 10\.55\.0\.1[0-5][0-9]/255\.255\.255\.0"'
			echo 'expect "^bootx64\.efi\.\.\. ok$"'
			echo 'expect "^tern-efi: boot from our arguments: bootx64\.efi tern\.elf .*--- initramfs\.tar$"'
			echo 'expect "^tern-efi: entering the kernel$"'
		else
			echo 'expect "^net0: 10\.55\.0\.1[0-5][0-9]/255\.255\.255\.0"'
			echo "expect \"$proof\""
		fi
		echo 'expect "^tern [0-9]+\.[0-9]+ \(x86_64\) booting$"'
		# Per-machine entries: pxelinux's for the BIOS MAC, iPXE's for
		# the UEFI one; BOOT=ipxe's BIOS clients have none.
		case $mode-$variant in
		pxelinux-) echo "expect \"^cmdline: .*lab\\.pxelinux=01-$(hyphens $bios_mac)\"" ;;
		*-uefi) echo "expect \"^cmdline: .*lab\\.ipxe=$(hyphens $uefi_mac)\"" ;;
		*) echo 'expect "^cmdline: "' && echo 'reject "lab\.(pxelinux|ipxe)="' ;;
		esac
		echo 'expect ${IMAGE_READY}'
	} >"$tmp/$name.run"
	if "$TERN_RUN" -l "$logs/netboot_$name.serial" "$tmp/$name.run" >"$tmp/$name.out"; then
		ok "$name: booted to the ready line"
	else
		bad "$name: boot failed:"
		sed 's/^/    /' "$tmp/$name.out"
	fi
	for f in $files; do
		grep -q "sent .*/$f to 10\.55\.0\.1" "$slog" && ok "$name: $f came from pxe/serve.sh" ||
			bad "$name: pxe/serve.sh's log does not show $f being sent"
	done
	kill -INT -$serve
	if wait_log "$slog" "^serve: (stopped|dnsmasq failed)"; then
		wait $serve
		if grep -q "^serve: stopped" "$slog" && [ -z "$(ip netns pids "$lab")" ]; then
			ok "$name: pxe/serve.sh stopped cleanly on Ctrl-C"
		else
			bad "$name: pxe/serve.sh did not stop cleanly on Ctrl-C"
		fi
	else
		bad "$name: pxe/serve.sh still runs 10 s after Ctrl-C"
		kill -KILL -$serve
		wait $serve
	fi
	echo "---- pxe/serve.sh BOOT=$mode ($name) ----"
	cat "$slog"
}

# TFTP serves the tree and nothing outside it.
tftp_checks() {
	command -v curl >/dev/null || { echo "netboot: no curl, TFTP path checks skipped"; return; }
	get() { ip netns exec "$lan" curl -s --path-as-is --max-time 5 -o "$tmp/got" "tftp://10.55.0.1/$1"; }
	get pxelinux.0 && cmp -s "$tmp/got" "$tree/pxelinux.0" && ok "TFTP serves pxelinux.0" ||
		bad "TFTP does not serve pxelinux.0"
	for p in ../../../../../../etc/passwd /etc/passwd pxelinux.cfg/../../pxe/tern.elf; do
		rm -f "$tmp/got"
		if get "$p" && [ -s "$tmp/got" ]; then bad "TFTP sent $p, outside or through .."; else ok "TFTP refuses $p"; fi
	done
}

netboot pxelinux pxelinux "^PXELINUX [0-9.]+ PXE [0-9]+ +Copyright"
netboot ipxe ipxe "^boot\.ipxe : [0-9]+ bytes \[script\]$"
netboot ipxe-chain ipxe "^undionly\.kpxe : [0-9]+ bytes \[PXE-NBP\]$" plain
netboot uefi pxelinux "NBP filename is snponly\.efi" uefi
netboot uefi-ipxe ipxe "NBP filename is snponly\.efi" uefi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
