/*
 * Running a parsed line (shparse.h): pipelines one after the other as ;
 * && || say, each either a builtin run by the shell itself or programs
 * started by init.
 *
 * A pipeline of N programs: N-1 pipes from the file system (FS_PIPE),
 * redirection files opened as streams (FS_OPEN_STREAM), then each program
 * spawned with exactly three streams: its pipe ends and files, or ours
 * for those not redirected (copies of files and pipes: see hand_own). Once a program
 * holds a stream, the shell deletes its own cap without closing it. A
 * stream made and not handed over (`a > f | b` leaves a's pipe end unused)
 * is closed, so its reader sees the end. A spawn that fails stops the
 * pipeline: what was started is killed and what was made is closed, so
 * nothing is left waiting on a pipe no one will write.
 *
 * A background pipeline (`&`) reads from a pipe whose write end is closed
 * at once (end of input, like /dev/null) unless it says `<`.
 *
 * Command words: a builtin (builtins.c), else the program /bin/WORD, or
 * the file WORD names if it has a '/'. In a pipeline of several commands a
 * builtin that also exists as /bin/NAME runs as that program; the others
 * (cd, exit, wait...) cannot work there and are refused.
 */
#include "sh.h"
#include "shparse.h"
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/sys.h>

#define MADE_MAX (2 * SHP_PIPE_CMDS_MAX + SHP_PIPE_CMDS_MAX * SHP_REDIR_MAX + 1)
#define EXP_MAX (2 * SHP_LINE_MAX + 64)

_Static_assert(JOB_PROCS_MAX >= SHP_PIPE_CMDS_MAX, "a job holds a whole pipeline");

/* Caps the shell made for one pipeline, until handed over or closed. */
struct made {
	uint64_t slot[MADE_MAX];
	int n;
};

static void made_add(struct made *m, uint64_t slot)
{
	if (m->n < MADE_MAX)
		m->slot[m->n++] = slot;
}

static int made_has(const struct made *m, uint64_t slot)
{
	for (int i = 0; i < m->n; i++)
		if (m->slot[i] == slot)
			return 1;
	return 0;
}

/* Close every cap still listed. */
static void made_close_all(struct made *m)
{
	for (int i = 0; i < m->n; i++)
		if (m->slot[i])
			io_drop(m->slot[i]);
	m->n = 0;
}

/* The caps in io are a program's now: forget ours (once, even if io
 * names one twice, as `2>&1` does). */
static void made_handed(struct made *m, const uint64_t io[3])
{
	for (int i = 0; i < m->n; i++) {
		if (!m->slot[i])
			continue;
		if (m->slot[i] == io[0] || m->slot[i] == io[1] || m->slot[i] == io[2]) {
			io_forget(m->slot[i]);
			m->slot[i] = 0;
		}
	}
}

const char *sh_init_strerror(long err)
{
	switch (err) {
	case INIT_ENOENT: return "no such program file";
	case INIT_ENOEXEC: return "not a program (bad ELF file or manifest)";
	case INIT_ESRCH: return "no such program";
	case INIT_ENOMEM: return "out of memory";
	default:
		if (err >= FS_ENOENT && err <= FS_EMFILE)
			return fs_strerror(-err);
		if (err == STREAM_EPIPE)
			return "broken pipe";
		if (err == STREAM_EBADF)
			return "stream closed";
		return tern_strerror((uint64_t)err);
	}
}

int exec_program_path(const char *word, char *out)
{
	if (strchr(word, '/'))
		return sh_path("sh", word, out);
	if (snprintf(out, FS_PATH_MAX + 1, "/bin/%s", word) > FS_PATH_MAX) {
		sh_eprintf("sh: %s: command not found\n", word);
		return -1;
	}
	return 0;
}

/* Open a redirection's file as a stream into a new slot; 0 on failure
 * (reported). */
static uint64_t open_redir(const struct shp_redir *r, const char *path_word)
{
	static const unsigned flags[] = {
		[SHP_R_IN] = 0,
		[SHP_R_OUT] = FS_O_CREATE | FS_O_TRUNC,
		[SHP_R_APPEND] = FS_O_CREATE | FS_O_APPEND,
		[SHP_R_ERR] = FS_O_CREATE | FS_O_TRUNC,
		[SHP_R_ERR_APPEND] = FS_O_CREATE | FS_O_APPEND,
	};
	char path[FS_PATH_MAX + 1];
	if (sh_path("sh", path_word, path))
		return 0;
	uint64_t slot = slot_alloc();
	if (!slot) {
		sh_eprintf("sh: %s: out of capability slots\n", path_word);
		return 0;
	}
	long err = fs_open_stream(SH_FS, path, flags[r->kind], slot);
	if (err < 0) {
		slot_free(slot);
		sh_fs_error("sh", path_word, err);
		return 0;
	}
	return slot;
}

/* Apply cmd's redirections to io, left to right. 0, or -1 after reporting
 * (what was opened is in made, for the caller to close). */
