/*
 * conreader: console readers that come and go, to check how pcserial
 * hands a port's input from one client to the next and what it does when
 * a reader ends while its read waits (ci/scenarios/attack-console-gone.run).
 *
 *   conreader             the driver: runs the readers below, says on the
 *                         console what it expects next, then powers off
 *   conreader read NAME   reads the console once and prints what it got
 *
 * The scenario types a line after each announcement; the line must reach
 * exactly the reader the announcement names.
 */
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define CON         PROG_CAP(0)
#define SETTLE_MS   800         /* for a spawned reader to reach its read, even under TCG */

static int reader(const char *name)
{
	char buf[64];
	long n = stream_read(CON, buf, sizeof(buf) - 1);
	if (n < 0) {
		printf("conreader %s: read refused: %s\n", name, tern_strerror((uint64_t)-n));
		return 1;
	}
	while (n > 0 && (buf[n - 1] == '\r' || buf[n - 1] == '\n'))
		n--;
	buf[n] = '\0';
	printf("conreader %s got: %s\n", name, buf);
	return 0;
}

static long start(const char *name)
{
	const char *argv[] = { "/test/conreader", "read", name };
	long id = init_spawn(PROG_INIT, argv, 3);
	if (id < 0)
		printf("conreader: cannot start reader %s (%ld)\n", name, id);
	tern_sleep_ms(SETTLE_MS);
	return id;
}

int main(int argc, const char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "read"))
		return reader(argv[2]);
	uint64_t status;
	/* A reads first and owns the console; B's read must wait behind it,
	 * and get the console only once A has ended. */
	long a = start("A"), b = start("B");
	printf("conreader: A and B are reading; A first\n");
	init_wait(PROG_INIT, (uint64_t)a, &status);
	printf("conreader: A is done; now B\n");
	init_wait(PROG_INIT, (uint64_t)b, &status);
	/* D is killed while its read waits: that read must not keep the
	 * console from E (only init's notice tells the driver D is gone). */
	long d = start("D");
	init_kill(PROG_INIT, (uint64_t)d);
	long e = start("E");
	printf("conreader: D was killed while reading; now E\n");
	init_wait(PROG_INIT, (uint64_t)e, &status);
	printf("conreader: done\n");
	struct tern_msg m = { .info = MSG_INFO(INIT_POWEROFF, 0, 0) };
	tern_call(PROG_INIT, &m);
	return 0;
}
