#!/bin/sh
# A console with no machine behind it, for ci/lab/lab-test.sh: it checks
# that tern-run gives a console command a terminal (picocom and ipmitool
# want one) in raw mode: what is typed arrives unchanged and is not
# echoed back (ci/lab/console.run rejects an echo).
[ -t 0 ] && [ -t 1 ] || { echo "tty-console: stdin or stdout is not a terminal"; exit 1; }
printf 'tern 0.1 (x86_64) booting\n'
IFS= read -r line
printf 'got: %s\n' "$line"
printf 'tern: power off requested by task 1 (tty-console)\n'
