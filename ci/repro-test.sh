#!/bin/sh
# Reproducible images: two clean builds from the same source, in two build
# directories, made under different umasks, time zones and locales and a
# few seconds apart, must give byte-identical kernels, UEFI loader,
# initramfs, ISO, disk image and PXE tree, and the ISO's FAT image for UEFI
# (efiboot.img) on its own, so that a difference in it is named as such. On
# a difference we name the files that differ; the two builds stay in
# $BUILD/repro/ to be compared (removed when all match).
set -u
: "${BUILD:=build}"
dir=$BUILD/repro
passed=0 failed=0
rm -rf "$dir"
mkdir -p "$dir"

build() {       # build NAME UMASK TZ LANG
	echo "repro: building into $dir/$1 (umask $2, TZ=$3, LANG=$4)"
	# A make of its own: not part of the make that may be running us.
	if ! (umask "$2" && TZ=$3 LANG=$4 LC_ALL=$4 env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		make --no-print-directory -j"$(nproc)" BUILD="$dir/$1" iso disk pxe) >"$dir/$1.log" 2>&1; then
		echo "FAIL repro: the build into $dir/$1 failed:"
		tail -n 30 "$dir/$1.log" | sed 's/^/    /'
		echo "$passed passed, $((failed + 1)) failed"
		exit 1
	fi
}
build a 022 UTC C
sleep 1
build b 027 America/New_York C.UTF-8

same() {        # same PATH: compare $dir/a/PATH with $dir/b/PATH
	if [ -d "$dir/a/$1" ]; then
		# Contents, then names, types, modes and mtimes (for rsync, tar).
		for x in a b; do
			(cd "$dir/$x/$1" && find . -printf '%p %y %m %T@\n' | LC_ALL=C sort) >"$dir/$x.list"
		done
		differ=$(diff -r -q "$dir/a/$1" "$dir/b/$1" 2>&1
			diff "$dir/a.list" "$dir/b.list" | grep '^[<>]')
	else
		differ=$(cmp "$dir/a/$1" "$dir/b/$1" 2>&1)
	fi
	if [ -z "$differ" ]; then
		echo "PASS repro: $1 is identical in both builds"
		passed=$((passed + 1))
	else
		echo "FAIL repro: $1 differs between the builds:"
		echo "$differ" | sed 's/^/    /'
		failed=$((failed + 1))
	fi
}
same kernel/tern.elf
same kernel/tern-fb.elf
same boot/uefi/BOOTX64.EFI
same initramfs.tar
same stage/images/efiboot.img
same images/tern.iso
same images/tern.img
same images/pxe

[ "$failed" -ne 0 ] || rm -rf "$dir"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
