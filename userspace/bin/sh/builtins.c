/*
 * The builtin table, and the builtins that touch neither the file system
 * nor init. The table is the one list of commands: lookup and help both
 * read it, so a new builtin is one line here and one function.
 */
#include "sh.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct builtin builtins[] = {
	{ "help", bi_help, "", "this list" },
	{ "echo", bi_echo, "[WORD...]", "print the words" },
	{ "ls", bi_ls, "[PATH]", "list a directory" },
	{ "cat", bi_cat, "PATH...", "print files" },
	{ "write", bi_write, "PATH [TEXT...]", "replace a file's contents with TEXT" },
	{ "append", bi_append, "PATH [TEXT...]", "add TEXT at the end of a file" },
	{ "mkdir", bi_mkdir, "PATH...", "make directories" },
	{ "rm", bi_rm, "PATH...", "remove files or empty directories" },
	{ "cd", bi_cd, "[PATH]", "change the working directory (default /)" },
	{ "pwd", bi_pwd, "", "print the working directory" },
	{ "ps", bi_ps, "", "list the programs init runs" },
	{ "caps", bi_caps, "[ID]", "show a program's manifest (default: this shell)" },
	{ "kill", bi_kill, "ID...", "stop programs" },
	{ "uptime", bi_uptime, "", "time since boot" },
	{ "mem", bi_mem, "", "free and total memory" },
	{ "reboot", bi_reboot, "", "restart the machine" },
	{ "poweroff", bi_poweroff, "", "turn the machine off" },
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

int bi_help(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	printf("Commands:\n");
	for (size_t i = 0; i < NBUILTINS; i++)
		printf("  %-8s %-15s %s\n", builtins[i].name, builtins[i].args, builtins[i].what);
	printf("Anything else runs /bin/NAME (or the PATH given) from the file system,\n"
	       "in the background if the line ends in '&'. Quote with '...' or \"...\".\n"
	       "Keys: arrows (history, editing), ^A ^E, ^U ^W, ^C, ^D.\n");
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
	sh_exit_status = argc > 1 ? atoi(argv[1]) : 0;
	return sh_exit_status;
}
