#!/bin/sh
# make bench: run the kernel micro-benchmarks in QEMU under TCG, and under
# KVM too where KVM works for tern (ci/accel.sh), and print a table. These
# are measurements, not tests: nothing is asserted.
set -u
: "${BUILD:=build}" "${TERN_RUN:=$BUILD/ci/tern-run}"
out=$BUILD/bench
mkdir -p "$out"
accels=tcg
[ "$(BUILD=$BUILD sh ci/accel.sh 2>/dev/null)" = kvm ] && accels="tcg kvm"

printf '%-6s %-28s %12s %12s %12s\n' accel benchmark median p10 p90
for a in $accels; do
	log=$out/kernel-$a.log
	if ! ACCEL=$a "$TERN_RUN" -l "$log" ci/bench/kernel.run >"$out/kernel-$a.out" 2>&1; then
		echo "$a: the kernel benchmark did not finish; see $log" >&2
		continue
	fi
	tr -d '\r' <"$log" | sed -n 's/^bench \([a-z_]*\) median=\([0-9]*\) p10=\([0-9]*\) p90=\([0-9]*\).*/\1 \2 \3 \4/p' |
		while read -r name med p10 p90; do
			printf '%-6s %-28s %12s %12s %12s\n' "$a" "$name" "$med" "$p10" "$p90"
		done
	hz=$(tr -d '\r' <"$log" | sed -n 's/^bench tsc_hz value=//p')
	printf '%-6s %-28s %12s\n' "$a" "tsc_hz" "${hz:-?}"
done
echo "(cycles are TSC ticks; under TCG the TSC is emulated, so compare TCG with TCG only)"
