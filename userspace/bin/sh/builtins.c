/*
 * The builtin table, and help, echo and exit (cd and pwd: builtin_cwd.c;
 * jobs and wait: jobs.c). The table is the one list of commands the shell
 * runs itself, only what must run inside it (everything else is in /bin):
 * lookup, help and completion read it, so a new builtin is one line here
 * and one function. Builtins write with printf and report errors with
 * sh_eprintf, which follow their redirections (io.c).
 */
#include "sh.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct builtin builtins[] = {
	{ "help", bi_help, "", "this list" },
	{ "echo", bi_echo, "[WORD...]", "print the words" },
	{ "cd", bi_cd, "[PATH]", "change the working directory (default /)" },
	{ "pwd", bi_pwd, "", "print the working directory" },
	{ "jobs", bi_jobs, "", "list the background jobs" },
	{ "wait", bi_wait, "[JOB...]", "wait for background jobs (^C stops waiting)" },
	{ "exit", bi_exit, "[STATUS]", "leave the shell (getty starts a new one)" },
};

#define NBUILTINS (sizeof(builtins) / sizeof(builtins[0]))

int sh_exit_requested, sh_exit_status;

const struct builtin *builtin_find(const char *name)
{
	for (size_t i = 0; i < NBUILTINS; i++)
		if (!strcmp(builtins[i].name, name))
			return &builtins[i];
	return 0;
}

const char *builtin_name(unsigned i)
{
	return i < NBUILTINS ? builtins[i].name : 0;
}

/* The programs in /bin, in columns, sorted. */
static void help_programs(void)
{
	char names[64][FS_NAME_MAX + 1];
	struct fs_dirent d;
	int n = 0;
	long h = fs_open(SH_FS, "/bin", FS_O_DIR);
	if (h < 0)
		return;
	for (uint64_t i = 0; n < 64 && fs_readdir(SH_FS, (uint64_t)h, i, &d) >= 0; i++) {
		if (d.type != FS_TYPE_FILE)
			continue;
		int j = n++;
		for (; j && strcmp(names[j - 1], d.name) > 0; j--)
			memcpy(names[j], names[j - 1], sizeof(names[j]));
		strlcpy(names[j], d.name, sizeof(names[j]));
	}
	fs_close(SH_FS, (uint64_t)h);
	printf("Programs in /bin (NAME -h for usage):\n");
	for (int i = 0; i < n; i++) {
		int end = i % 8 == 7 || i == n - 1;
		printf(end ? "%s%s\n" : "%s%-9s ", i % 8 ? "" : "  ", names[i]);
	}
}

int bi_help(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	printf("Builtins:\n");
	for (size_t i = 0; i < NBUILTINS; i++)
		printf("  %-8s %-15s %s\n", builtins[i].name, builtins[i].args, builtins[i].what);
	help_programs();
	printf("Anything else runs /bin/NAME (or the PATH given) from the file system.\n"
	       "Lines: a | b, > f, >> f, < f, 2> f, 2>&1, a; b, a && b, a || b, a &, $?.\n"
	       "Quote with '...' or \"...\". Keys: arrows, Tab, ^A ^E, ^U ^W, ^C, ^D.\n"
	       "More: docs/shell.md.\n");
	return 0;
}

int bi_echo(int argc, const char **argv)
{
	for (int i = 1; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	printf("\n");
	return 0;
}

int bi_exit(int argc, const char **argv)
{
	sh_exit_requested = 1;
	sh_exit_status = argc > 1 ? atoi(argv[1]) : sh_status;
	return sh_exit_status;
}
