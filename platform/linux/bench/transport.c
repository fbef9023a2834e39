/*
 * tern-linux's call transport, measured (docs/hosted.md, "Measured"): a
 * round trip between two processes that take turns, as a task process and
 * the kernel do, carrying a message of the wire's size each way.
 *   socket: SOCK_SEQPACKET socketpair, what tern-linux used first;
 *   futex:  one shared page, a turn counter and FUTEX_WAIT/FUTEX_WAKE,
 *           what it uses now (hosted/wire.h's channel, two words).
 * Prints ns per round trip (median of 5 runs of N). Not a test: a
 * measurement to choose by (`make hosted-bench`, ci/bench-hosted.sh).
 */
#include <linux/futex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define N 20000
#define MSG 192         /* about a struct wire_up */

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t socket_run(void)
{
	int sv[2];
	char buf[MSG] = { 0 };
	if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv))
		exit(1);
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < N; i++) {
			if (recv(sv[1], buf, sizeof(buf), 0) != MSG || send(sv[1], buf, MSG, 0) != MSG)
				_exit(1);
		}
		_exit(0);
	}
	uint64_t t0 = now_ns();
	for (int i = 0; i < N; i++)
		if (send(sv[0], buf, MSG, 0) != MSG || recv(sv[0], buf, sizeof(buf), 0) != MSG)
			exit(1);
	uint64_t dt = now_ns() - t0;
	waitpid(pid, 0, 0);
	close(sv[0]);
	close(sv[1]);
	return dt / N;
}

struct shared {
	uint32_t turn;          /* odd: the child's, even: the parent's */
	char msg[MSG];
};

static void futex_wait_for(uint32_t *w, uint32_t want)
{
	uint32_t v;
	while ((v = __atomic_load_n(w, __ATOMIC_ACQUIRE)) != want)
		syscall(SYS_futex, w, FUTEX_WAIT, v, 0, 0, 0);
}

static void futex_pass(uint32_t *w, uint32_t to)
{
	__atomic_store_n(w, to, __ATOMIC_RELEASE);
	syscall(SYS_futex, w, FUTEX_WAKE, 1, 0, 0, 0);
}

static uint64_t futex_run(void)
{
	struct shared *s = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (s == MAP_FAILED)
		exit(1);
	memset(s, 0, sizeof(*s));
	pid_t pid = fork();
	if (pid == 0) {
		char m[MSG];
		for (uint32_t i = 0; i < N; i++) {
			futex_wait_for(&s->turn, 2 * i + 1);
			memcpy(m, s->msg, MSG);
			memcpy(s->msg, m, MSG);
			futex_pass(&s->turn, 2 * i + 2);
		}
		_exit(0);
	}
	char m[MSG] = { 0 };
	uint64_t t0 = now_ns();
	for (uint32_t i = 0; i < N; i++) {
		memcpy(s->msg, m, MSG);
		futex_pass(&s->turn, 2 * i + 1);
		futex_wait_for(&s->turn, 2 * i + 2);
		memcpy(m, s->msg, MSG);
	}
	uint64_t dt = now_ns() - t0;
	waitpid(pid, 0, 0);
	munmap(s, 4096);
	return dt / N;
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static uint64_t median(uint64_t (*run)(void))
{
	uint64_t r[5];
	for (int i = 0; i < 5; i++)
		r[i] = run();
	qsort(r, 5, sizeof(r[0]), cmp);
	return r[2];
}

int main(void)
{
	printf("bench hosted_transport_socket_ns median=%lu\n", (unsigned long)median(socket_run));
	printf("bench hosted_transport_futex_ns median=%lu\n", (unsigned long)median(futex_run));
	return 0;
}
