/*
 * The harness itself: what a test printed must survive the test dying
 * the way a sanitizer kills it (_exit, no stdio flush), even when stdout
 * is a pipe or a file, as it is under ci/check.sh.
 */
#define _GNU_SOURCE
#include "unit.h"
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Run a child that prints a line on our stdout, redirected to a pipe, and
 * dies without flushing; return what reached the pipe. */
static size_t output_of_dying_child(char *buf, size_t size)
{
	int fd[2];
	if (pipe(fd))
		return 0;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 1);
		printf("line before the crash\n");
		_exit(1);       /* what ASan does after its report */
	}
	close(fd[1]);
	size_t n = 0;
	ssize_t got;
	while (n + 1 < size && (got = read(fd[0], buf + n, size - 1 - n)) > 0)
		n += (size_t)got;
	buf[n] = '\0';
	close(fd[0]);
	waitpid(pid, 0, 0);
	return n;
}

TEST(output_survives_a_sanitizer_exit)
{
	char buf[256];
	output_of_dying_child(buf, sizeof(buf));
	CHECK_STR(buf, "line before the crash\n");
}
