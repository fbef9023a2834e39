/*
 * inittest: checks init from the inside, as an ordinary program: its argv,
 * its manifest capabilities at the right slots with the right rights, the
 * init protocol (spawn, wait, ps, manifest, mem, kill), and that the
 * broken test programs were reported and skipped while it still runs.
 * Prints PASS/FAIL lines and "N passed, N failed", then powers off. It
 * asks for nothing a platform may lack, so ci/scenarios/init.run runs on
 * PLATFORM=linux too; test/inithw checks the PC's hardware grants.
 */
#include <proto/init.h>
#include <stdio.h>
#include <string.h>
#include <tern/program.h>

static int passed, failed;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "PASS" : "FAIL", what);
	ok ? passed++ : failed++;
}

static long call(uint64_t label, struct tern_msg *m, unsigned len)
{
	m->info = MSG_INFO(label, len, 0);
	int err = tern_call(PROG_INIT, m);
	return err ? -err : (long)MSG_LABEL(m->info);
}

/* A program asking for device memory init does not hold is not started
 * (the scenario reads init's line naming what it does hold: the VGA window
 * on a PC, the host terminal's page on PLATFORM=linux). No framebuffer was
 * asked for, so prog_info has none. Device memory given, and I/O ports,
 * need a PC: test/inithw checks them (init-hw.run). */
static void device_memory(void)
{
	check(prog_info->fb.format == MMIO_FB_NONE && !prog_info->fb.base, "no framebuffer info unless asked");
	struct tern_msg m = { 0 };
	m.mr[0] = 14;
	unsigned len = msg_put_bytes(&m, 1, "/test/badmmio\0", 14);
	m.info = MSG_INFO(INIT_SPAWN, len, 0);
	int err = tern_call(PROG_INIT, &m);
	check(!err && MSG_LABEL(m.info) == INIT_ENOEXEC, "device memory init does not hold is refused");
}

int main(int argc, const char **argv)
{
	/* Spawned by ourselves (below) with argv[1] = child: exit 7 at once. */
	if (argc == 2 && !strcmp(argv[1], "child"))
		return 7;
	check(argc == 3 && !strcmp(argv[1], "alpha") && !strcmp(argv[2], "beta"), "argv from the config line");
	struct tern_capinfo ci;
	check(!tern_cap_identify(PROG_CAP(0), &ci) && ci.type == CAP_NOTE, "manifest slot 0 is a note");
	check(tern_cap_identify(PROG_CAP(1), &ci) == E_EMPTY_SLOT, "a slot the manifest skips stays empty");
	check(!tern_cap_identify(PROG_CAP(2), &ci) && ci.type == CAP_ENDPOINT && ci.badge == prog_info->id,
	      "service endpoint badged with our id");
	check(tern_cap_identify(PROG_CAP(3), &ci) == E_EMPTY_SLOT, "nothing beyond the manifest");
	device_memory();
	/* The quota also pays for our task and its page tables (init adds
	 * room for those): what is left is at least the manifest's pages. */
	uint64_t mi[6] = { 0 };
	check(!tern_cap_identify(PROG_MEMORY, &ci) && ci.type == CAP_MEMORY && ci.extra >= 16 * 4096 * USER_MEMORY_SCALE &&
	      ci.extra < 32 * 4096 * USER_MEMORY_SCALE && !tern_invoke(PROG_MEMORY, MEM_INFO, 0, 0, 0, 0, mi) &&
	      mi[1] >= TASK_COST(PROG_RADIX),
	      "memory quota from [memory] pages, and our task is charged to it");

	struct tern_msg m = { 0 };
	const char *args = "/test/inittest\0child\0";
	m.mr[0] = 21;
	unsigned len = msg_put_bytes(&m, 1, args, 21);
	long r = call(INIT_SPAWN, &m, len);
	uint64_t id = m.mr[0];
	check(r == 0 && id > 0, "spawn a program by path");
	m.mr[0] = id;
	r = call(INIT_WAIT, &m, 1);
	check(r == 0 && m.mr[0] == 7, "wait returns its exit status");

	m.mr[0] = 10;
	len = msg_put_bytes(&m, 1, "/no/such\0", 10);
	check(call(INIT_SPAWN, &m, len) == INIT_ENOENT, "spawn of a missing file fails");

	int seen_self = 0, seen_bad = 0;
	for (uint64_t i = 0; i < 32; i++) {
		m.mr[0] = i;
		if (call(INIT_PS, &m, 1))
			break;
		char name[33] = { 0 };
		msg_get_bytes(&m, 4, name, 32);
		seen_self |= !strcmp(name, "inittest") && m.mr[0] == prog_info->id;
		seen_bad |= !strcmp(name, "badmanifest");
	}
	check(seen_self && !seen_bad, "ps lists us and not the skipped program");

	m.mr[0] = prog_info->id;
	m.mr[1] = 0;
	char text[256] = { 0 };
	r = call(INIT_MANIFEST, &m, 2);
	msg_get_bytes(&m, 1, text, m.mr[0] < 255 ? m.mr[0] : 255);
	check(r == 0 && strstr(text, "[program]"), "manifest text of a program");

	r = call(INIT_MEM, &m, 0);
	check(r == 0 && m.mr[0] > 0 && m.mr[1] >= m.mr[0], "memory figures");
	m.mr[0] = 9999;
	check(call(INIT_KILL, &m, 1) == INIT_ESRCH, "kill of an unknown id fails");
	check(call(77, &m, 0) == E_BAD_SYSCALL, "unknown request is refused");

	printf("%d passed, %d failed\n", passed, failed);
	call(INIT_POWEROFF, &m, 0);
	return 0;
}
