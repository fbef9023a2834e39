#!/bin/sh
# The kernel test suite on PLATFORM=linux (docs/hosted.md): the same
# /test/ktest ELF as in ktest.run, attack.run and fuzz.run, as the root
# task of tern-linux. Tests that need hardware a Linux process does not
# have are skipped by name, each with its reason, and counted; the suite's
# own "N passed, N failed" line is the result.
# VALGRIND=1 runs tern-linux under valgrind (memcheck; an error fails).
# Usage: hosted-ktest.sh TERN_LINUX INITRAMFS [extra kernel arguments]
set -u
wrap=
[ "${VALGRIND:-0}" = 1 ] && wrap="valgrind -q --error-exitcode=99"
kernel=$1 initramfs=$2
shift 2

# prefix:reason. Keep the prefixes joined under 64 bytes (ktest's skip=).
skips='ioport_:no I/O ports for a Linux process
irq_rtc_:no interrupt lines (the RTC) on PLATFORM=linux
mmio_:no device memory (no VGA window, no framebuffer) on PLATFORM=linux
attack_port_:the I/O permission bitmap is the PC TSS'"'"'s'
prefixes=$(printf '%s\n' "$skips" | cut -d: -f1 | paste -sd, -)

names=$(grep -ho 'KTEST([a-z0-9_]*)' userspace/test/ktest/*.c | sed 's/KTEST(\(.*\))/\1/')
skipped=0
while IFS=: read -r prefix reason; do
	for n in $(printf '%s\n' "$names" | grep "^$prefix"); do
		echo "skipped $n: $reason"
		skipped=$((skipped + 1))
	done
done <<EOT
$skips
EOT
echo "hosted-ktest: $skipped tests skipped (need hardware), $(printf '%s\n' "$names" | wc -l) in the suite"

# The suite ends with a power off (status 0); a hang is a failure.
timeout 600 $wrap "$kernel" -c "init=/test/ktest skip=$prefixes $*" "$initramfs"
rc=$?
[ $rc -eq 0 ] || echo "hosted-ktest: tern-linux exited with status $rc"
exit $rc
