/*
 * sh: the tern shell. getty starts it with the terminal as its standard
 * streams; it shows a prompt with the working directory, reads a line
 * with the line editor (term.c, lineedit.c), parses it (shparse.c) and
 * runs it (exec.c): builtins (builtins.c, builtin_*.c) itself, anything
 * else as programs from the file system, which init starts and the shell
 * watches (jobs.c). Given a file or a pipe as its stdin (`sh < script`)
 * it reads commands from there, without prompt or echo, to the end.
 *
 * sh -t prints "tsc N", the CPU's time stamp counter, just before its
 * first prompt: make bench boots under QEMU -icount, where the counter is
 * the virtual time, to measure the time to the prompt (getty -t passes
 * it on; docs/performance.md).
 *
 * The file system takes only absolute paths, so the working directory
 * lives here and every path argument is resolved against it; programs get
 * it with INIT_SPAWN (prog_info->cwd).
 */
#include "sh.h"
#include "shparse.h"
#include <proto/init.h>
#include <stdio.h>
#include <string.h>
#include <tern/path.h>

char sh_cwd[FS_PATH_MAX + 1] = "/";
int sh_status;

int sh_path(const char *cmd, const char *arg, char *out)
{
	if (!path_resolve(sh_cwd, arg, out, FS_PATH_MAX + 1))
		return 0;
	sh_fs_error(cmd, arg, -FS_ENAMETOOLONG);
	return -1;
}

int sh_fs_error(const char *cmd, const char *arg, long err)
{
	sh_eprintf("%s: %s: %s\n", cmd, arg, fs_strerror(err));
	return 1;
}

static void sh_run_line(const char *line)
{
	static struct shp_line parsed;
	char why[64];
	int err = shp_parse(line, &parsed);
	if (err) {
		sh_eprintf("sh: %s\n", shp_strerror(err, &parsed, why, sizeof(why)));
		sh_status = 2;
		return;
	}
	exec_line(&parsed, line);
}

static uint64_t sh_tsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

int main(int argc, const char **argv)
{
	char prompt[FS_PATH_MAX + 16];
	int tsc = argc > 1 && !strcmp(argv[1], "-t");
	io_init();
	jobs_init();
	term_init();
	while (!sh_exit_requested) {
		jobs_poll();
		if (tsc && sh_interactive)
			printf("tsc %lu\n", sh_tsc());
		tsc = 0;
		snprintf(prompt, sizeof(prompt), "tern:%s$ ", sh_cwd);
		const char *line = term_readline(sh_interactive ? prompt : 0);
		if (!line) {
			if (sh_interactive)
				printf("exit\n");
			break;
		}
		sh_run_line(line);
	}
	jobs_exit();
	if (!sh_exit_requested && term_lost)
		return INIT_STATUS_TERMINAL_LOST;       /* for getty: not "done" */
	return sh_exit_requested ? sh_exit_status : sh_status;
}
