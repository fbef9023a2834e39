#!/bin/sh
# Make sure the host tools tern needs are installed. As root on Debian we
# install what is missing with apt-get; otherwise we print the exact
# packages and the command, and fail. Usage: deps.sh [package...]
# (default: everything make run / make check / make images use).
#
# Without arguments, Bochs (for ci/bochs.sh) is wanted but optional: if it
# cannot be installed we say so and go on, and its make check steps print
# SKIP with the reason.
set -eu
pkgs=${*:-"gcc make binutils qemu-system-x86 ovmf lld sbsigntool openssl xorriso syslinux isolinux pxelinux syslinux-common ipxe ipxe-qemu mtools dosfstools lz4 cpio dnsmasq-base iproute2 curl valgrind clang libclang-rt-14-dev console-setup-linux"}
optional=
[ $# -gt 0 ] || optional="bochs bochsbios vgabios"

missing_of() {
	m=
	for p in "$@"; do
		s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
		[ "$s" = installed ] || m="$m $p"
	done
	echo "$m"
}

# install PACKAGE...: apt-get as root; fails if that is impossible.
install() {
	[ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
	echo "tern: installing them with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 && return 0
	apt-get update -q >/dev/null
	apt-get install -y -q --no-install-recommends "$@"
}

missing=$(missing_of $pkgs)
if [ -n "$missing" ]; then
	echo "tern: missing host packages:$missing"
	if ! install $missing; then
		echo "tern: install them with:"
		echo "    sudo apt-get install$missing"
		exit 1
	fi
fi

missing=$(missing_of $optional)
if [ -n "$missing" ]; then
	echo "tern: missing optional host packages (the Bochs tests):$missing"
	install $missing || {
		echo "tern: not installed; make check will skip the Bochs runs. To have them:"
		echo "    sudo apt-get install$missing"
	}
fi
exit 0