static int apply_redirs(const struct shp_cmd *cmd, uint64_t io[3], struct made *m, char *exp)
{
	for (int i = 0; i < cmd->nredir; i++) {
		const struct shp_redir *r = &cmd->redir[i];
		uint64_t slot;
		switch (r->kind) {
		case SHP_R_ERR_TO_OUT:
			io[2] = io[1];
			continue;
		case SHP_R_OUT_TO_ERR:
			io[1] = io[2];
			continue;
		default:
			break;
		}
		if (shp_expand(r->path, sh_status, exp, EXP_MAX)) {
			sh_eprintf("sh: word too long\n");
			return -1;
		}
		if (!(slot = open_redir(r, exp)))
			return -1;
		made_add(m, slot);
		switch (r->kind) {
		case SHP_R_IN: io[0] = slot; break;
		case SHP_R_OUT: case SHP_R_APPEND: io[1] = slot; break;
		default: io[2] = slot; break;
		}
	}
	return 0;
}

/* cmd's words with $? replaced, into argv (pointing into buf). */
static int expand_args(const struct shp_cmd *cmd, const char **argv, char *buf, size_t size)
{
	size_t used = 0;
	for (int i = 0; i < cmd->argc; i++) {
		if (!shp_has_status(cmd->argv[i])) {
			argv[i] = cmd->argv[i];
			continue;
		}
		if (used >= size || shp_expand(cmd->argv[i], sh_status, buf + used, size - used)) {
			sh_eprintf("sh: line too long\n");
			return -1;
		}
		argv[i] = buf + used;
		used += strlen(buf + used) + 1;
	}
	argv[cmd->argc] = 0;
	return 0;
}

/* A builtin with its redirections: it writes to them itself. */
static int run_builtin(const struct builtin *b, const struct shp_cmd *cmd, const char **argv)
{
	static char exp[EXP_MAX];
	struct made m = { .n = 0 };
	uint64_t io[3] = { sh_in, sh_out, sh_err };
	int status = 1;
	if (!apply_redirs(cmd, io, &m, exp)) {
		sh_cur_out = io[1];
		sh_cur_err = io[2];
		status = b ? b->run(cmd->argc, argv) : 0;
		sh_cur_out = sh_out;
		sh_cur_err = sh_err;
	}
	made_close_all(&m);
	return status;
}

/* End of input for a program: a pipe whose writer is gone; 0 if none
 * could be made (reported). */
static uint64_t empty_input(struct made *m)
{
	uint64_t rd = slot_alloc(), wr = slot_alloc();
	long err = rd && wr ? fs_pipe(SH_FS, rd, wr) : -E_NO_MEMORY;
	if (err < 0) {
		slot_free(rd);
		slot_free(wr);
		sh_eprintf("sh: cannot make a pipe: %s\n", sh_init_strerror(-err));
		return 0;
	}
	io_drop(wr);
	made_add(m, rd);
	return rd;
}

/*
 * Our own streams go to a program as they are when they are terminals (a
 * terminal keeps nothing per holder). A file or pipe end of ours goes as a
 * copy (STREAM_DUP): init closes what a program was given when it ends,
 * and that must close the program's copy, not ours. A copy shares the
 * file's offset, so `sh < script > out` works as in Unix: the programs'
 * output lands in order with the shell's own, and a program reading stdin
 * reads the script from where the shell has read it. 0, or -1 after
 * reporting.
 */
static int hand_own(uint64_t io[3], struct made *m)
{
	static const char *const names[3] = { "stdin", "stdout", "stderr" };
	for (int k = 0; k < 3; k++) {
		if (!io[k] || made_has(m, io[k]) || io_is_terminal(io[k]))
			continue;
		uint64_t copy = slot_alloc();
		long err = copy ? stream_dup(io[k], copy) : -E_NO_MEMORY;
		if (err < 0) {
			slot_free(copy);
			sh_eprintf("sh: cannot give a program this shell's %s: %s\n", names[k],
				   sh_init_strerror(-err));
			return -1;
		}
		made_add(m, copy);
		io[k] = copy;
	}
	return 0;
}

/* Spawn one program; its init id, or -status after reporting. */
static long spawn(const char **argv, int argc, const uint64_t io[3])
{
	char path[FS_PATH_MAX + 1];
	const char *args[SHP_ARGS_MAX + 1];
	if (exec_program_path(argv[0], path))
		return -127;
	args[0] = path;
	for (int i = 1; i <= argc; i++)
		args[i] = argv[i];
	uint64_t list[3] = { io[0], io[1], io[2] };
	/* an empty stream ends the list: pass what comes before it */
	for (int k = 0; k < 3; k++)
		if (!list[k])
			for (int j = k; j < 3; j++)
				list[j] = 0;
	long id = init_spawn_io(PROG_INIT, args, argc, sh_cwd, list);
	if (id == -INIT_ENOENT) {
		sh_eprintf("sh: %s: command not found\n", argv[0]);
		return -127;
	}
	if (id < 0) {
		sh_eprintf("sh: %s: %s\n", argv[0], sh_init_strerror(-id));
		return -126;
	}
	return id;
}

