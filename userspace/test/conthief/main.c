/*
 * conthief: an ordinary console client that tries to take the terminal's
 * input away from the shell. It waits until the shell is reading, then
 * reads the console itself. The driver must neither cancel the shell's
 * waiting read (the old pcserial answered it E_BUSY, and the shell took
 * that for the end of input and exited) nor give the thief what is typed
 * for the shell (ci/scenarios/attack-console-reader.run).
 */
#include <proto/init.h>
#include <proto/stream.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

#define THIEF_CONSOLE  PROG_CAP(0)
#define THIEF_DELAY_MS 1000     /* after the shell starts: it is at its prompt by then */

/* Is a program named name running? */
static int running(const char *name)
{
	return init_find(PROG_INIT, name) > 0;
}

int main(void)
{
	char buf[64];
	while (!running("sh"))
		tern_sleep_ms(100);
	tern_sleep_ms(THIEF_DELAY_MS);
	printf("conthief: reading the console\n");
	long n = stream_read(THIEF_CONSOLE, buf, sizeof(buf));
	if (n < 0)
		printf("conthief: read refused: %s\n", tern_strerror((uint64_t)-n));
	else
		printf("conthief: stole %ld bytes\n", n);
	return 0;
}
