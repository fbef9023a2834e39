#!/bin/sh
# Serve tern to the machines of a lab network from this one: dnsmasq as a
# proxy-DHCP server (the lab's own DHCP server keeps handing out addresses;
# we only add boot information for PXE clients, so the two coexist) plus
# its read-only TFTP server rooted at the PXE tree. One interface, in the
# foreground, until Ctrl-C. No DNS (--port=0), no leases, no pid file, no
# config file read from /etc: nothing outlives the process.
#
# Usage: serve.sh IFACE [TFTP_ROOT]   (make serve IFACE=eth1 [BOOT=ipxe])
#   BOOT=pxelinux (default)  every BIOS PXE client gets pxelinux.0
#   BOOT=ipxe                plain BIOS PXE firmware gets undionly.kpxe;
#                            iPXE (user-class "iPXE") gets the script boot.ipxe
#   either way               UEFI x64 firmware (client arch 7, or 9) gets
#                            snponly.efi, which is iPXE and then gets boot.ipxe
# UEFI firmware and iPXE running on it both say arch 7, so only the user
# class tells them apart; without it iPXE would load itself forever.
# See docs/pxe.md for wiring tern into an existing dnsmasq, ISC dhcpd or tftpd.
set -eu

die() {
	echo "serve: $*" >&2
	exit 1
}

iface=${1:-}
root=${2:-build/images/pxe}
boot=${BOOT:-pxelinux}
ifaces=$(ls /sys/class/net 2>/dev/null | paste -s -d ' ')

[ -n "$iface" ] || die "say which interface faces the lab network: make serve IFACE=<name> (here: $ifaces)"
case "$iface" in
*/* | . | ..) die "bad interface name \"$iface\"" ;;
esac
[ -d "/sys/class/net/$iface" ] || die "no interface \"$iface\" on this machine (here: $ifaces)"
[ "$(id -u)" -eq 0 ] || die "must run as root (DHCP and TFTP use ports 67 and 69): sudo make serve IFACE=$iface"
command -v dnsmasq >/dev/null 2>&1 || die "dnsmasq is not installed: apt-get install dnsmasq-base"
for f in pxelinux.0 boot.ipxe snponly.efi bootx64.efi; do
	[ -f "$root/$f" ] || die "no PXE tree in $root (no $f): run make pxe first"
done
root=$(cd "$root" && pwd)

# The client's architecture (DHCP option 93) picks the service: x86PC is
# BIOS, X86-64_EFI (7) UEFI x64, BC_EFI (9) what some UEFI x64 firmware
# says instead. The tag "ipxe" marks requests from iPXE itself.
services="--dhcp-userclass=set:ipxe,iPXE"
case "$boot" in
pxelinux) services="$services --pxe-service=x86PC,tern,pxelinux.0" ;;
ipxe) services="$services --pxe-service=tag:!ipxe,x86PC,tern,undionly.kpxe --pxe-service=tag:ipxe,x86PC,tern,boot.ipxe" ;;
*) die "BOOT must be pxelinux or ipxe, not \"$boot\"" ;;
esac
for arch in X86-64_EFI BC_EFI; do
	services="$services --pxe-service=tag:!ipxe,$arch,tern,snponly.efi --pxe-service=tag:ipxe,$arch,tern,boot.ipxe"
done

# Proxy-DHCP answers on the interface's own IPv4 subnet.
addr=$(ip -4 -o addr show dev "$iface" | awk '{ print $4; exit }')
[ -n "$addr" ] || die "$iface has no IPv4 address: it must be on the lab subnet (ip addr add ... dev $iface)"
ip=${addr%/*}
len=${addr#*/}
set -- $(echo "$ip" | tr . ' ')
n=$(( ($1 << 24) | ($2 << 16) | ($3 << 8) | $4 ))
m=$(( (0xffffffff << (32 - len)) & 0xffffffff ))
dotted() { echo "$(( ($1 >> 24) & 255 )).$(( ($1 >> 16) & 255 )).$(( ($1 >> 8) & 255 )).$(( $1 & 255 ))"; }
net=$(dotted $(( n & m )))
mask=$(dotted $m)

# dnsmasq drops root and becomes the owner of the tree; with --tftp-secure
# it then sends only that user's files. (If the owner is root it stays
# root, and then sends only world-readable files.) Paths with ".." and
# anything outside the root are refused either way.
owner=$(stat -c %U "$root")

echo "serve: tern on $iface ($ip): proxy-DHCP for $net/$len, the lab's DHCP server still gives out addresses"
echo "serve: TFTP (read-only, as user $owner) from $root:"
(cd "$root" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | sed 's/^/         /')
case "$boot" in
pxelinux) echo "serve: BIOS PXE clients boot pxelinux.0 -> pxelinux.cfg/default -> mboot.c32 tern.elf --- initramfs.tar" ;;
ipxe) echo "serve: BIOS PXE clients boot undionly.kpxe (iPXE), which then runs boot.ipxe -> tern.elf + initramfs.tar" ;;
esac
echo "serve: UEFI x64 PXE clients boot snponly.efi (iPXE), which then runs boot.ipxe -> bootx64.efi tern.elf --- initramfs.tar"
echo "serve: console on COM1 at 115200 8N1; Ctrl-C stops"

# We stay to see dnsmasq end and say so. Ctrl-C (or a TERM) interrupts our
# wait; we then stop dnsmasq with TERM, whether or not it got the signal
# too (a background job of a script starts with SIGINT ignored).
trap ':' INT TERM
status=0
# shellcheck disable=SC2086  # $services is a list of options
dnsmasq --keep-in-foreground --conf-file=/dev/null --pid-file= --port=0 \
	--log-facility=- --interface="$iface" --bind-interfaces \
	--dhcp-range="$net,proxy,$mask" $services \
	--enable-tftp --tftp-root="$root" --tftp-secure --user="$owner" &
pid=$!
wait $pid || status=$?
# A signal interrupts the first wait; wait again for dnsmasq to finish.
kill -0 $pid 2>/dev/null && { kill -TERM $pid 2>/dev/null; wait $pid || true; }
case $status in
0 | 130 | 143) echo "serve: stopped" ;;
*) echo "serve: dnsmasq failed (status $status)"; exit 1 ;;
esac
