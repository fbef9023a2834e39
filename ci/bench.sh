#!/bin/sh
# make bench: tern against Linux, measured in the same run on the same
# QEMU (docs/performance.md explains the numbers). Benchmarks, not tests:
# nothing is asserted; a part that cannot run is skipped with a note.
#
#   boot   ms from QEMU launch to the shell prompt on serial: tern from
#          -kernel/-initrd, from its ISO and disk image; Debian's kernel
#          with a busybox initramfs (ci/bench/peer/init), quiet and not
#   ipc    TSC cycles: tern's call+reply round trip and note wake-up
#          (ci/bench/kernel.run) against a Linux pipe ping-pong and an
#          eventfd wake-up between two processes (ci/bench/peer/pingpong.c)
#   icount the same IPC benchmarks under QEMU -icount shift=0 (TCG): the
#          guest TSC counts executed instructions, so these figures are
#          identical run after run and on any host (the ones to compare;
#          docs/performance.md records them and the table shows the change);
#          and the virtual time from QEMU's start to the shell prompt, tern
#          as users get it and the peer (ci/bench/prompt-icount.run,
#          peer-prompt-icount.run: -icount shift=0,sleep=off, the guest
#          prints its TSC at the prompt)
#   hosted PLATFORM=linux on this host (ci/bench-hosted.sh, also `make
#          hosted-bench`): tern-linux's call+reply and note wake-up in ns
#          next to a Linux pipe and eventfd here, the two call transports
#          alone, and ms from starting tern-linux to the shell prompt
#   report build/bench/report.svg: boot and IPC bars (ci/bench/svg.awk)
#   size   bytes of what users download (the stripped kernel, the packed
#          initramfs, their sum against the 256 KiB goal, the ISO, the disk
#          image, the PXE tree), of the unpacked archives, and of the peer's
#   build  wall time of a clean `make all`
#
# Everything runs under TCG, and under KVM too where ci/accel.sh says KVM
# works for tern. The table goes to stdout, progress to stderr, the data to
# $BUILD/bench/results.json, logs to $BUILD/bench/logs/. The peer's Debian
# packages are fetched once with apt-get into $BUILD/bench/peer/debs/.
#
# Variables: RUNS (boots per system, default 5), TERN_READY (the pattern
# that ends a tern boot; default: the shell prompt if the initramfs has
# bin/sh, else the fallback below), BENCH_BUILD=0 skips the clean builds.
set -u
: "${BUILD:=build}" "${KERNEL:=$BUILD/kernel/tern.elf}" "${INITRAMFS:=$BUILD/initramfs.tar}"
# The test initramfs has test/ktest, which runs the IPC benchmarks.
: "${INITRAMFS_TEST:=$BUILD/test/initramfs.tar}"
: "${TERN_RUN:=$BUILD/ci/tern-run}" "${RUNS:=5}" "${QEMU_MEM:=256}" "${BENCH_BUILD:=1}"
export KERNEL INITRAMFS QEMU_MEM
out=$BUILD/bench
peer=$out/peer
logs=$out/logs
data=$out/data
rm -rf "$logs" "$data"
mkdir -p "$peer/debs" "$logs" "$data"

TERN_PROMPT='tern:/\$ '
TERN_FALLBACK='^init: started'
LINUX_READY='peer\$ '
LINUX_APPEND='console=ttyS0 quiet panic=-1'
LINUX_APPEND_VERBOSE='console=ttyS0 panic=-1'

say() { echo "bench: $*" >&2; }
notes=
note() { notes="$notes$*
"; say "$*"; }
# A make of our own (not part of the one running us: no jobserver, no -n).
submake() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory "$@"; }
d() { if [ "$1" = null ]; then echo -; else echo "$1"; fi; }     # null in the table: -
size_of() { [ -f "$1" ] && stat -c %s "$1" || echo null; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# JSON string: backslashes and quotes escaped.
jstr() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"; }

# ---- machine and accelerators -------------------------------------------
ncpu=$(nproc)
load=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | head -n 1)
qemu_ver=$(qemu-system-x86_64 --version | sed -n 's/^QEMU emulator version \([^ ]*\).*/\1/p')
accels=tcg
if [ "$(BUILD=$BUILD sh ci/accel.sh 2>/dev/null)" = kvm ]; then
	accels="tcg kvm"
	kvm_note="kvm: used (ci/accel.sh)"
elif [ -e /dev/kvm ]; then
	kvm_note="kvm: not used: /dev/kvm is there but tern's user mode fails under it on this host (ci/accel.sh, $BUILD/accel-probe.log; expected on a nested PVM host), so TCG only"
else
	kvm_note="kvm: not used: no usable /dev/kvm, so TCG only"
fi
say "$(echo "$accels" | tr ' ' '+'), $RUNS boots per system; logs in $logs"

# ---- images: the ISO and the disk (best effort: skipped if not buildable) -
iso=$BUILD/images/tern.iso
disk=$BUILD/images/tern.img
pxe=$BUILD/images/pxe
for t in iso disk pxe; do
	if ! submake BUILD="$BUILD" "$t" >"$logs/make-$t.log" 2>&1; then
		note "make $t failed (see $logs/make-$t.log): its boot row is skipped"
		[ $t = iso ] && iso=
		[ $t = disk ] && disk=
		[ $t = pxe ] && pxe=
	fi
