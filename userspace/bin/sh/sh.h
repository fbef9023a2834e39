/*
 * bin/sh: what the shell's files share. The shell reads commands from its
 * standard input and writes to its standard output and error
 * (tern/program.h: a terminal from getty, or a file or pipe), talks to the
 * file system through manifest slot 0, and starts programs through init
 * with the streams each command's redirections and pipes say (exec.c).
 * One note (manifest slot 1) tells it when programs end and when ^C is
 * typed while a foreground job runs (jobs.c).
 */
#pragma once
#include <proto/fs.h>
#include <stdint.h>
#include <tern/program.h>

#define SH_FS      PROG_CAP(0)
#define SH_NOTE    PROG_CAP(1)  /* bit 0: ^C; bit 1 + i: process slot i ended */

struct shp_line;

/* io.c: the shell's standard streams and where builtins write. */
extern uint64_t sh_in, sh_out, sh_err;  /* our own: 0 when there is none */
extern uint64_t sh_cur_out, sh_cur_err; /* a builtin's, after its redirections */
void io_init(void);
/* Is our stdin a terminal (prompt, line editor, ^C)? */
extern int sh_interactive;
/* Bytes to a stream (0: the kernel console); errors are ignored: the
 * shell must outlive a reader that went away. */
void io_write(uint64_t slot, const void *buf, size_t len);
/* Formatted, to the current stderr (a builtin's 2> or ours). */
int sh_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Is slot one of our own streams that is a terminal? Only those can be
 * handed to programs as they are (exec.c, hand_own). */
int io_is_terminal(uint64_t slot);
/* A cap the shell made (a stream or pipe end): close it and forget it. */
void io_drop(uint64_t slot);
/* Forget a cap without closing it (a program owns the stream now). */
void io_forget(uint64_t slot);

/* complete_fs.c: Tab in the line editor. */
struct lineedit;
void complete(struct lineedit *le, const char *prompt);

/* term.c: reading command lines. */
void term_init(void);
/* The next line (without its newline), "" after ^C, NULL at the end of input. */
const char *term_readline(const char *prompt);
/* The input ended by a failed read (the terminal's driver died), not by its end. */
extern int term_lost;

/* main.c: the working directory, the last status, arguments made absolute. */
extern char sh_cwd[FS_PATH_MAX + 1];
extern int sh_status;           /* $? */
/* Resolve arg into out (FS_PATH_MAX + 1 bytes); reports "CMD: ARG: ..." and returns -1 if too long. */
int sh_path(const char *cmd, const char *arg, char *out);
/* Report "CMD: ARG: <fs error text>" for a failed fs call; returns 1 (a failed status). */
int sh_fs_error(const char *cmd, const char *arg, long err);

/* builtins.c: commands the shell runs itself. */
struct builtin {
	const char *name;
	int (*run)(int argc, const char **argv);
	const char *args, *what;        /* for help */
};
const struct builtin *builtin_find(const char *name);
/* The i-th builtin's name (completion), 0 past the last. */
const char *builtin_name(unsigned i);
extern int sh_exit_requested, sh_exit_status;

int bi_help(int argc, const char **argv);
int bi_echo(int argc, const char **argv);
int bi_exit(int argc, const char **argv);
int bi_cd(int argc, const char **argv);
int bi_pwd(int argc, const char **argv);
int bi_jobs(int argc, const char **argv);       /* jobs.c */
int bi_wait(int argc, const char **argv);

/* exec.c: running a parsed line. */
void exec_line(const struct shp_line *l, const char *text);
/* Text for an init error code (INIT_E* or E_*). */
const char *sh_init_strerror(long err);
/* The program file for a command word: the word itself (made absolute)
 * if it has a '/', else /bin/WORD. 0, or -1 after reporting. */
int exec_program_path(const char *word, char *out);

/* jobs.c: programs the shell started, and their jobs. */
#define JOB_PROCS_MAX 16
void jobs_init(void);
/* Before the shell ends: give up its ^C registration. */
void jobs_exit(void);
/* A new job with no programs yet; its number, or -1 when the table is full. */
int job_new(const char *text, size_t len, int background);
/* Add a started program to job (watched through the note from now on). */
void job_add(int job, uint64_t id, const char *name, int last);
/* Stop every program of job still running (a pipeline that failed to start). */
void job_kill(int job);
/* Wait for a foreground job; ^C stops it. Its status ($?), after reporting faults. */
int job_wait_fg(int job, int quiet_failure);
/* Print "[N] ids" for a job just put in the background. */
void job_announce(int job);
/* Collect programs that ended; report background jobs that are done. */
void jobs_poll(void);
/* Forget an empty job (nothing started). */
void job_discard(int job);
