#!/bin/sh
# The multiboot a.out kludge makes loaders copy the file flat from the
# header's offset. That is only right if, for every loaded segment,
# (physical address - file offset) is the same. Check it, so a linker
# script change cannot give a kernel that boots in one loader and not
# another.
set -eu
elf=$1
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
