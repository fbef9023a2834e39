/*
 * Starting task processes (apart from user.c: <spawn.h> brings libc's
 * <sched.h>, whose sched_yield is not the kernel's).
 *
 * A new process needs milliseconds to exec and set itself up, more on a
 * busy machine, and a task whose process is not ready when it is first
 * scheduled loses that time from its slice (ktest's scheduling tests
 * give a spinner 5 to 20 ms). So a few are started ahead: TASK create
 * takes a ready one from the pool and starts its replacement.
 *
 * Each process gets a channel of its own (hosted/wire.h): a small memory
 * file that we map here and hand it at WIRE_FD_CHAN. Nobody else has it,
 * so no process can write another's entries.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <hosted/hosted.h>

const char *hosted_task_path;
/* tern-linux -V (VALGRIND=1): every task process is tern-task run by
 * valgrind's memcheck (docs/hosted.md). Only reports of bad addresses:
 * memory the kernel writes (IPC, mapped frames) is written behind
 * valgrind's back, so its view of what is initialised would be wrong. */
int hosted_valgrind;

/* The channel's memory file, above the descriptors a child gets (a dup2
 * onto itself would keep close-on-exec), and our mapping of it. */
static int chan_new(struct wire_chan **chan)
{
	int fd = memfd_create("tern-chan", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	int high = fcntl(fd, F_DUPFD_CLOEXEC, 16);
	close(fd);
	if (high < 0)
		return -1;
	void *m = MAP_FAILED;
	if (!ftruncate(high, WIRE_CHAN_SIZE))
		m = mmap(0, WIRE_CHAN_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, high, 0);
	if (m == MAP_FAILED) {
		close(high);
		return -1;
	}
	*chan = m;
	return high;
}

void hosted_chan_free(struct wire_chan *chan)
{
	if (chan)
		munmap(chan, WIRE_CHAN_SIZE);
}

static int spawn_one(const char *name, struct wire_chan **chan, int *pid)
{
	int fd = chan_new(chan);
	if (fd < 0)
		return -1;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd, WIRE_FD_CHAN);
	posix_spawn_file_actions_adddup2(&fa, hosted_mem_fd, WIRE_FD_MEM);
	char *argv[] = { "tern-task", (char *)name, 0 };
	/* --vgdb=no: valgrind's gdb server makes FIFOs in /tmp, which a task
	 * process killed (as most end) leaves behind. */
	char *vg_argv[] = { "valgrind", "--quiet", "--vgdb=no", "--undef-value-errors=no", "--error-limit=no",
			    (char *)hosted_task_path, (char *)name, 0 };
	char *envp[] = { 0 };
	/* It starts with SIGUSR1 (preemption) blocked: tern-task unblocks it
	 * when it jumps into the program, and not before its handler is in
	 * place. Everything else as Linux's defaults. */
	posix_spawnattr_t at;
	posix_spawnattr_init(&at);
	sigset_t mask, dfl;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	sigfillset(&dfl);
	sigdelset(&dfl, SIGKILL);
	sigdelset(&dfl, SIGSTOP);
	posix_spawnattr_setsigmask(&at, &mask);
	posix_spawnattr_setsigdefault(&at, &dfl);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	pid_t p;
	int err = hosted_valgrind ? posix_spawnp(&p, "valgrind", &fa, &at, vg_argv, envp)
				  : posix_spawn(&p, hosted_task_path, &fa, &at, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(fd);      /* the mapping stays */
	if (err) {
		hosted_chan_free(*chan);
		*chan = 0;
		errno = err;
		return -1;
	}
	*pid = p;
	return 0;
}

#define POOL 2
static struct { struct wire_chan *chan; int pid; } pool[POOL];
static unsigned pooled;

/* A process of the pool that ended (killed from outside: nothing else
 * ends one) is reaped and replaced, so that no task is ever given a dead
 * one. Cheap: a waitpid that does not wait per pooled process. */
void hosted_spawn_check(void)
{
	for (unsigned i = 0; i < pooled;) {
		if (waitpid(pool[i].pid, 0, WNOHANG) != pool[i].pid) {
			i++;
			continue;
		}
		hosted_chan_free(pool[i].chan);
		if (!spawn_one("tern-task", &pool[i].chan, &pool[i].pid))
			i++;
		else    /* none now: the last one takes the slot, and is checked */
			pool[i] = pool[--pooled];
	}
}

int hosted_spawn(const char *name, struct wire_chan **chan, int *pid)
{
	hosted_spawn_check();
	while (pooled < POOL && !spawn_one(name, &pool[pooled].chan, &pool[pooled].pid))
		pooled++;
	if (!pooled)
		return spawn_one(name, chan, pid);
	pooled--;
	*chan = pool[pooled].chan;
	*pid = pool[pooled].pid;
	if (!spawn_one(name, &pool[pooled].chan, &pool[pooled].pid))
		pooled++;
	return 0;
}

void hosted_spawn_end(void)
{
	while (pooled) {
		pooled--;
		kill(pool[pooled].pid, SIGKILL);
		hosted_chan_free(pool[pooled].chan);
		waitpid(pool[pooled].pid, 0, 0);
	}
}
