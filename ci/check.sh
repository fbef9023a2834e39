#!/bin/sh
# Runs every test and adds up the results. Each step (a unit-test binary or
# a QEMU scenario) ends with its own "N passed, N failed" line; we keep its
# full output in build/ci/logs/, show failures in full and passes as one
# line, and finish with the total. A step that cannot run here (Bochs not
# installed) prints "SKIP: reason" and "0 passed, 0 failed": it is shown
# and listed as skipped, never as ok. Usage: check.sh [FILTER] (substring
# of step names to run only some).
set -u
: "${BUILD:=build}" "${TERN_RUN:=$BUILD/ci/tern-run}"
filter=${1:-}
logs=$BUILD/ci/logs
mkdir -p "$logs"
total_pass=0 total_fail=0 steps_failed= steps_skipped=

step() {        # step NAME COMMAND...
	name=$1
	shift
	case "$name" in *"$filter"*) ;; *) return 0 ;; esac
	log=$logs/$(echo "$name" | tr '/' '_').log
	start=$(date +%s)
	"$@" >"$log" 2>&1
	rc=$?
	counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	p=${counts%% passed*}
	f=${counts#*, }
	f=${f%% failed*}
	if [ -z "$counts" ]; then
		p=0 f=1
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	secs=$(( $(date +%s) - start ))
	skip=$(grep -m 1 '^SKIP: ' "$log")
	if [ -n "$skip" ] && [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		printf '  skip  %-32s %s\n' "$name" "${skip#SKIP: }"
		steps_skipped="$steps_skipped $name"
	elif [ "$f" -eq 0 ]; then
		printf '  ok    %-32s %3d passed  %3ds\n' "$name" "$p" "$secs"
	else
		printf '  FAIL  %-32s %3d passed, %d failed (exit %d); log: %s\n' "$name" "$p" "$f" "$rc" "$log"
		grep -v -E '^(PASS |[0-9]+ passed, [0-9]+ failed$)' "$log" | tail -n 60 | sed 's/^/        /'
		steps_failed="$steps_failed $name"
	fi
}

echo "tern: unit tests (host, ASan+UBSan)"
for t in $UNIT_BINS; do
	step "unit/$(basename "$t" | sed 's/^test_//')" "$t"
done

step fuzz/smoke sh ci/fuzz/smoke.sh ${FUZZ_BINS:-}

echo "tern: PLATFORM=linux (hosted kernel and programs, ASan+UBSan)"
# The sanitized programs' test archive (platform/linux/linux.mk).
hosted_initramfs=${HOSTED_CHECK_INITRAMFS:-$BUILD/linux-san/user/test/initramfs.tar}
# VALGRIND=1: the hosted steps run the VALGRIND=1 programs, each under
# valgrind's memcheck (tern-linux started by them sees
# TERN_LINUX_VALGRIND=1, as with -V; docs/hosted.md). hosted/san and
# hosted/san-tools then fail: they check the ASan build's reports.
if [ "${VALGRIND:-}" = 1 ]; then
	echo "tern: VALGRIND=1: the hosted steps' programs run under valgrind"
	hosted_initramfs=${HOSTED_CHECK_VG_INITRAMFS:-$BUILD/linux-vg/user/test/initramfs.tar}
	export TERN_LINUX_VALGRIND=1
fi
step hosted/ktest sh ci/hosted-ktest.sh "${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" "$hosted_initramfs"
step hosted/term sh ci/hosted-term.sh "${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" "$hosted_initramfs"
step hosted/life sh ci/hosted-life.sh "${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" "$hosted_initramfs"
step hosted/end sh ci/hosted-end.sh "${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" "$hosted_initramfs"
step hosted/make-run sh ci/hosted-make-run.sh "$BUILD"
# The serial console's scenarios that run hosted as they are (tern-run
# --hosted: tern-linux on a pty, drv/hostterm the terminal), and the
# hosted-only ones of ci/scenarios/hosted/; each also checks that no task
# process is left behind (ci/hosted-scenario.sh). About a second each
# (shell-jobs 10 s: its sleeps).
step hosted/refuse sh ci/hosted-refuse.sh "$TERN_RUN" "${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" \
	"$hosted_initramfs"
for s in shell-basics shell-redirect shell-editing shell-complete shell-jobs pipes tools-stdin ramfs \
	attack-fs-handles attack-init-deadfs fault-symbol hosted/boot hosted/san hosted/san-tools; do
	step "hosted/$(basename "$s")" sh ci/hosted-scenario.sh "$TERN_RUN" \
		"${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" "$hosted_initramfs" \
		"ci/scenarios/$s.run" "$logs/hosted_$(basename "$s").serial"
done
# The tools', shell pipelines', boot lines' and memory scenarios, hosted
# unchanged too (what they expect of the machine is the same there:
# docs/hosted.md, "Scenarios hosted").
for s in shell-pipes tools-sys tools-text tools-files dmesg getty-terminal serial-paste small-memory \
	kernel-heap terminal-intr-console; do
	step "hosted/$s" sh ci/hosted-scenario.sh "$TERN_RUN" \
		"${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" "$hosted_initramfs" \
		"ci/scenarios/$s.run" "$logs/hosted_$s.serial"
done
# init, its supervision and the attacks on it and on the kernel, the same
# files as under QEMU (init-hw.run, the PC's I/O ports and VGA memory, is
# QEMU's only). fuzz.run makes a tenth of the calls: here each is a round
# trip between Linux processes, about 20 000 a second, 7 s for the tenth.
for s in init init-nodevice init-stdio supervisor attack attack-init attack-init-restarts attack-r2-init \
	attack-console-gone attack-console-reader; do
	step "hosted/$s" sh ci/hosted-scenario.sh "$TERN_RUN" \
		"${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" "$hosted_initramfs" \
		"ci/scenarios/$s.run" "$logs/hosted_$s.serial"
done
# VALGRIND=1's own: the programs under memcheck (ci/hosted-valgrind.sh,
# build/linux-vg/user/): test/santest's heap bugs reported, and one
# ordinary scenario passing under it. About 5 s each.
hosted_vg_initramfs=${HOSTED_CHECK_VG_INITRAMFS:-$BUILD/linux-vg/user/test/initramfs.tar}
for s in hosted/valgrind shell-basics; do
	step "hosted/valgrind$([ "$s" = hosted/valgrind ] || echo "-$s")" sh ci/hosted-valgrind.sh "$TERN_RUN" \
		"${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" "$hosted_vg_initramfs" \
		"ci/scenarios/$s.run" "$logs/hosted_valgrind_$(basename "$s").serial"
done
step hosted/fuzz env FUZZ_N=$((${FUZZ_N:-1000000} / 10)) sh ci/hosted-scenario.sh "$TERN_RUN" \
	"${HOSTED_CHECK_KERNEL:-$BUILD/linux-san/tern-linux}" "$hosted_initramfs" \
	ci/scenarios/fuzz.run "$logs/hosted_fuzz.serial"

echo "tern: QEMU scenarios (accel ${ACCEL:-auto})"
for s in ci/scenarios/*.run; do
	n=$(basename "$s" .run)
	step "qemu/$n" "$TERN_RUN" -l "$logs/qemu_$n.serial" "$s"
done
step run/capture sh ci/runtool-test.sh "$TERN_RUN"    # the run tool's own rules
echo "tern: lab runs on a fake lab of QEMU machines (docs/lab.md)"
step lab/fake-lab sh ci/lab/lab-test.sh
step images/repro sh ci/repro-test.sh
step images/netboot sh ci/netboot-test.sh

echo "tern: ktest under Bochs (two CPU models; Skylake with PCIDs and with pcid=off)"
step bochs/ktest-skylake env BOCHS_EXPECT='^paging: .*, PCID on$' sh ci/bochs.sh corei7_skylake_x
step bochs/ktest-skylake-pcid-off env BOCHS_ISO="$BUILD/ktest-pcidoff-images/tern.iso" \
	BOCHS_NAME=skylake-pcid-off BOCHS_EXPECT='^paging: .*, PCID off \(pcid=off\)$' sh ci/bochs.sh corei7_skylake_x
step bochs/ktest-ryzen env BOCHS_EXPECT='^paging: .*, PCID off \(the CPU has none\)$' sh ci/bochs.sh ryzen

[ -z "$steps_skipped" ] || echo "skipped steps:$steps_skipped"
[ -z "$steps_failed" ] || echo "failed steps:$steps_failed"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
