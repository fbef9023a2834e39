/*
 * Starting task processes (apart from user.c: <spawn.h> brings libc's
 * <sched.h>, whose sched_yield is not the kernel's).
 *
 * A new process needs milliseconds to exec and set itself up, more on a
 * busy machine, and a task whose process is not ready when it is first
 * scheduled loses that time from its slice (ktest's scheduling tests
 * give a spinner 5 to 20 ms). So a few are started ahead: TASK create
 * takes a ready one from the pool and starts its replacement.
 */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <hosted/hosted.h>

const char *hosted_task_path;

static int spawn_one(const char *name, int *sock, int *pid)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv))
		return -1;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, sv[1], WIRE_FD_SOCK);
	posix_spawn_file_actions_adddup2(&fa, hosted_mem_fd, WIRE_FD_MEM);
	char *argv[] = { "tern-task", (char *)name, 0 };
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
	int err = posix_spawn(&p, hosted_task_path, &fa, &at, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(sv[1]);
	if (err) {
		close(sv[0]);
		errno = err;
		return -1;
	}
	*pid = p;
	*sock = sv[0];
	return 0;
}

#define POOL 2
static struct { int sock, pid; } pool[POOL];
static unsigned pooled;

int hosted_spawn(const char *name, int *sock, int *pid)
{
	while (pooled < POOL && !spawn_one(name, &pool[pooled].sock, &pool[pooled].pid))
		pooled++;
	if (!pooled)
		return spawn_one(name, sock, pid);
	pooled--;
	*sock = pool[pooled].sock;
	*pid = pool[pooled].pid;
	if (!spawn_one(name, &pool[pooled].sock, &pool[pooled].pid))
		pooled++;
	return 0;
}

void hosted_spawn_end(void)
{
	while (pooled) {
		pooled--;
		kill(pool[pooled].pid, SIGKILL);
		close(pool[pooled].sock);
		waitpid(pool[pooled].pid, 0, 0);
	}
}
