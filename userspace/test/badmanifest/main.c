/* A program whose manifest is wrong on purpose: init must report it as
 * "manifest badmanifest:LINE: reason", not start it, and go on booting. */
#include <stdio.h>

int main(void)
{
	printf("badmanifest: this must never run\n");
	return 1;
}
