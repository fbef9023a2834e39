#!/bin/sh
# FAT file systems without root, loop devices or mounts (mtools).
#   mkfat.sh OUT.img DIR           a bare FAT image just big enough for DIR:
#                                  the ISO's El Torito EFI image (efiboot.img)
#   mkfat.sh -c IMAGE@@OFFSET DIR  copy DIR's tree into an existing FAT file
#                                  system (image/mkdisk.sh's partition)
# DIR may have subdirectories (EFI/BOOT/BOOTX64.EFI). Reproducible:
# directories made and files copied in sorted order, every stamp from
# SOURCE_DATE_EPOCH in UTC, fixed volume serial and label.
set -eu
: "${SOURCE_DATE_EPOCH:?must be set}"
# FAT keeps local time: pin the zone too, or the stamps follow the builder.
export SOURCE_DATE_EPOCH MTOOLS_SKIP_CHECK=1 MTOOLSRC=/dev/null TZ=UTC

fill() {        # fill IMAGE[@@OFFSET] DIR
	(cd "$2" && find . -mindepth 1 -type d | LC_ALL=C sort) | while read -r d; do
		mmd -i "$1" "::/${d#./}"
	done
	(cd "$2" && find . -type f | LC_ALL=C sort) | while read -r f; do
		mcopy -i "$1" "$2/${f#./}" "::/${f#./}"
	done
}

if [ "$1" = -c ]; then
	fill "$2" "$3"
	exit 0
fi
out=$1 dir=$2

# Sectors of 512 bytes: each file rounded up to 4 KiB (no cluster is larger
# at these sizes), 4 KiB per directory, 128 KiB for the boot sector, both
# FATs and the root directory; then rounded up to 64 KiB. mformat picks
# FAT12 or FAT16 and the cluster size from the total.
data=$(find "$dir" -type f -printf '%s\n' | awk '{ s += int(($1 + 4095) / 4096) * 8 } END { print s + 0 }')
dirs=$(find "$dir" -mindepth 1 -type d | wc -l)
sectors=$(( (data + dirs * 8 + 256 + 127) / 128 * 128 ))

rm -f "$out"
truncate -s $((sectors * 512)) "$out"
mformat -i "$out" -T "$sectors" -h 64 -s 32 -v TERN-EFI -N 7e4e0002 ::
fill "$out" "$dir"
