/*
 * logflood: floods the kernel log (test). For SECONDS seconds (default 5)
 * it writes numbered 64-byte lines to the kernel console, untagged and
 * unlimited (log=raw), 8 lines every 10 ms: about 50 KB/s, three times
 * the kernel log ring a second, far more than a screen shows. The screen
 * terminal must go on answering its shell meanwhile, read the log in
 * bounded turns and say what the ring overwrote
 * (ci/scenarios/screen-log-flood.run, uefi-fbcon-log-flood.run). Then
 * "logflood: done, N lines" on stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tern/sys.h>

int main(int argc, const char **argv)
{
	long secs = argc > 1 ? strtol(argv[1], 0, 10) : 5;
	if (secs < 1 || secs > 60)
		secs = 5;
	unsigned long lines = 0;
	for (long turn = 0; turn < secs * 100; turn++) {
		for (int i = 0; i < 8; i++) {
			char line[65];
			int n = snprintf(line, sizeof(line), "logflood: line %08lu of the flood, to fill the ring....\n",
					 lines++);
			tern_debug_write(line, (size_t)n);
		}
		tern_sleep_ms(10);
	}
	printf("logflood: done, %lu lines\n", lines);
	return 0;
}
