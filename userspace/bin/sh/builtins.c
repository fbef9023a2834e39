/*
 * The builtin table, and the builtins that touch neither the file system
 * nor init. The table is the one list of commands the shell runs itself:
 * lookup, help and completion read it, so a new builtin is one line here
 * and one function. Builtins write with printf and report errors with
 * sh_eprintf, which follow their redirections (io.c).
 */
#include "sh.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct builtin builtins[] = {
	{ "help", bi_help, "", "this list", 0 },
	{ "echo", bi_echo, "[WORD...]", "print the words", 0 },
	{ "cd", bi_cd, "[PATH]", "change the working directory (default /)", 0 },
	{ "pwd", bi_pwd, "", "print the working directory", 0 },
	{ "jobs", bi_jobs, "", "list the background jobs", 0 },
	{ "wait", bi_wait, "[JOB...]", "wait for background jobs (^C stops waiting)", 0 },
	{ "exit", bi_exit, "[STATUS]", "leave the shell (getty starts a new one)", 0 },
	/* Until /bin has these programs (issue 12), the shell's old versions
	 * stand in for them: used only while /bin/NAME does not exist. */
	{ "ls", bi_ls, "[PATH]", "list a directory", 1 },
	{ "cat", bi_cat, "PATH...", "print files", 1 },
	{ "write", bi_write, "PATH [TEXT...]", "replace a file's contents with TEXT", 1 },
	{ "append", bi_append, "PATH [TEXT...]", "add TEXT at the end of a file", 1 },
	{ "mkdir", bi_mkdir, "PATH...", "make directories", 1 },
	{ "rm", bi_rm, "PATH...", "remove files or empty directories", 1 },
	{ "ps", bi_ps, "", "list the programs init runs", 1 },
	{ "caps", bi_caps, "[ID]", "show a program's manifest (default: this shell)", 1 },
	{ "kill", bi_kill, "ID...", "stop programs", 1 },
	{ "uptime", bi_uptime, "", "time since boot", 1 },
	{ "mem", bi_mem, "", "free and total memory", 1 },
	{ "reboot", bi_reboot, "", "restart the machine", 1 },
	{ "poweroff", bi_poweroff, "", "turn the machine off", 1 },
};

#define NBUILTINS (sizeof(builtins) / sizeof(builtins[0]))
#define NBUILTINS_MAX 32

int sh_exit_requested, sh_exit_status;

/*
 * Does /bin/NAME exist for each stand-in? Asked once, at the first lookup:
 * later the file system may be gone (a user may kill ramfs), and a lookup
 * must never wait on it.
 */
static int builtin_active(const struct builtin *b)
{
	static signed char in_bin[NBUILTINS_MAX];
	static int known;
	if (!known) {
		known = 1;
		for (size_t i = 0; i < NBUILTINS && i < NBUILTINS_MAX; i++) {
			char path[FS_PATH_MAX + 1];
			unsigned type;
			uint64_t size;
			in_bin[i] = builtins[i].stand_in &&
				    snprintf(path, sizeof(path), "/bin/%s", builtins[i].name) <= FS_PATH_MAX &&
				    fs_stat(SH_FS, path, &type, &size) == 0 && type == FS_TYPE_FILE;
		}
	}
	size_t i = (size_t)(b - builtins);
	return !(i < NBUILTINS_MAX && in_bin[i]);
}

const struct builtin *builtin_find(const char *name)
{
	for (size_t i = 0; i < NBUILTINS; i++)
		if (!strcmp(builtins[i].name, name))
			return builtin_active(&builtins[i]) ? &builtins[i] : 0;
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
		if (builtin_active(&builtins[i]))
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
