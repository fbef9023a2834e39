/* Starting a task process (apart from user.c: <spawn.h> brings libc's
 * <sched.h>, whose sched_yield is not the kernel's). */
#include <errno.h>
#include <spawn.h>
#include <sys/socket.h>
#include <unistd.h>

#include <hosted/hosted.h>

const char *hosted_task_path;

int hosted_spawn(const char *name, int *sock, int *pid)
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
	pid_t p;
	int err = posix_spawn(&p, hosted_task_path, &fa, 0, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
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
