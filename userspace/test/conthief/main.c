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

/* Is a program named name running? (init's INIT_PS list) */
static int running(const char *name)
{
	for (uint64_t i = 0;; i++) {
		struct tern_msg m = { .info = MSG_INFO(INIT_PS, 1, 0), .mr = { i } };
		char got[33];
		if (tern_call(PROG_INIT, &m) || MSG_LABEL(m.info))
			return 0;
		msg_get_bytes(&m, 4, got, 32);
		got[32] = '\0';
		if (m.mr[1] == INIT_RUNNING && !strcmp(got, name))
			return 1;
	}
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
