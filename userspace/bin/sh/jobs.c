/*
 * Jobs: the programs the shell started, one job per pipeline. The shell
 * waits on one note (SH_NOTE) for everything: each running program has a
 * process slot i and init signals bit 1 + i when it ends (INIT_WATCH with
 * a copy of the note badged with that bit); the terminal signals bit 0 on
 * ^C while the shell has registered for it (STREAM_INTR), which it does
 * only while it waits for a foreground job or in `wait`. A set bit means
 * that program has ended, so INIT_WAIT on it answers at once: the shell
 * never blocks on one program while another one or the user needs it.
 *
 * Background jobs are reported when they are done, before the next prompt
 * (jobs_poll). A program init would not watch (or a shell without its
 * note) is waited for in turn with INIT_WAIT, without ^C; in the
 * background, only `wait` collects it.
 */
#include "sh.h"
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tern/sys.h>

#define PROCS_MAX 63            /* note bits 1..63 */
#define JOBS_MAX 16
#define INTR_BIT 1ull
#define PROC_BIT(i) (1ull << ((i) + 1))
#define STATUS_FAULTED 139      /* $? of a program killed by a fault (as SIGSEGV) */
#define STATUS_INTR 130         /* $? after ^C (as SIGINT) */

struct proc {
	int used, done, last;
	int unwatched;          /* init took no watch: collect it with a blocking INIT_WAIT */
	int job;
	uint64_t id, status;
	char name[32];
};

struct job {
	int used, num, background;
	int nproc;
	int procs[JOB_PROCS_MAX];
	char text[64];
};

static struct proc procs[PROCS_MAX];
static struct job jobs[JOBS_MAX];
static uint64_t intr_slot;      /* our note badged INTR_BIT, for the terminal */
static int watch_ok;            /* init signals our note when a program ends */

static int intr_register(int note);

void jobs_init(void)
{
	struct tern_capinfo ci;
	if (tern_cap_identify(SH_NOTE, &ci) != TERN_OK || ci.type != CAP_NOTE)
		return;
	watch_ok = 1;
	intr_slot = slot_alloc();
	if (intr_slot && tern_cap_mint(SH_NOTE, 0, intr_slot, RIGHT_WRITE, INTR_BIT, 0) != TERN_OK)
		intr_slot = 0;
	intr_register(0);
}

void jobs_exit(void)
{
	if (sh_interactive)
		stream_intr(sh_in, 0);  /* the shell that started us decides again */
}

static int free_procs(void)
{
	int n = 0;
	for (int i = 0; i < PROCS_MAX; i++)
		n += !procs[i].used;
	return n;
}

int job_new(const char *text, size_t len, int background)
{
	if (free_procs() < JOB_PROCS_MAX)
		return -1;
	int slot = -1, num = 1;
	for (int i = 0; i < JOBS_MAX; i++)
		if (!jobs[i].used && slot < 0)
			slot = i;
	if (slot < 0)
		return -1;
	/* the smallest number not in use, as POSIX shells number jobs */
	for (int again = 1; again;) {
		again = 0;
		for (int i = 0; i < JOBS_MAX; i++)
			if (jobs[i].used && jobs[i].num == num) {
				num++;
				again = 1;
			}
	}
	struct job *j = &jobs[slot];
	memset(j, 0, sizeof(*j));
	j->used = 1;
	j->num = num;
	j->background = background;
	if (len >= sizeof(j->text))
		len = sizeof(j->text) - 1;
	memcpy(j->text, text, len);
	j->text[len] = '\0';
	return slot;
}

void job_discard(int job)
{
	struct job *j = &jobs[job];
	for (int k = 0; k < j->nproc; k++)
		procs[j->procs[k]].used = 0;
	j->used = 0;
}

void job_add(int job, uint64_t id, const char *name, int last)
{
	struct job *j = &jobs[job];
	int i = 0;
	while (i < PROCS_MAX && procs[i].used)
		i++;
	if (i == PROCS_MAX || j->nproc == JOB_PROCS_MAX)
		return;         /* job_new made sure there is room */
	struct proc *p = &procs[i];
	memset(p, 0, sizeof(*p));
	p->used = 1;
	p->job = job;
	p->id = id;
	p->last = last;
	strlcpy(p->name, name, sizeof(p->name));
	j->procs[j->nproc++] = i;
	p->unwatched = 1;
	if (!watch_ok)
		return;
	uint64_t slot = slot_alloc();
	if (slot && tern_cap_mint(SH_NOTE, 0, slot, RIGHT_WRITE, PROC_BIT(i), 0) == TERN_OK)
		p->unwatched = init_watch(PROG_INIT, id, slot) < 0;
	io_forget(slot);
}

