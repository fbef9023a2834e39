#!/bin/sh
# A short libFuzzer round for `make check`: runs each fuzzer binary given
# (built by ci/fuzz/fuzz.mk) for FUZZ_SMOKE_SECONDS (default 5) from its
# seed corpus ci/fuzz/corpus/<name>/, one PASS/FAIL line each, then
# "N passed, N failed". Seeds are only read; new inputs go to a temp dir,
# crashes to build/ci/fuzz/. Usage: smoke.sh build/ci/fuzz/fuzz_ini ...
set -u
secs=${FUZZ_SMOKE_SECONDS:-5}
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for bin in "$@"; do
	name=$(basename "$bin" | sed 's/^fuzz_//')
	mkdir -p "$tmp/$name"
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$(dirname "$bin")/$name-" \
		"$tmp/$name" "ci/fuzz/corpus/$name" >"$tmp/$name.log" 2>&1; then
		pass=$((pass + 1))
		echo "PASS fuzz_$name ($(grep -o '^Done [0-9]* runs' "$tmp/$name.log"))"
	else
		fail=$((fail + 1))
		echo "FAIL fuzz_$name:"
		tail -n 40 "$tmp/$name.log"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
