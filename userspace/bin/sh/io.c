/*
 * The shell's own standard streams (tern/program.h), found once at start:
 * PROG_STDIN/OUT/ERR as the spawner gave them (getty: its terminal). With
 * no stdin it ends at once; with no stdout it writes to the kernel console
 * (its manifest's log=); with no stderr, errors go where stdout goes.
 *
 * printf goes through stdio_write to sh_cur_out, which is our stdout
 * except while a builtin with a redirection runs (`echo hi > /f`); our
 * errors go to sh_cur_err the same way. Unlike a tool, the shell never
 * ends because a reader went away (lib/stdio.c's status 141), so these
 * writes ignore errors.
 */
#include "sh.h"
#include <proto/stream.h>
#include <stdarg.h>
#include <stdio.h>
#include <tern/sys.h>

uint64_t sh_in, sh_out, sh_err;
uint64_t sh_cur_out, sh_cur_err;
int sh_interactive;
static int out_tty, err_tty;

static int is_endpoint(uint64_t slot)
{
	struct tern_capinfo ci;
	return tern_cap_identify(slot, &ci) == TERN_OK && ci.type == CAP_ENDPOINT;
}

void io_write(uint64_t slot, const void *buf, size_t len)
{
	if (!slot)
		tern_debug_write(buf, len);
	else
		stream_write(slot, buf, len);
}

static void io_stdout(const char *buf, size_t len)
{
	io_write(sh_cur_out, buf, len);
}

int sh_eprintf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return n;
	io_write(sh_cur_err, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
	return n;
}

int io_is_terminal(uint64_t slot)
{
	if (slot == sh_in)
		return sh_interactive;
	if (slot == sh_out)
		return out_tty;
	if (slot == sh_err)
		return err_tty;
	return 0;
}

void io_forget(uint64_t slot)
{
	if (!slot)
		return;
	tern_cap_delete(slot, 0);
	slot_free(slot);
}

void io_drop(uint64_t slot)
{
	if (!slot)
		return;
	stream_close(slot);
	io_forget(slot);
}

static int is_terminal(uint64_t slot)
{
	return slot && stream_info(slot) == STREAM_KIND_TERMINAL;
}

void io_init(void)
{
	sh_in = is_endpoint(PROG_STDIN) ? PROG_STDIN : 0;
	sh_out = is_endpoint(PROG_STDOUT) ? PROG_STDOUT : 0;
	sh_err = is_endpoint(PROG_STDERR) ? PROG_STDERR : sh_out;
	sh_interactive = is_terminal(sh_in);
	out_tty = is_terminal(sh_out);
	err_tty = is_terminal(sh_err);
	sh_cur_out = sh_out;
	sh_cur_err = sh_err;
	stdio_write = io_stdout;
}
