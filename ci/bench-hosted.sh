#!/bin/sh
# PLATFORM=linux, measured (issue 14's item 7; docs/hosted.md, "Measured"):
# `make hosted-bench` alone, and part of `make bench` (ci/bench.sh).
# Benchmarks, not tests: nothing is asserted.
#
#   hosted_call_reply_ns    ktest's call+reply round trip (test/ktest's
#                           bench.c, init=/test/ktest mode=bench) on
#                           tern-linux, TSC cycles turned into ns by the
#                           tsc_hz the hosted kernel measured
#   hosted_note_wake_ns     ktest's note signal to wake-up, the same way
#   host_pipe_roundtrip_ns  a Linux pipe round trip between two processes
#                           on this host (ci/bench/peer/pingpong.c, the
#                           QEMU peer's program built for the host)
#   host_eventfd_wake_ns    its eventfd wake-up
#   transport_*_ns          the two transports alone, a round trip of a
#                           wire-sized message (platform/linux/bench/transport.c)
#   hosted_prompt_ms        tern-linux started on a pty (tern-run --hosted)
#                           to the shell's prompt, user initramfs
#
# Each tern-linux figure is the median of HOSTED_RUNS runs' medians
# (default 3), the runs interleaved with those of HOSTED_OTHER (LABEL=PATH
# of another tern-linux, say one built before a change, measured the same
# way in the same run). Lines "bench NAME median=N p10=N" go to
# OUT/hosted-data, the table to stdout.
# Usage: bench-hosted.sh OUT   (BUILD, HOSTED, INITRAMFS, INITRAMFS_TEST from the environment)
set -u
: "${BUILD:=build}" "${HOSTED:=$BUILD/linux}" "${HOSTED_RUNS:=3}" "${HOSTED_OTHER:=}"
: "${INITRAMFS:=$BUILD/initramfs.tar}" "${INITRAMFS_TEST:=$BUILD/test/initramfs.tar}"
: "${TERN_RUN:=$BUILD/ci/tern-run}"
out=${1:-$BUILD/bench}
logs=$out/logs
mkdir -p "$logs"
rm -f "$logs"/hosted-ipc-* "$logs"/hosted-prompt*
data=$out/hosted-data
: >"$data"
say() { echo "bench-hosted: $*" >&2; }

# median of the numbers on stdin (the lower middle for an even count)
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "null" }'; }
# field FILE NAME KEY: the KEY=value of every "bench NAME" line in FILE
field() { sed -n "s/^bench $2 .*\\b$3=\\([0-9]*\\).*/\\1/p" "$1"; }
# ns CYCLES HZ
ns() { awk -v c="$1" -v hz="$2" 'BEGIN { if (c != "null" && hz > 0) printf "%.0f\n", c * 1e9 / hz; else print "null" }'; }

kernels="this=$HOSTED/tern-linux"
[ -n "$HOSTED_OTHER" ] && kernels="$kernels $HOSTED_OTHER"

