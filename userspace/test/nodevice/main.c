/*
 * nodevice: a test driver that finds nothing to drive (as drv/vgacon does
 * without VGA text memory): it says so and exits with status 0, which init
 * takes as "nothing to drive", not as a crash to restart
 * (ci/scenarios/init-nodevice.run).
 */
#include <stdio.h>

int main(void)
{
	printf("nodevice: no device here; nothing to drive\n");
	return 0;
}
