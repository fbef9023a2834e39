/*
 * irqonly: a test program whose manifest asks for an interrupt line and
 * nothing else a platform may lack: line 5, with its note, the line the
 * host terminal had before it was woken by a note. PLATFORM=linux has no
 * interrupt lines, so init must refuse it there by name, before anything
 * else is checked (ci/scenarios/hosted/boot.run). Started anyway (on a PC
 * by the root, say), it only says so.
 */
#include <stdio.h>

int main(void)
{
	printf("irqonly: started, which PLATFORM=linux must not do\n");
	return 0;
}