# ---- ktest's IPC benchmarks on tern-linux, interleaved ----
i=1
while [ $i -le "$HOSTED_RUNS" ]; do
	for kv in $kernels; do
		label=${kv%%=*} k=${kv#*=}
		say "tern-linux ($label) init=/test/ktest mode=bench, run $i/$HOSTED_RUNS"
		timeout 120 "$k" -c "init=/test/ktest mode=bench" "$INITRAMFS_TEST" </dev/null \
			>"$logs/hosted-ipc-$label-$i.log" 2>&1 || say "run $i of $label failed: $logs/hosted-ipc-$label-$i.log"
		grep '^bench ' "$logs/hosted-ipc-$label-$i.log" >>"$logs/hosted-ipc-$label"
	done
	i=$((i + 1))
done
# The TSC rate: each kernel's own; one that says 0 (a tern-linux from before
# it measured it) gets this one's, the same host's TSC.
hz_this=$(field "$logs/hosted-ipc-this" tsc_hz value 2>/dev/null | median)
for kv in $kernels; do
	label=${kv%%=*}
	f=$logs/hosted-ipc-$label
	[ -f "$f" ] || continue
	hz=$(field "$f" tsc_hz value | median)
	[ "$hz" = null ] || [ "$hz" = 0 ] && hz=$hz_this
	suffix=$([ "$label" = this ] || echo "_$label")
	for pair in ipc_call_reply_cycles:hosted_call_reply_ns note_signal_wake_cycles:hosted_note_wake_ns; do
		med=$(field "$f" "${pair%%:*}" median | median) p10=$(field "$f" "${pair%%:*}" p10 | median)
		echo "bench ${pair#*:}$suffix median=$(ns "$med" "$hz") p10=$(ns "$p10" "$hz")" >>"$data"
	done
done

# ---- the host's own: a pipe and an eventfd ----
if gcc -O2 -Wall -Wextra -o "$out/pingpong-host" ci/bench/peer/pingpong.c >"$logs/pingpong-host-build.log" 2>&1; then
	say "this host: pipe and eventfd (ci/bench/peer/pingpong.c)"
	"$out/pingpong-host" >"$logs/host-ipc.log" 2>"$logs/host-ipc.err"
	hz=$(field "$logs/host-ipc.log" tsc_hz value)
	for pair in pipe_roundtrip_cycles:host_pipe_roundtrip_ns eventfd_wake_cycles:host_eventfd_wake_ns; do
		echo "bench ${pair#*:} median=$(ns "$(field "$logs/host-ipc.log" "${pair%%:*}" median)" "$hz")" \
			"p10=$(ns "$(field "$logs/host-ipc.log" "${pair%%:*}" p10)" "$hz")" >>"$data"
	done
else
	say "cannot build pingpong for this host: $logs/pingpong-host-build.log"
fi

# ---- the transports alone ----
if [ -x "$HOSTED/bench-transport" ]; then
	say "the transports alone (bench-transport)"
	"$HOSTED/bench-transport" >"$logs/transport.log" 2>&1
	sed -n 's/^bench hosted_transport_\([a-z]*\)_ns median=\([0-9]*\)$/bench transport_\1_ns median=\2/p' \
		"$logs/transport.log" >>"$data"
fi

# ---- time to the prompt ----
i=1
while [ $i -le "$HOSTED_RUNS" ]; do
	say "tern-linux to the prompt, run $i/$HOSTED_RUNS"
	KERNEL=x INITRAMFS=$INITRAMFS "$TERN_RUN" -l "$logs/hosted-prompt-$i.log" --hosted "$HOSTED/tern-linux" \
		ci/bench/hosted-prompt.run >"$logs/hosted-prompt-$i.out" 2>&1
	sed -n 's/^mark ready \([0-9]*\)$/\1/p' "$logs/hosted-prompt-$i.out" >>"$logs/hosted-prompt"
	i=$((i + 1))
done
[ -s "$logs/hosted-prompt" ] && echo "bench hosted_prompt_ms median=$(median <"$logs/hosted-prompt")" >>"$data"

# ---- the table ----
get() { v=$(field "$data" "$1" "$2" | head -n 1); echo "${v:-null}"; }
echo "PLATFORM=linux on this host: ns (tern-linux: median of $HOSTED_RUNS runs' medians; load at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s %10s %10s\n' benchmark median p10
for name in $(sed -n 's/^bench \([a-z_]*\) .*/\1/p' "$data"); do
	printf '%-44s %10s %10s\n' "$name" "$(get "$name" median)" "$(get "$name" p10 | sed 's/^null$/-/')"
done
c=$(get hosted_call_reply_ns median) p=$(get host_pipe_roundtrip_ns median)
awk -v c="$c" -v p="$p" 'BEGIN { if (c != "null" && p != "null" && p > 0) printf "hosted call+reply / host pipe round trip: %.1f\n", c / p }'
