#!/bin/sh
# Make a bootable raw disk image without root, loop devices or mounts:
# syslinux's MBR, one partition table entry written with printf, a FAT16
# file system made and filled by mtools inside the image (img@@offset),
# and syslinux installed into it by its mtools-based installer. DIR's tree
# (with subdirectories: EFI/BOOT/BOOTX64.EFI makes it boot under UEFI too)
# goes to the root of the file system, copied by image/mkfat.sh.
# Reproducible: fixed disk signature and volume serial, mtools stamps every
# file with SOURCE_DATE_EPOCH, files copied in sorted order.
# Usage: mkdisk.sh OUT.img DIR SIZE_MiB
set -eu
out=$1 dir=$2 mib=$3
: "${SOURCE_DATE_EPOCH:?must be set}"
# FAT keeps local time: pin the zone too, or the stamps follow the builder.
export SOURCE_DATE_EPOCH MTOOLS_SKIP_CHECK=1 MTOOLSRC=/dev/null TZ=UTC
mbr=/usr/lib/syslinux/mbr/mbr.bin

start=2048                              # 1 MiB: the usual alignment
total=$((mib * 2048))
count=$((total - start))
offset=$((start * 512))

rm -f "$out"
truncate -s "${mib}M" "$out"

# FAT16 (mformat picks it for this size); the BPB's geometry and hidden
# sectors must match the partition for the boot sector to find itself.
mformat -i "$out@@$offset" -T "$count" -h 255 -s 63 -H "$start" \
	-v TERN -N 7e4e0001 ::
syslinux --install --offset "$offset" "$out"
sh "$(dirname "$0")/mkfat.sh" -c "$out@@$offset" "$dir"

# Boot code (440 bytes), disk signature, one active partition, signature.
oct() { printf '\\%03o' "$(($1 & 255))"; }
le32() { printf %s "$(oct "$1")$(oct $(($1 >> 8)))$(oct $(($1 >> 16)))$(oct $(($1 >> 24)))"; }
chs() {                                 # LBA -> head, sector|cyl-high, cyl-low
	c=$(($1 / (255 * 63))) h=$(($1 / 63 % 255)) s=$(($1 % 63 + 1))
	[ "$c" -le 1023 ] || { c=1023 h=254 s=63; }
	printf %s "$(oct "$h")$(oct $((s | (c >> 2 & 0xc0))))$(oct "$c")"
}
dd if="$mbr" of="$out" bs=440 count=1 conv=notrunc status=none
entry="\\200$(chs $start)\\016$(chs $((total - 1)))$(le32 $start)$(le32 $count)"
# shellcheck disable=SC2059  # the format is our octal escapes
printf "$(le32 0x7e4e0001)\\000\\000$entry" |
	dd of="$out" bs=1 seek=440 conv=notrunc status=none
printf '\125\252' | dd of="$out" bs=1 seek=510 conv=notrunc status=none
