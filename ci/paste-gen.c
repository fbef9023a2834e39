/* paste-gen [BYTES]: write the paste test's input (pattern.h, 64 KiB by
 * default) to standard output. Built and run by userspace/test/pastetest/
 * pastetest.mk to make build/ci/paste-64k.txt for ci/scenarios/serial-paste.run. */
#include "pattern.h"
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? strtoul(argv[1], 0, 0) : PASTE_BYTES;
	for (unsigned long i = 0; i < n; i++)
		putchar(paste_byte((uint32_t)i));
	return fflush(stdout) || ferror(stdout) ? 1 : 0;
}
