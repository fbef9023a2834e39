/*
 * bin/sh: what the shell's files share. The shell talks to the terminal
 * through the console stream (manifest slot 0) and to the file system
 * through slot 1; programs are started and waited for by init.
 */
#pragma once
#include <proto/fs.h>
#include <stdint.h>
#include <tern/program.h>

#define SH_CONSOLE PROG_CAP(0)
#define SH_FS      PROG_CAP(1)
#define SH_ARGS_MAX 32          /* words in a command line */

/* term.c: the terminal. */
void term_init(void);
/* The next line typed (without its newline), "" after ^C, NULL at ^D or a dead console. */
const char *term_readline(void);

/* main.c: the working directory, and arguments made absolute against it. */
extern char sh_cwd[FS_PATH_MAX + 1];
/* Resolve arg into out (FS_PATH_MAX + 1 bytes); prints "CMD: ARG: ..." and returns -1 if too long. */
int sh_path(const char *cmd, const char *arg, char *out);
/* Print "CMD: ARG: <fs error text>" for a failed fs call; returns 1 (a failed status). */
int sh_fs_error(const char *cmd, const char *arg, long err);

/* builtins.c: commands the shell runs itself. */
struct builtin {
	const char *name;
	int (*run)(int argc, const char **argv);
	const char *args, *what;        /* for help */
};
const struct builtin *builtin_find(const char *name);
extern int sh_exit_requested, sh_exit_status;

/* The builtins, by the file they live in. */
int bi_help(int argc, const char **argv);
int bi_echo(int argc, const char **argv);
int bi_exit(int argc, const char **argv);
int bi_ls(int argc, const char **argv);         /* builtin_fs.c */
int bi_cat(int argc, const char **argv);
int bi_write(int argc, const char **argv);
int bi_append(int argc, const char **argv);
int bi_mkdir(int argc, const char **argv);
int bi_rm(int argc, const char **argv);
int bi_cd(int argc, const char **argv);
int bi_pwd(int argc, const char **argv);
int bi_ps(int argc, const char **argv);         /* builtin_sys.c */
int bi_caps(int argc, const char **argv);
int bi_kill(int argc, const char **argv);
int bi_uptime(int argc, const char **argv);
int bi_mem(int argc, const char **argv);
int bi_reboot(int argc, const char **argv);
int bi_poweroff(int argc, const char **argv);

/* run.c: anything else is a program in the file system, run through init;
 * waited for unless in the background (a final "&" word). */
int run_program(int argc, const char **argv, int background);
/* Text for an init error code (INIT_E* or E_*). */
const char *sh_init_strerror(long err);