/* Collect the program in slot i (its bit was signalled, or we may block). */
static void reap(int i)
{
	struct proc *p = &procs[i];
	uint64_t status = 0;
	if (!p->used || p->done)
		return;
	long r = init_wait(PROG_INIT, p->id, &status);
	p->done = 1;
	p->status = r < 0 ? 127 : status;
}

static void reap_bits(uint64_t bits)
{
	for (int i = 0; i < PROCS_MAX; i++)
		if (bits & PROC_BIT(i))
			reap(i);
}

static int job_done(const struct job *j)
{
	for (int k = 0; k < j->nproc; k++)
		if (!procs[j->procs[k]].done)
			return 0;
	return 1;
}

/* A job's status: its last program's, as $? of a pipeline. */
static uint64_t job_raw_status(const struct job *j)
{
	for (int k = 0; k < j->nproc; k++)
		if (procs[j->procs[k]].last)
			return procs[j->procs[k]].status;
	return j->nproc ? procs[j->procs[j->nproc - 1]].status : 0;
}

static int shell_status(uint64_t raw)
{
	if (raw & INIT_STATUS_FAULT)
		return STATUS_FAULTED;
	return (int)(raw & 0xFFFF);
}

void job_kill(int job)
{
	struct job *j = &jobs[job];
	for (int k = 0; k < j->nproc; k++) {
		struct proc *p = &procs[j->procs[k]];
		if (!p->done)
			init_kill(PROG_INIT, p->id);
	}
}

static const char *fault_name(uint64_t vector)
{
	switch (vector) {
	case 0: return "divide error";
	case 3: return "breakpoint";
	case 6: return "invalid opcode";
	case 8: return "double fault";
	case 12: return "stack fault";
	case 13: return "general protection fault";
	case 14: return "page fault";
	case 17: return "alignment check";
	default: return "CPU exception";
	}
}

static void report_fault(const struct proc *p)
{
	uint64_t vector = p->status & ~(uint64_t)INIT_STATUS_FAULT;
	sh_eprintf("sh: %s: killed by a fault: %s (vector %lu)\n", p->name, fault_name(vector),
		   (unsigned long)vector);
}

/* Our registration on the terminal (proto/stream.h, STREAM_INTR): our
 * note, badged INTR_BIT, while a foreground job runs (note = 1), and "^C
 * is our input" at the prompt (note = 0), where the line editor takes it,
 * also when a shell that started us holds its own note underneath.
 * Returns 1 if it was registered. */
static int intr_register(int note)
{
	if (!sh_interactive)
		return 0;
	if (note)
		return intr_slot && stream_intr(sh_in, intr_slot) == 0;
	return stream_intr_input(sh_in) == 0;
}

int job_wait_fg(int job, int quiet_failure)
{
	struct job *j = &jobs[job];
	int interrupted = 0;
	int registered = watch_ok && intr_register(1);
	for (int k = 0; k < j->nproc; k++)
		if (procs[j->procs[k]].unwatched)
			reap(j->procs[k]);      /* no bit will come for it */
	while (!job_done(j)) {
		uint64_t bits = 0;
		if (!watch_ok || tern_wait(SH_NOTE, &bits) != TERN_OK) {
			for (int k = 0; k < j->nproc; k++)
				reap(j->procs[k]);
			break;
		}
		if ((bits & INTR_BIT) && !interrupted) {
			interrupted = 1;
			printf("^C\n");
			job_kill(job);
		}
		reap_bits(bits);
	}
	if (registered)
		intr_register(0);
	for (int k = 0; k < j->nproc; k++) {
		const struct proc *p = &procs[j->procs[k]];
		if (p->status & INIT_STATUS_FAULT)
			report_fault(p);
		else if (p->last && p->status && !interrupted && !quiet_failure)
			sh_eprintf("sh: %s: exit status %lu\n", p->name, (unsigned long)p->status);
	}
	int status = interrupted ? STATUS_INTR : shell_status(job_raw_status(j));
	job_discard(job);
	return status;
}