/* Is the builtin name also the program /bin/NAME? */
static int is_program(const char *name)
{
	char path[FS_PATH_MAX + 1];
	unsigned type;
	uint64_t size;
	if (snprintf(path, sizeof(path), "/bin/%s", name) > FS_PATH_MAX)
		return 0;
	return fs_stat(SH_FS, path, &type, &size) == 0 && type == FS_TYPE_FILE;
}

/* The pipes between the commands: rd[i] feeds command i + 1, wr[i] is
 * command i's stdout. 0, or -1 after reporting (what was made is in m). */
static int make_pipes(int n, uint64_t *rd, uint64_t *wr, struct made *m)
{
	for (int i = 0; i < n; i++) {
		rd[i] = slot_alloc();
		wr[i] = slot_alloc();
		long err = rd[i] && wr[i] ? fs_pipe(SH_FS, rd[i], wr[i]) : -E_NO_MEMORY;
		if (err < 0) {
			slot_free(rd[i]);
			slot_free(wr[i]);
			sh_eprintf("sh: cannot make a pipe: %s\n", sh_init_strerror(-err));
			return -1;
		}
		made_add(m, rd[i]);
		made_add(m, wr[i]);
	}
	return 0;
}

static int run_pipeline(const struct shp_line *l, const struct shp_pipeline *p, const char *text)
{
	static char argbuf[SHP_PIPE_CMDS_MAX][EXP_MAX], exp[EXP_MAX];
	static const char *argv[SHP_PIPE_CMDS_MAX][SHP_ARGS_MAX + 1];
	const struct shp_cmd *cmds = &l->cmds[p->first];
	int n = p->ncmd, background = p->sep == SHP_SEP_BG;
	int quiet = p->sep == SHP_SEP_AND || p->sep == SHP_SEP_OR;

	for (int i = 0; i < n; i++)
		if (expand_args(&cmds[i], argv[i], argbuf[i], sizeof(argbuf[i])))
			return 1;
	if (n == 1) {
		const struct builtin *b = cmds[0].argc ? builtin_find(argv[0][0]) : 0;
		if (b || !cmds[0].argc)
			return run_builtin(b, &cmds[0], argv[0]);
	}
	for (int i = 0; i < n; i++) {
		if (cmds[i].argc && builtin_find(argv[i][0]) && !is_program(argv[i][0])) {
			sh_eprintf("sh: %s: a shell builtin cannot be part of a pipeline\n", argv[i][0]);
			return 2;
		}
	}

	int job = job_new(text + p->src, p->srclen, background);
	if (job < 0) {
		sh_eprintf("sh: too many jobs\n");
		return 1;
	}
	struct made m = { .n = 0 };
	uint64_t rd[SHP_PIPE_CMDS_MAX], wr[SHP_PIPE_CMDS_MAX];
	uint64_t bg_in = 0;
	int status = 0, started = 0;
	if (make_pipes(n - 1, rd, wr, &m))
		status = 1;
	if (!status && background && !(bg_in = empty_input(&m)))
		status = 1;
	for (int i = 0; !status && i < n; i++) {
		uint64_t io[3] = {
			i ? rd[i - 1] : background ? bg_in : sh_in,
			i < n - 1 ? wr[i] : sh_out,
			sh_err,
		};
		if (apply_redirs(&cmds[i], io, &m, exp) || hand_own(io, &m)) {
			status = 1;
			break;
		}
		if (!cmds[i].argc)
			continue;       /* only redirections: nothing to run */
		long id = spawn(argv[i], cmds[i].argc, io);
		if (id < 0) {
			status = (int)-id;
			break;
		}
		made_handed(&m, io);
		job_add(job, (uint64_t)id, argv[i][0], i == n - 1);
		started++;
	}
	made_close_all(&m);
	if (status) {
		/* half a pipeline must not wait for the other half: stop it */
		job_kill(job);
		if (started)
			job_wait_fg(job, 1);
		else
			job_discard(job);
		return status;
	}
	if (!started) {
		job_discard(job);
		return 0;
	}
	if (background) {
		job_announce(job);
		return 0;
	}
	return job_wait_fg(job, quiet);
}

void exec_line(const struct shp_line *l, const char *text)
{
	enum shp_sep prev = SHP_SEP_END;
	for (int i = 0; i < l->npipe && !sh_exit_requested; i++) {
		/* && and || skip a pipeline by the status of the one before */
		if ((prev == SHP_SEP_AND && sh_status) || (prev == SHP_SEP_OR && !sh_status)) {
			prev = l->pipes[i].sep;
			continue;
		}
		sh_status = run_pipeline(l, &l->pipes[i], text);
		prev = l->pipes[i].sep;
	}
}
