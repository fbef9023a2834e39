/*
 * iochild: what test/iotest spawns to see what init gave it.
 *
 *   iochild write TEXT   writes TEXT and a newline to its stdout; exits 0,
 *                        or with the error code of the write
 *   iochild slots        exits with bit i set if slot PROG_STDIN + i holds a cap
 *   iochild cwd          writes prog_info->cwd to its stdout
 *   iochild read         reads its stdin once; exits with the count
 *   iochild sleep        sleeps until killed
 *   iochild exit         exits 0 at once
 */
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

int main(int argc, const char **argv)
{
	const char *how = argc > 1 ? argv[1] : "";
	if (!strcmp(how, "write") && argc == 3) {
		char line[128];
		int n = snprintf(line, sizeof(line), "%s\n", argv[2]);
		long r = stream_write(PROG_STDOUT, line, (size_t)n);
		return r < 0 ? (int)-r : 0;
	}
	if (!strcmp(how, "slots")) {
		struct tern_capinfo ci;
		int bits = 0;
		for (int i = 0; i < 3; i++)
			if (!tern_cap_identify(PROG_STDIN + (uint64_t)i, &ci))
				bits |= 1 << i;
		return bits;
	}
	if (!strcmp(how, "cwd")) {
		long r = stream_write(PROG_STDOUT, prog_info->cwd, strlen(prog_info->cwd));
		return r < 0 ? (int)-r : 0;
	}
	if (!strcmp(how, "read")) {
		char buf[16];
		long r = stream_read(PROG_STDIN, buf, sizeof(buf));
		return r < 0 ? 100 : (int)r;
	}
	if (!strcmp(how, "sleep"))
		for (;;)
			tern_sleep_ms(1000);
	return 0;
}