done
# What the images carry (image/image.mk): the kernel stripped, the user
# initramfs packed.
user_kernel=$BUILD/stage/kernel/tern.elf
user_initrd=$BUILD/initramfs.tar.lz4
[ -n "$iso" ] && [ ! -f "$iso" ] && { note "make iso did not make $iso yet: the ISO row is skipped"; iso=; }
[ -n "$disk" ] && [ ! -f "$disk" ] && { note "make disk did not make $disk yet: the disk row is skipped"; disk=; }

# ---- the Linux peer --------------------------------------------------------
# Debian's kernel (the package linux-image-amd64 depends on) and
# busybox-static, fetched with apt-get download (no installation), kept in
# $peer/debs; delete that directory to fetch the current ones again.
sh ci/deps.sh cpio gzip libc6-dev >&2 || note "missing host packages for the Linux peer (see above)"
debs=$peer/debs
apt_log=$logs/apt.log
is_root() { [ "$(id -u)" -eq 0 ]; }
deb_of() { ls "$debs/$1"_*.deb 2>/dev/null | head -n 1; }
fetch() {       # fetch PACKAGE: its .deb into $debs, once
	[ -n "$(deb_of "$1")" ] && return 0
	say "downloading $1 with apt-get"
	(cd "$debs" && apt-get download "$1") >>"$apt_log" 2>&1 && return 0
	is_root || return 1
	apt-get update >>"$apt_log" 2>&1
	(cd "$debs" && apt-get download "$1") >>"$apt_log" 2>&1
}
kernel_pkg() {  # the linux-image-<version>-amd64 that linux-image-amd64 stands for
	apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-amd64\)$/\1/p' | head -n 1
}
kdeb=$(ls "$debs"/linux-image-[0-9]*-amd64_*.deb 2>/dev/null | head -n 1)
if [ -z "$kdeb" ]; then
	kpkg=$(kernel_pkg)
	if [ -n "$kpkg" ]; then
		say "downloading $kpkg with apt-get"
		(cd "$debs" && apt-get download "$kpkg") >>"$apt_log" 2>&1
	fi
	kdeb=$(deb_of "${kpkg:-none}")
	if [ -z "$kdeb" ] && is_root; then     # no or stale package lists
		apt-get update >>"$apt_log" 2>&1
		kpkg=$(kernel_pkg)
		[ -n "$kpkg" ] && fetch "$kpkg" && kdeb=$(deb_of "$kpkg")
	fi
