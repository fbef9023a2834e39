/*
 * deputy: started by test/attacker, which holds no [init] authority, from
 * the initramfs with a manifest asking for [init] control and power. It
 * tries to power off and to end ramfs, and exits 0 only if init refused
 * both (E_NO_RIGHTS): a confused deputy must not lend its spawner
 * authority the spawner does not hold. Started by anyone who does hold it,
 * it would power off the machine, which is what that authority means.
 */
#include <proto/init.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

static long call(uint64_t label, struct tern_msg *m, unsigned len)
{
	m->info = MSG_INFO(label, len, 0);
	int err = tern_call(PROG_INIT, m);
	return err ? -err : (long)MSG_LABEL(m->info);
}

int main(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	struct tern_msg m = { 0 };
	long off = call(INIT_POWEROFF, &m, 0);
	uint64_t ramfs = (uint64_t)init_find(PROG_INIT, "ramfs");
	m.mr[0] = ramfs;
	long kill = ramfs ? call(INIT_KILL, &m, 1) : -1;
	printf("deputy: power off %ld, kill ramfs %ld\n", off, kill);
	return off == E_NO_RIGHTS && kill == E_NO_RIGHTS ? 0 : 1;
}
