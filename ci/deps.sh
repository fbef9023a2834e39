#!/bin/sh
# Make sure the host tools tern needs are installed. As root on Debian we
# install what is missing with apt-get; otherwise we print the exact
# packages and the command, and fail. Usage: deps.sh [package...]
# (default: everything make run / make check / make images use).
set -eu
pkgs=${*:-"gcc make binutils qemu-system-x86 xorriso syslinux isolinux pxelinux syslinux-common ipxe ipxe-qemu mtools dosfstools cpio dnsmasq-base iproute2 curl valgrind clang libclang-rt-14-dev"}

missing=
for p in $pkgs; do
	s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$s" = installed ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "tern: missing host packages:$missing"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "tern: installing them with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y -q --no-install-recommends $missing >/dev/null; then
		apt-get update -q >/dev/null
		apt-get install -y -q --no-install-recommends $missing
	fi
	exit 0
fi
echo "tern: install them with:"
echo "    sudo apt-get install$missing"
exit 1