/* One write for the whole line: a reader must never see half of it. */
void job_announce(int job)
{
	struct job *j = &jobs[job];
	char line[16 + JOB_PROCS_MAX * 21];
	size_t n = (size_t)snprintf(line, sizeof(line), "[%d]", j->num);
	for (int k = 0; k < j->nproc && n < sizeof(line); k++)
		n += (size_t)snprintf(line + n, sizeof(line) - n, " %lu", (unsigned long)procs[j->procs[k]].id);
	printf("%s\n", line);
}

/* "[N] Done  text" and the like for a finished background job; frees it. */
static int job_finish(int job)
{
	struct job *j = &jobs[job];
	uint64_t raw = job_raw_status(j);
	if (raw & INIT_STATUS_FAULT)
		printf("[%d] Fault (%s)  %s\n", j->num, fault_name(raw & ~(uint64_t)INIT_STATUS_FAULT), j->text);
	else if (raw)
		printf("[%d] Exit %lu  %s\n", j->num, (unsigned long)raw, j->text);
	else
		printf("[%d] Done  %s\n", j->num, j->text);
	job_discard(job);
	return shell_status(raw);
}

static void reap_ready(void)
{
	uint64_t bits = 0;
	if (watch_ok && tern_poll(SH_NOTE, &bits) == TERN_OK)
		reap_bits(bits & ~INTR_BIT);    /* a stale ^C means nothing now */
}

void jobs_poll(void)
{
	reap_ready();
	for (int i = 0; i < JOBS_MAX; i++)
		if (jobs[i].used && jobs[i].background && job_done(&jobs[i]))
			job_finish(i);
}

int bi_jobs(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	reap_ready();
	for (int i = 0; i < JOBS_MAX; i++) {
		if (!jobs[i].used || !jobs[i].background)
			continue;
		if (job_done(&jobs[i]))
			job_finish(i);
		else
			printf("[%d] Running  %s\n", jobs[i].num, jobs[i].text);
	}
	return 0;
}

/* "N" or "%N": the job numbered N. */
static int job_by_arg(const char *arg)
{
	char *end;
	const char *s = arg[0] == '%' ? arg + 1 : arg;
	long n = strtol(s, &end, 10);
	if (!*s || *end)
		return -1;
	for (int i = 0; i < JOBS_MAX; i++)
		if (jobs[i].used && jobs[i].background && jobs[i].num == n)
			return i;
	return -1;
}

/*
 * wait [JOB...]: until the jobs (all background jobs if none are named)
 * are done, reporting each; ^C stops waiting (the jobs go on). The status
 * is the last named job's, 130 after ^C, 127 for a job that does not exist.
 */
int bi_wait(int argc, const char **argv)
{
	int targets[JOBS_MAX], n = 0, status = 0;
	if (argc > 1) {
		for (int a = 1; a < argc && n < JOBS_MAX; a++) {
			int j = job_by_arg(argv[a]);
			if (j < 0) {
				sh_eprintf("sh: wait: %s: no such job\n", argv[a]);
				status = 127;
			} else {
				targets[n++] = j;
			}
		}
	} else {
		for (int i = 0; i < JOBS_MAX; i++)
			if (jobs[i].used && jobs[i].background)
				targets[n++] = i;
	}
	int registered = watch_ok && intr_register(1), interrupted = 0;
	for (int t = 0; t < n; t++)
		for (int k = 0; k < jobs[targets[t]].nproc; k++)
			if (procs[jobs[targets[t]].procs[k]].unwatched)
				reap(jobs[targets[t]].procs[k]);
	for (;;) {
		int pending = 0;
		for (int t = 0; t < n; t++)
			pending |= !job_done(&jobs[targets[t]]);
		if (!pending)
			break;
		uint64_t bits = 0;
		if (!watch_ok || tern_wait(SH_NOTE, &bits) != TERN_OK) {
			for (int t = 0; t < n; t++)
				for (int k = 0; k < jobs[targets[t]].nproc; k++)
					reap(jobs[targets[t]].procs[k]);
			continue;
		}
		reap_bits(bits);
		if (bits & INTR_BIT) {
			interrupted = 1;
			printf("^C\n");
			break;
		}
	}
	if (registered)
		intr_register(0);
	for (int t = 0; t < n; t++)
		if (jobs[targets[t]].used && job_done(&jobs[targets[t]]))
			status = job_finish(targets[t]);
	return interrupted ? STATUS_INTR : status;
}
