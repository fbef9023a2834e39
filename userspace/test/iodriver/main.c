/*
 * iodriver: a [driver] started from init.conf (ci/scenarios/init-stdio.run)
 * says whether init gave it standard streams: it must not (drivers log to
 * the kernel console). It then exits 0, which for a driver means "nothing
 * to drive": init does not restart it.
 */
#include <stdio.h>
#include <tern/program.h>
#include <tern/sys.h>

int main(void)
{
	struct tern_capinfo ci;
	int n = 0;
	for (uint64_t s = PROG_STDIN; s <= PROG_STDERR; s++)
		n += !tern_cap_identify(s, &ci);
	printf(n ? "iodriver: %d standard streams\n" : "iodriver: no standard streams\n", n);
	return 0;
}
