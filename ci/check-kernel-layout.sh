#!/bin/sh
# check-kernel-layout.sh ELF text|video
#
# The multiboot a.out kludge makes loaders copy the file flat from the
# header's offset. That is only right if, for every loaded segment,
# (physical address - file offset) is the same. Check it, so a linker
# script change cannot give a kernel that boots in one loader and not
# another.
#
# Then the multiboot header itself: magic, checksum, the a.out kludge,
# and flag bit 2 (a video mode) off for tern.elf ("text": BIOS boots stay
# in VGA text mode) and on for tern-fb.elf ("video", made by
# tools/mbvideo.c), with mode_type 0 (linear graphics).
set -eu
elf=$1
want=${2:-text}
delta=
readelf -lW "$elf" | while read -r type off virt phys filesz rest; do
	[ "$type" = LOAD ] || continue
	[ "$((filesz))" -ne 0 ] || continue
	d=$((phys - off))
	if [ -n "$delta" ] && [ "$d" -ne "$delta" ]; then
		echo "$elf: LOAD segments are not flat in the file (the a.out kludge would misload)" >&2
		exit 1
	fi
	delta=$d
done
off=$(readelf -SW "$elf" | sed -n 's/.*\] \.boot *PROGBITS *[0-9a-f]* \([0-9a-f]*\).*/\1/p')
if [ -z "$off" ] || [ "$((0x$off))" -gt 8144 ]; then
	echo "$elf: multiboot header not within the first 8 KiB of the file (offset ${off:-none})" >&2
	exit 1
fi
# The header's twelve 32-bit words, little-endian, as unsigned numbers.
set -- $(od -An -tu4 -v -j $((0x$off)) -N 48 "$elf")
if [ $# -ne 12 ] || [ "$1" -ne $((0x1BADB002)) ] || [ $((($1 + $2 + $3) % 4294967296)) -ne 0 ]; then
	echo "$elf: no valid multiboot header (magic, checksum) at the start of .boot" >&2
	exit 1
fi
flags=$2
if [ $((flags & 0x10000)) -eq 0 ]; then
	echo "$elf: multiboot header without the a.out kludge (flags $flags)" >&2
	exit 1
fi
video=$((flags >> 2 & 1))
case $want in
text) [ "$video" -eq 0 ] || { echo "$elf: multiboot header asks for a video mode; tern.elf must not" >&2; exit 1; } ;;
video)
	if [ "$video" -ne 1 ] || [ "$9" -ne 0 ]; then
		echo "$elf: multiboot header asks for no linear graphics mode (flags $flags, mode_type $9)" >&2
		exit 1
	fi ;;
*) echo "usage: check-kernel-layout.sh ELF text|video" >&2; exit 2 ;;
esac
