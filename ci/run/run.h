/*
 * What the run tool's parts share: one scenario run (struct run), driven
 * by the interpreter in tern-run.c against a target. The target is QEMU
 * (tern-run.c), a lab machine (lab_target.c: its console command is
 * what we read and type on, power_on and power_off start and end it) or
 * tern hosted on Linux (hosted_target.c: tern-linux on a pty).
 */
#pragma once
#include <regex.h>
#include <stdio.h>
#include <sys/types.h>

#define MAX_ARGS 128

struct lab_run;

struct run {
	const char *scenario;
	int line;
	pid_t qemu;                     /* QEMU, or a lab machine's console command */
	int to_guest, from_guest;
	int exited, status;             /* QEMU's end (or the console's), once seen */
	char *out;                      /* everything the guest printed, CRs removed */
	size_t len, cap, cursor;
	FILE *log;
	double t0;
	double scale;                   /* timeout factor (TCG is slower) */
	double timeout;
	char *wrap[MAX_ARGS];
	int nwrap;
	regex_t rejects[16];
	char *reject_src[16];
	int nreject;
	regex_t allows[16];
	int nallow;
	size_t death_scan;              /* out[] before this offset was checked for deaths */
	int passed, failed, reported;
	int verbose;
	char *serial[4];                /* serial: QEMU's -serial lines */
	int nserial;
	int no_debug_exit;              /* debug-exit off: a failing guest halts, its screen stays */
	int want_monitor;               /* a screen or key command is in the scenario */
	int screen_fb;                  /* screen framebuffer: read the screen from screendumps */
	char mondir[64];                /* our directory for the monitor socket */
	int mon;                        /* the monitor connection, once made (else -1) */
	struct lab_run *lab;            /* a lab machine is the target (else 0) */
	int result_fd;                  /* lab: the verdict goes here for the table (else -1) */
	const char *hosted;             /* --hosted: tern-linux is the target (else 0) */
};

/* tern-run.c: the interpreter. */
double now(void);
/* The guest's memory in MiB when `boot` gives no -m: QEMU_MEM from the
 * environment, else 256. QEMU and tern-linux get the same, so a scenario
 * sees the same machine on both. */
const char *run_mem_default(void);
/* Words of a scenario line: blanks separate, "..." groups, ${VAR} expands. */
int split(const char *s, char **argv);
/* The NAME=VALUE words after the scenario on the command line. */
void set_vars(char **v, int n);
/* Read what the target printed for up to wait seconds; 0 once it is gone. */
int pump(struct run *r, double wait);
/* End the run: stop the target, print the verdict, exit(0 or 1). */
__attribute__((noreturn, format(printf, 3, 4))) void finish(struct run *r, int ok, const char *fmt, ...);
/* Run the scenario file r->scenario line by line, then finish. */
__attribute__((noreturn)) void scenario_run(struct run *r);
/* Which process group a signal to us must take down (QEMU, a console). */
void set_signal_target(struct run *r);

/* ${NAME}'s value: captured, NAME=VALUE on our command line, environment. */
const char *var_get(const char *name, size_t n);

/* screen.c: QEMU's monitor, the screen and the keyboard. */
void monitor_cleanup(struct run *r);
/* Wait secs until a line of the screen matches (want), or fail if one does now (!want). */
void screen_expect(struct run *r, double secs, const char *pattern, int want);
void screen_save(struct run *r, const char *name);
void sendkey(struct run *r, const char *key);

/* lab_target.c: the lab machine as a target. */
void lab_boot(struct run *r, char **args, int nargs);
void lab_wait_poweroff(struct run *r, double secs);
void lab_stop(struct run *r);
/* The verdict's kind for the table: "pass", "fail" or "no boot". */
const char *lab_verdict(struct run *r, int ok);

/* hosted_target.c: tern-linux on a pty as the target. */
void hosted_boot(struct run *r, char **args, int nargs);
/* Why a scenario line cannot run hosted, or 0 if it can. */
const char *hosted_line_refused(char **argv, int argc);

/* lab.c: --lab, a scenario on the machines of a lab in parallel. */
/* dry_run: check the lab file and the scenario only, power nothing on. */
int lab_main(const char *labfile, const char *machines, const char *logdir, const char *scenario,
	     int dry_run);