fi
fetch busybox-static
bdeb=$(deb_of busybox-static)
have_peer=1
if [ -z "$kdeb" ] || [ -z "$bdeb" ]; then
	have_peer=0
	note "the Linux peer is skipped: could not fetch its packages with apt-get (see $apt_log). Fetch them with:
    apt-get update   # as root, if the package lists are missing
    mkdir -p $debs && cd $debs && apt-get download ${kpkg:-linux-image-VERSION-amd64} busybox-static
  (VERSION: the one \`apt-cache depends linux-image-amd64\` names)"
fi

if [ $have_peer = 1 ]; then
	kpkg=$(dpkg-deb -f "$kdeb" Package)
	kver=${kpkg#linux-image-}
	kdebver=$(dpkg-deb -f "$kdeb" Version)
	bbver=$(dpkg-deb -f "$bdeb" Version)
	vmlinuz=$peer/vmlinuz-$kver
	if [ ! -s "$vmlinuz" ]; then
		say "extracting vmlinuz-$kver"
		dpkg-deb --fsys-tarfile "$kdeb" | tar -xO "./boot/vmlinuz-$kver" >"$vmlinuz.tmp" &&
			mv "$vmlinuz.tmp" "$vmlinuz" || { rm -f "$vmlinuz.tmp"; have_peer=0; note "cannot extract vmlinuz from $kdeb"; }
	fi
fi
if [ $have_peer = 1 ]; then
	# The initramfs: busybox and its applet links, /init, pingpong.
	root=$peer/rootfs
	peer_initrd=$peer/initramfs.cpio.gz
	rm -rf "$root"
	mkdir -p "$root/bin" "$root/dev" "$root/proc" "$root/sys" "$root/tmp"
	if dpkg-deb --fsys-tarfile "$bdeb" | tar -xO ./bin/busybox >"$root/bin/busybox" &&
		chmod 755 "$root/bin/busybox" &&
		gcc -static -O2 -Wall -Wextra -o "$root/bin/pingpong" ci/bench/peer/pingpong.c \
			>"$logs/pingpong-build.log" 2>&1 &&
		cp ci/bench/peer/init "$root/init" && chmod 755 "$root/init"; then
		for a in $("$root/bin/busybox" --list); do
			[ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"
		done
		find "$root" -exec touch -h -d "@${SOURCE_DATE_EPOCH:-0}" {} +      # same bytes each time
		(cd "$root" && find . | LC_ALL=C sort |
			cpio -o -H newc -R 0:0 --reproducible --quiet | gzip -9n) >"$peer_initrd"
	else
		have_peer=0
		note "cannot build the peer's initramfs (busybox from $bdeb, gcc -static pingpong: $logs/pingpong-build.log)"
	fi
fi

# ---- boot time ---------------------------------------------------------------
if [ -n "${TERN_READY:-}" ]; then
	tern_ready=$TERN_READY
	tern_ready_why="set by TERN_READY"
elif tar tf "$INITRAMFS" 2>/dev/null | grep -q '^./bin/sh$'; then
	tern_ready=$TERN_PROMPT
	tern_ready_why="the shell prompt"
else
	tern_ready=$TERN_FALLBACK
	tern_ready_why="fallback: $INITRAMFS has no bin/sh yet"
fi

systems="tern-kernel"
[ -n "$iso" ] && systems="$systems tern-iso"
[ -n "$disk" ] && systems="$systems tern-disk"
# UEFI rows: the same images under OVMF (tern's loader, docs/uefi.md).
if [ -f "${OVMF:-}" ]; then
	[ -n "$iso" ] && systems="$systems tern-iso-uefi"
	[ -n "$disk" ] && systems="$systems tern-disk-uefi"
else
	note "no OVMF firmware (${OVMF:-unset}): the UEFI rows are skipped"
fi
[ $have_peer = 1 ] && systems="$systems linux linux-verbose"

label() {
	case $1 in
	tern-kernel) echo "tern -kernel/-initrd" ;;
	tern-iso) echo "tern ISO (-cdrom)" ;;
	tern-disk) echo "tern disk image" ;;
	tern-iso-uefi) echo "tern ISO, UEFI" ;;
	tern-disk-uefi) echo "tern disk, UEFI" ;;
	linux) echo "linux quiet" ;;
	linux-verbose) echo "linux (no quiet)" ;;
	esac
}

boot_once() {   # boot_once ACCEL SYSTEM RUN: append the ms to $data/boot-ACCEL-SYSTEM
	log=$logs/boot-$2-$1-$3
	case $2 in
	tern-kernel) set -- "$@" ci/bench/boot-kernel.run "READY=$tern_ready" ;;
	tern-iso) set -- "$@" ci/bench/boot-iso.run "READY=$tern_ready" "ISO=$iso" ;;
	tern-disk) set -- "$@" ci/bench/boot-disk.run "READY=$tern_ready" "DISK=$disk" ;;
	tern-iso-uefi) set -- "$@" ci/bench/boot-iso-uefi.run "READY=$tern_ready" "ISO=$iso" ;;
	tern-disk-uefi) set -- "$@" ci/bench/boot-disk-uefi.run "READY=$tern_ready" "DISK=$disk" ;;
	linux) set -- "$@" ci/bench/boot-linux.run "READY=$LINUX_READY" "APPEND=$LINUX_APPEND" ;;
	linux-verbose) set -- "$@" ci/bench/boot-linux-verbose.run "READY=$LINUX_READY" "APPEND=$LINUX_APPEND_VERBOSE" ;;
	esac
	a=$1 s=$2
	shift 3
	ACCEL=$a "$TERN_RUN" -l "$log.serial" "$@" "VMLINUZ=${vmlinuz:-}" "PEER_INITRD=${peer_initrd:-}" \
		>"$log.out" 2>&1
	ms=$(sed -n 's/^mark ready \([0-9]*\)$/\1/p' "$log.out")
	[ -n "$ms" ] || return 1
	echo "$ms" >>"$data/boot-$a-$s"
	sed -n 's/^mark kernel \([0-9]*\)$/\1/p' "$log.out" >>"$data/kernel-$a-$s"
	# tern's UEFI loader: TSC ticks from its entry to the kernel's (the kernel prints them).
	tr -d '\r' <"$log.serial" | sed -n 's/^boot: UEFI .*the loader ran \([0-9]*\) TSC ticks$/\1/p' \
		>>"$data/loader-$a-$s"
}

for a in $accels; do
	# Interleaved (one boot of each system per round), so that a slow spell
	# of the host touches all of them alike.
	i=1
	while [ $i -le "$RUNS" ]; do
		say "boot round $i/$RUNS ($a)"
		for s in $systems; do
			boot_once "$a" "$s" "$i" && continue
			if [ "$s" = tern-kernel ] && [ "$tern_ready" = "$TERN_PROMPT" ] && [ -z "${TERN_READY:-}" ] &&
				[ ! -s "$data/boot-$a-$s" ]; then
				f=$logs/boot-$s-$a-$i
				mv "$f.out" "$f-prompt.out"
				mv "$f.serial" "$f-prompt.serial"
				note "tern ($a) never showed the prompt /$TERN_PROMPT/ (see $f-prompt.out); timing /$TERN_FALLBACK/ instead"
				tern_ready=$TERN_FALLBACK
				tern_ready_why="fallback: the prompt did not show up"
				boot_once "$a" "$s" "$i" && continue
			fi
			note "boot $s ($a) run $i failed: $logs/boot-$s-$a-$i.out"
		done
		i=$((i + 1))
	done
done

# stats FILE: "n min median max" of the numbers in FILE (median: the middle
# one, the lower middle for an even count).
stats() {
	[ -s "$1" ] || { echo "0 null null null"; return; }
	sort -n "$1" | awk '{ v[NR] = $1 } END { print NR, v[1], v[int((NR + 1) / 2)], v[NR] }'
}
ratio() {       # ratio A B: A/B to two digits (or "-")
	case "$1$2" in *null*|"") echo - ;; *) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3g\n", a / b; else print "-" }' ;; esac
}

# ---- IPC ---------------------------------------------------------------------
for a in $accels; do
	say "IPC benchmarks: tern ($a)"
	if ! ACCEL=$a INITRAMFS=$INITRAMFS_TEST "$TERN_RUN" -l "$logs/ipc-tern-$a.serial" ci/bench/kernel.run >"$logs/ipc-tern-$a.out" 2>&1; then
		note "$a: tern's IPC benchmark did not finish; see $logs/ipc-tern-$a.serial"
	fi
	tr -d '\r' <"$logs/ipc-tern-$a.serial" | grep '^bench ' >"$data/ipc-$a-tern"
	[ $have_peer = 1 ] || continue
	say "IPC benchmarks: linux ($a; about 20 s under TCG)"
	if ! ACCEL=$a "$TERN_RUN" -l "$logs/ipc-linux-$a.serial" ci/bench/peer-ipc.run \
		"VMLINUZ=$vmlinuz" "PEER_INITRD=$peer_initrd" "APPEND=$LINUX_APPEND" >"$logs/ipc-linux-$a.out" 2>&1; then
		note "$a: the Linux IPC benchmark did not finish; see $logs/ipc-linux-$a.serial"
	fi
	tr -d '\r' <"$logs/ipc-linux-$a.serial" | grep '^bench ' >"$data/ipc-$a-linux"
done
# ---- IPC in instructions (-icount shift=0) -------------------------------------
say "IPC benchmarks in instructions: tern (-icount shift=0)"
if ! INITRAMFS=$INITRAMFS_TEST "$TERN_RUN" -l "$logs/icount-tern.serial" ci/bench/kernel-icount.run >"$logs/icount-tern.out" 2>&1; then
	note "icount: tern's IPC benchmark did not finish; see $logs/icount-tern.serial"
fi
tr -d '\r' <"$logs/icount-tern.serial" | grep '^bench ' >"$data/icount-tern"
say "IPC benchmarks in instructions: tern with fastpath=off"
if ! INITRAMFS=$INITRAMFS_TEST "$TERN_RUN" -l "$logs/icount-tern-slow.serial" ci/bench/kernel-icount.run KARGS=fastpath=off \
	>"$logs/icount-tern-slow.out" 2>&1; then
	note "icount: tern's IPC benchmark with fastpath=off did not finish; see $logs/icount-tern-slow.serial"
fi
tr -d '\r' <"$logs/icount-tern-slow.serial" | grep '^bench ' | sed 's/^bench \([a-z_]*\)_cycles/bench \1_slowpath_cycles/' \
	>>"$data/icount-tern"
if [ $have_peer = 1 ]; then
	say "IPC benchmarks in instructions: linux (-icount shift=0; about 50 s)"
	if ! "$TERN_RUN" -l "$logs/icount-linux.serial" ci/bench/peer-ipc-icount.run \
		"VMLINUZ=$vmlinuz" "PEER_INITRD=$peer_initrd" "APPEND=$LINUX_APPEND" >"$logs/icount-linux.out" 2>&1; then
		note "icount: the Linux IPC benchmark did not finish; see $logs/icount-linux.serial"
	fi
	tr -d '\r' <"$logs/icount-linux.serial" | grep '^bench ' >"$data/icount-linux"
fi
# ---- time to the prompt in virtual time (-icount shift=0,sleep=off) -----------
# The TSC the guest prints at its prompt ("tsc N") is QEMU's virtual clock
# in ns: instructions, plus idle time skipped to the next timer deadline.
prompt_tsc() { tr -d '\r' <"$1" 2>/dev/null | sed -n 's/^tsc \([0-9]*\)$/\1/p' | head -n 1; }
say "time to the prompt in virtual time: tern (-icount shift=0,sleep=off)"
if [ -f "$user_kernel" ] && [ -f "$user_initrd" ]; then
	KERNEL=$user_kernel INITRAMFS=$user_initrd "$TERN_RUN" -l "$logs/prompt-tern.serial" ci/bench/prompt-icount.run \
		"READY=$TERN_PROMPT" >"$logs/prompt-tern.out" 2>&1 ||
		note "icount: tern did not reach its prompt; see $logs/prompt-tern.serial"
else
	note "icount: no $user_kernel or $user_initrd (make iso makes them): tern's time to the prompt is skipped"
fi
echo "bench prompt_virtual_ns median=$(prompt_tsc "$logs/prompt-tern.serial")" >"$data/prompt-tern"
if [ $have_peer = 1 ]; then
	say "time to the prompt in virtual time: linux (about 1 min)"
	"$TERN_RUN" -l "$logs/prompt-linux.serial" ci/bench/peer-prompt-icount.run "VMLINUZ=$vmlinuz" \
		"PEER_INITRD=$peer_initrd" "APPEND=$LINUX_APPEND" "READY=$LINUX_READY" >"$logs/prompt-linux.out" 2>&1 ||
		note "icount: the Linux peer did not reach its prompt; see $logs/prompt-linux.serial"
	echo "bench prompt_virtual_ns median=$(prompt_tsc "$logs/prompt-linux.serial")" >"$data/prompt-linux"
fi

# ---- PLATFORM=linux (no QEMU: tern-linux and this host) --------------------------
say "PLATFORM=linux: tern-linux and this host (ci/bench-hosted.sh)"
BUILD=$BUILD INITRAMFS=$INITRAMFS INITRAMFS_TEST=$INITRAMFS_TEST TERN_RUN=$TERN_RUN \
	sh ci/bench-hosted.sh "$out" >"$data/hosted-table" 2>"$logs/bench-hosted.err" ||
	note "PLATFORM=linux: ci/bench-hosted.sh failed; see $logs/bench-hosted.err"

# The figures docs/performance.md records (a regression shows as a change).
ICOUNT_RECORDED="ipc_call_reply_cycles=593 ipc_call_reply_slowpath_cycles=1142 note_signal_wake_cycles=249 note_signal_wake_slowpath_cycles=347 pipe_roundtrip_cycles=12991 eventfd_wake_cycles=3656 tern_prompt_virtual_ns=38426660 linux_prompt_virtual_ns=6142497148"
recorded() { for kv in $ICOUNT_RECORDED; do [ "${kv%%=*}" = "$1" ] && echo "${kv#*=}"; done; }

# field FILE NAME KEY: KEY=value from the "bench NAME ..." line of FILE
field() {
	[ -f "$1" ] || { echo null; return; }
	v=$(sed -n "s/^bench $2 .*\\b$3=\\([0-9]*\\).*/\\1/p" "$1" | head -n 1)
	echo "${v:-null}"
}

# ---- clean build ---------------------------------------------------------------
build_rows=
if [ "$BENCH_BUILD" != 0 ]; then
	jobs=1
	[ "$ncpu" -gt 1 ] && jobs="1 $ncpu"
	for j in $jobs; do
		say "clean make all -j$j"
		cb=$out/cleanbuild
		rm -rf "$cb"
		t0=$(now_ms)
		if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -j"$j" BUILD="$cb" all \
			>"$logs/build-j$j.log" 2>&1; then
			t1=$(now_ms)
			build_rows="$build_rows $j:$((t1 - t0))"
		else
			note "clean make all -j$j failed: $logs/build-j$j.log"
		fi
		rm -rf "$cb"    # not left for the main build's *.d search
	done
fi

# ---- the table -------------------------------------------------------------------
echo "tern make bench: $ncpu CPUs ($cpu), QEMU $qemu_ver, 1 vCPU, -m $QEMU_MEM, accel: $accels"
echo "$kvm_note"
echo "host load average at the start: $load (other work on the host adds noise)"
[ $have_peer = 1 ] && echo "peer: Debian $kpkg $kdebver + busybox-static $bbver (ci/bench/peer/)"
echo
echo "Boot to the prompt on serial: ms from QEMU launch ($RUNS runs each)"
printf '%-6s %-22s %7s %7s %7s %8s %8s\n' accel system min median max /linux kernel
for a in $accels; do
	set -- $(stats "$data/boot-$a-linux")
	lmed=$3
	for s in $systems; do
		set -- $(stats "$data/kernel-$a-$s")
		k=$3
		[ "$k" = null ] && k=-
		set -- $(stats "$data/boot-$a-$s")
		printf '%-6s %-22s %7s %7s %7s %8s %8s\n' "$a" "$(label $s)" "$2" "$3" "$4" "$(ratio "$3" "$lmed")" "$k"
	done
done
echo "(/linux: median over linux quiet's; kernel: median ms to the kernel's first line)"
for a in $accels; do
	for s in $systems; do
		set -- $(stats "$data/loader-$a-$s")
		[ "$1" = 0 ] || echo "$a $(label "$s"): tern's UEFI loader, entry to kernel entry: median $3 TSC ticks (min $2, max $4)"
	done
done
echo "ready: tern /$tern_ready/ ($tern_ready_why); linux /$LINUX_READY/"
[ $have_peer = 1 ] && echo "linux quiet: -append \"$LINUX_APPEND\"; no quiet: \"$LINUX_APPEND_VERBOSE\""
echo

echo "IPC between two address spaces: TSC cycles"
printf '%-6s %-6s %-28s %12s %12s %12s\n' accel system benchmark median p10 p90
for a in $accels; do
	for sys in tern linux; do
		f=$data/ipc-$a-$sys
		[ -s "$f" ] || continue
		sed -n 's/^bench \([a-z_]*\) median=\([0-9]*\) p10=\([0-9]*\) p90=\([0-9]*\).*/\1 \2 \3 \4/p' "$f" |
			while read -r name med p10 p90; do
				printf '%-6s %-6s %-28s %12s %12s %12s\n' "$a" "$sys" "$name" "$med" "$p10" "$p90"
			done
		printf '%-6s %-6s %-28s %12s\n' "$a" "$sys" tsc_hz "$(d "$(field "$f" tsc_hz value)")"
	done
done
echo
printf '%-6s %-31s %9s %9s %7s %9s %9s %7s\n' accel "tern vs linux" "tern med" "lx med" ratio \
	"tern p10" "lx p10" ratio
for a in $accels; do
	t=$data/ipc-$a-tern l=$data/ipc-$a-linux
	for pair in "ipc_call_reply_cycles pipe_roundtrip_cycles call+reply vs pipe round trip" \
		"note_signal_wake_cycles eventfd_wake_cycles note signal vs eventfd wake-up"; do
		set -- $pair
		x=$(field "$t" "$1" median) y=$(field "$l" "$2" median)
		x10=$(field "$t" "$1" p10) y10=$(field "$l" "$2" p10)
		shift 2
		printf '%-6s %-31s %9s %9s %7s %9s %9s %7s\n' "$a" "$*" "$(d "$x")" "$(d "$y")" "$(ratio "$x" "$y")" \
			"$(d "$x10")" "$(d "$y10")" "$(ratio "$x10" "$y10")"
	done
done
echo "(TSC ticks; under TCG the TSC runs at the host's rate, so compare TCG with TCG only)"
echo

echo "IPC in instructions (-icount shift=0: one TSC tick per instruction; deterministic)"
printf '%-32s %12s %12s %10s\n' benchmark tern linux tern/linux
for pair in "ipc_call_reply_cycles pipe_roundtrip_cycles call+reply vs pipe round trip" \
	"note_signal_wake_cycles eventfd_wake_cycles note signal vs eventfd wake-up"; do
	set -- $pair
	x=$(field "$data/icount-tern" "$1" median) y=$(field "$data/icount-linux" "$2" median)
	shift 2
	printf '%-32s %12s %12s %10s\n' "$*" "$(d "$x")" "$(d "$y")" "$(ratio "$x" "$y")"
done
x=$(field "$data/icount-tern" ipc_call_reply_slowpath_cycles median) y=$(field "$data/icount-linux" pipe_roundtrip_cycles median)
printf '%-32s %12s %12s %10s\n' "call+reply, fastpath=off" "$(d "$x")" "$(d "$y")" "$(ratio "$x" "$y")"
x=$(field "$data/icount-tern" note_signal_wake_slowpath_cycles median) y=$(field "$data/icount-linux" eventfd_wake_cycles median)
printf '%-32s %12s %12s %10s\n' "note wake-up, fastpath=off" "$(d "$x")" "$(d "$y")" "$(ratio "$x" "$y")"
x=$(field "$data/prompt-tern" prompt_virtual_ns median) y=$(field "$data/prompt-linux" prompt_virtual_ns median)
printf '%-32s %12s %12s %10s\n' "QEMU start to prompt, ns" "$(d "$x")" "$(d "$y")" "$(ratio "$x" "$y")"
echo "(prompt: -icount shift=0,sleep=off, virtual ns = instructions + idle skipped to timer deadlines;"
echo " tern as users get it, packed initramfs and getty=-t; linux's TSC is read just before its shell starts)"
for name in ipc_call_reply_cycles ipc_call_reply_slowpath_cycles note_signal_wake_cycles note_signal_wake_slowpath_cycles \
	pipe_roundtrip_cycles eventfd_wake_cycles tern_prompt_virtual_ns linux_prompt_virtual_ns; do
	case $name in
	pipe*|eventfd*) f=$data/icount-linux n=$name ;;
	tern_prompt*) f=$data/prompt-tern n=prompt_virtual_ns ;;
	linux_prompt*) f=$data/prompt-linux n=prompt_virtual_ns ;;
	*) f=$data/icount-tern n=$name ;;
	esac
	now=$(field "$f" "$n" median) was=$(recorded "$name")
	[ "$now" = null ] && continue
	if [ -z "$was" ]; then
		echo "  $name: $now (none recorded)"
	elif [ "$now" = "$was" ]; then
		echo "  $name: $now, as recorded in docs/performance.md"
	else
		echo "  $name: $now, recorded $was: change $(awk -v a="$now" -v b="$was" 'BEGIN { printf "%+.1f%%", (a - b) * 100 / b }')"
	fi
done
echo

[ -s "$data/hosted-table" ] && { cat "$data/hosted-table"; echo; }

echo "Sizes: bytes"
# What users download (the images carry these two; see image/image.mk).
s_iso=$(size_of "$BUILD/images/tern.iso") s_img=$(size_of "$BUILD/images/tern.img")
s_ukernel=$(size_of "$user_kernel") s_uinitrd=$(size_of "$user_initrd")
s_user=null
[ "$s_ukernel" != null ] && [ "$s_uinitrd" != null ] && s_user=$((s_ukernel + s_uinitrd))
s_pxe=null
[ -n "$pxe" ] && [ -d "$pxe" ] && s_pxe=$(find "$pxe" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
s_tinitrd=$(size_of "$INITRAMFS_TEST")
printf '%-50s %10s\n' "what users download:" "" \
	"  kernel, stripped ($user_kernel)" "$(d "$s_ukernel")" \
	"  initramfs, LZ4 ($user_initrd)" "$(d "$s_uinitrd")" \
	"  kernel + initramfs (goal: 262144, 256 KiB)" "$(d "$s_user")" \
	"  ISO (goal: 1572864, 1.5 MiB)" "$(d "$s_iso")" \
	"  disk image (a whole ${DISK_MIB:-32} MiB disk)" "$(d "$s_img")" \
	"  PXE tree ($BUILD/images/pxe, all files)" "$(d "$s_pxe")" \
	"the test initramfs ($INITRAMFS_TEST)" "$(d "$s_tinitrd")"
s_elf=$(size_of "$KERNEL") s_initrd=$(size_of "$INITRAMFS")
s_vmlinuz=$(size_of "${vmlinuz:-}") s_pinitrd=$(size_of "${peer_initrd:-}")
# tern.elf carries its symbols and debug information; what loads is text + data.
s_load=$(size "$KERNEL" 2>/dev/null | awk 'NR == 2 { print $1 + $2 }')
s_load=${s_load:-null}
printf '%-50s %10s\n' "tern kernel for gdb ($KERNEL)" "$(d "$s_elf")" \
	"  of which text + data (the rest: symbols, debug info)" "$(d "$s_load")" \
	"tern initramfs unpacked ($INITRAMFS)" "$(d "$s_initrd")" \
	"linux kernel (vmlinuz-${kver:-?}, compressed)" "$(d "$s_vmlinuz")" \
	"linux initramfs (busybox + pingpong, cpio.gz)" "$(d "$s_pinitrd")"
tsum=$s_user lsum=null
[ "$s_vmlinuz" != null ] && [ "$s_pinitrd" != null ] && lsum=$((s_vmlinuz + s_pinitrd))
printf '%-50s %10s\n' "tern kernel + initramfs (stripped, LZ4)" "$(d "$tsum")" "linux kernel + initramfs" "$(d "$lsum")" \
	"tern/linux" "$(ratio "$tsum" "$lsum")"
echo

echo "Clean build: make all (into $out/cleanbuild, then removed)"
for r in $build_rows; do
	printf '%-8s %8s s\n' "-j${r%%:*}" "$(awk -v ms="${r#*:}" 'BEGIN { printf "%.1f", ms / 1000 }')"
done
[ -n "$build_rows" ] || echo "(not measured)"
if [ -n "$notes" ]; then
	echo
	echo "Notes:"
	printf '%s' "$notes" | sed 's/^/  /'
fi

# ---- report.svg: the boot bars and the IPC instruction bars ------------------------
svg=$out/report.svg
{
	a=${accels%% *}
	printf 'chart\tBoot to the prompt, median (%s)\tms from QEMU launch\n' "$a"
	for s in $systems; do
		set -- $(stats "$data/boot-$a-$s")
		printf 'bar\t%s\t%s\n' "$(label "$s")" "$(d "$3")"
	done
	printf 'chart\tIPC round trip in instructions\t-icount shift=0\n'
	printf 'bar\ttern call+reply\t%s\n' "$(d "$(field "$data/icount-tern" ipc_call_reply_cycles median)")"
	printf 'bar\ttern call+reply, fastpath=off\t%s\n' "$(d "$(field "$data/icount-tern" ipc_call_reply_slowpath_cycles median)")"
	printf 'bar\tlinux pipe round trip\t%s\n' "$(d "$(field "$data/icount-linux" pipe_roundtrip_cycles median)")"
	printf 'chart\tWake-up in instructions\t-icount shift=0\n'
	printf 'bar\ttern note signal->wake\t%s\n' "$(d "$(field "$data/icount-tern" note_signal_wake_cycles median)")"
	printf 'bar\tlinux eventfd wake-up\t%s\n' "$(d "$(field "$data/icount-linux" eventfd_wake_cycles median)")"
} | awk -f ci/bench/svg.awk >"$svg"
echo "report: $svg"

# ---- results.json ------------------------------------------------------------------
json=$out/results.json
{
	printf '{\n'
	printf '  "date": %s,\n' "$(jstr "$(date -u +%Y-%m-%dT%H:%M:%SZ)")"
	printf '  "commit": %s,\n' "$(jstr "$(git rev-parse --short HEAD 2>/dev/null)")"
	printf '  "machine": {"nproc": %s, "cpu": %s, "qemu": %s, "loadavg": %s, "accels": [%s], "kvm": %s},\n' \
		"$ncpu" "$(jstr "$cpu")" "$(jstr "$qemu_ver")" "$(jstr "$load")" \
		"$(for a in $accels; do printf '"%s"\n' $a; done | paste -sd, -)" "$(jstr "$kvm_note")"
	printf '  "qemu": {"vcpus": 1, "mem_mib": %s, "flags": %s},\n' "$QEMU_MEM" \
		"$(jstr "-display none -serial stdio -monitor none -no-reboot -device isa-debug-exit (tern-run)")"
	if [ $have_peer = 1 ]; then
		printf '  "peer": {"kernel_package": %s, "kernel_version": %s, "busybox_static": %s, "append": %s, "append_verbose": %s},\n' \
			"$(jstr "$kpkg")" "$(jstr "$kdebver")" "$(jstr "$bbver")" "$(jstr "$LINUX_APPEND")" "$(jstr "$LINUX_APPEND_VERBOSE")"
	else
		printf '  "peer": null,\n'
	fi
	printf '  "ready": {"tern": %s, "tern_why": %s, "linux": %s},\n' \
		"$(jstr "$tern_ready")" "$(jstr "$tern_ready_why")" "$(jstr "$LINUX_READY")"
	printf '  "boot_ms": ['
	sep=
	for a in $accels; do
		set -- $(stats "$data/boot-$a-linux")
		lmed=$3
		for s in $systems; do
			set -- $(stats "$data/boot-$a-$s")
			r=$(ratio "$3" "$lmed")
			[ "$r" = - ] && r=null
			case $s in tern*) p=$tern_ready ;; *) p=$LINUX_READY ;; esac
			k=$(stats "$data/kernel-$a-$s" | cut -d' ' -f3)
			ld=$(stats "$data/loader-$a-$s" | cut -d' ' -f3)
			printf '%s\n    {"accel": "%s", "system": "%s", "ready": %s, "runs": [%s], "n": %s, "min": %s, "median": %s, "max": %s, "median_over_linux": %s, "kernel_first_line_median": %s, "uefi_loader_tsc_median": %s}' \
				"$sep" "$a" "$s" "$(jstr "$p")" "$(paste -sd, "$data/boot-$a-$s" 2>/dev/null)" "$1" "$2" "$3" "$4" "$r" "$k" "$ld"
			sep=,
		done
	done
	printf '\n  ],\n'
	printf '  "ipc_cycles": ['
	sep=
	for a in $accels; do
		for sys in tern linux; do
			f=$data/ipc-$a-$sys
			[ -s "$f" ] || continue
			for name in $(sed -n 's/^bench \([a-z_]*\) median=.*/\1/p' "$f"); do
				printf '%s\n    {"accel": "%s", "system": "%s", "benchmark": "%s", "median": %s, "p10": %s, "p90": %s, "min": %s, "n": %s, "tsc_hz": %s}' \
					"$sep" "$a" "$sys" "$name" "$(field "$f" "$name" median)" "$(field "$f" "$name" p10)" \
					"$(field "$f" "$name" p90)" "$(field "$f" "$name" min)" "$(field "$f" "$name" n)" \
					"$(field "$f" tsc_hz value)"
				sep=,
			done
		done
	done
	printf '\n  ],\n'
	printf '  "ipc_ratio": ['
	sep=
	for a in $accels; do
		t=$data/ipc-$a-tern l=$data/ipc-$a-linux
		for pair in ipc_call_reply_cycles:pipe_roundtrip_cycles note_signal_wake_cycles:eventfd_wake_cycles; do
			x=$(field "$t" "${pair%%:*}" median) y=$(field "$l" "${pair#*:}" median)
			r=$(ratio "$x" "$y")
			[ "$r" = - ] && r=null
			x10=$(field "$t" "${pair%%:*}" p10) y10=$(field "$l" "${pair#*:}" p10)
			r10=$(ratio "$x10" "$y10")
			[ "$r10" = - ] && r10=null
			printf '%s\n    {"accel": "%s", "tern": "%s", "linux": "%s", "tern_median": %s, "linux_median": %s, "tern_over_linux": %s, "tern_p10": %s, "linux_p10": %s, "tern_over_linux_p10": %s}' \
				"$sep" "$a" "${pair%%:*}" "${pair#*:}" "$x" "$y" "$r" "$x10" "$y10" "$r10"
			sep=,
		done
	done
	printf '\n  ],\n'
	printf '  "icount": ['
	sep=
	for name in ipc_call_reply_cycles ipc_call_reply_slowpath_cycles note_signal_wake_cycles \
		note_signal_wake_slowpath_cycles pipe_roundtrip_cycles eventfd_wake_cycles; do
		case $name in pipe*|eventfd*) f=$data/icount-linux sys=linux ;; *) f=$data/icount-tern sys=tern ;; esac
		v=$(field "$f" "$name" median)
		[ "$v" = null ] && continue
		printf '%s\n    {"system": "%s", "benchmark": "%s", "instructions": %s, "p10": %s, "p90": %s, "recorded": %s}' \
			"$sep" "$sys" "$name" "$v" "$(field "$f" "$name" p10)" "$(field "$f" "$name" p90)" "$(recorded "$name")"
		sep=,
	done
	# Time to the prompt: virtual ns, not instructions (idle time counts).
	for sys in tern linux; do
		v=$(field "$data/prompt-$sys" prompt_virtual_ns median)
		[ "$v" = null ] && continue
		r=$(recorded "${sys}_prompt_virtual_ns")
		printf '%s\n    {"system": "%s", "benchmark": "prompt_virtual_ns", "virtual_ns": %s, "icount": "shift=0,sleep=off", "recorded": %s}' \
			"$sep" "$sys" "$v" "${r:-null}"
		sep=,
	done
	printf '\n  ],\n'
	printf '  "hosted_ns": ['
	sep=
	[ -f "$out/hosted-data" ] && sed -n 's/^bench \([a-z_]*\) median=\([0-9a-z]*\)\( p10=\([0-9a-z]*\)\)\{0,1\}$/\1 \2 \4/p' "$out/hosted-data" |
		while read -r name med p10; do
			printf '%s\n    {"benchmark": "%s", "median": %s, "p10": %s}' "$sep" "$name" "$med" "${p10:-null}"
			sep=,
		done
	printf '\n  ],\n'
	printf '  "sizes_bytes": {"tern_elf": %s, "tern_elf_text_data": %s, "tern_initramfs": %s, "tern_iso": %s, "tern_img": %s, "linux_vmlinuz": %s, "linux_initramfs": %s,\n' \
		"$s_elf" "$s_load" "$s_initrd" "$s_iso" "$s_img" "$s_vmlinuz" "$s_pinitrd"
	printf '    "download": {"kernel": %s, "initramfs": %s, "kernel_plus_initramfs": %s, "kernel_plus_initramfs_goal": 262144, "iso": %s, "iso_goal": 1572864, "disk_image": %s, "pxe_tree": %s},\n' \
		"$s_ukernel" "$s_uinitrd" "$s_user" "$s_iso" "$s_img" "$s_pxe"
	printf '    "test_initramfs": %s},\n' "$s_tinitrd"
	printf '  "build_all_clean": ['
	sep=
	for r in $build_rows; do
		printf '%s{"jobs": %s, "seconds": %s}' "$sep" "${r%%:*}" "$(awk -v ms="${r#*:}" 'BEGIN { printf "%.2f", ms / 1000 }')"
		sep=', '
	done
	printf '],\n'
	printf '  "notes": ['
	sep=
	printf '%s' "$notes" | while IFS= read -r n; do
		printf '%s%s' "$sep" "$(jstr "$n")"
		sep=', '
	done
	printf ']\n}\n'
} >"$json"
echo
echo "results: $json"
