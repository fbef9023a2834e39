#!/bin/sh
# Print the QEMU accelerator to use: "kvm" where /dev/kvm works for tern,
# else "tcg". /dev/kvm being there is not enough: on some nested
# virtualisation hosts its guests' user mode breaks (a `syscall` from ring 3
# faults at the kernel's entry point as if still in ring 3). So the first
# time we boot the kernel test suite under KVM, and use KVM only if it
# passes. The answer is kept in $BUILD/accel; delete it to probe again.
set -u
: "${BUILD:=build}" "${KERNEL:=$BUILD/kernel/tern.elf}" "${INITRAMFS:=$BUILD/initramfs.tar}"
: "${TERN_RUN:=$BUILD/ci/tern-run}"
if [ ! -r /dev/kvm ] || [ ! -w /dev/kvm ]; then
	echo tcg
	exit 0
fi
cache=$BUILD/accel
if [ -s "$cache" ]; then
	cat "$cache"
	exit 0
fi
if ACCEL=kvm KERNEL=$KERNEL INITRAMFS=$INITRAMFS "$TERN_RUN" -l "$BUILD/accel-probe.log" \
	ci/accel-probe.run >/dev/null 2>&1; then
	a=kvm
else
	a=tcg
	echo "tern: /dev/kvm is present but tern's user mode fails under it on this host" \
		"(see $BUILD/accel-probe.log); using TCG" >&2
fi
mkdir -p "$BUILD"
echo "$a" >"$cache"
echo "$a"
