/*
 * attacker: a hostile program with an ordinary manifest (its memory quota,
 * its init endpoint, service=fs) trying what the isolation review found
 * init would do for anyone (issue 9, items 4, 5 and 12). Each attack is
 * one check line, "PASS name" when init refused (or, for the controls,
 * did what an ordinary program may ask), then "N passed, N failed". The
 * scenario (ci/scenarios/attack-init.run) then checks the system still
 * works.
 *
 * The programs it writes to the file system are copies of its own ELF
 * (read back from the fs, which ramfs seeded from the initramfs) with the
 * .manifest section rewritten in place: the copy asks for hardware or
 * authority, and argv[1] tells the copy what to do when it runs.
 *
 * The serial driver it attacks (and checks is still there) is named by a
 * serial=NAME argument, which init.conf fills from the kernel command
 * line (serial=${serial:-pcserial}): pcserial on a PC, drv/hostterm on
 * PLATFORM=linux.
 */
#include <elf64.h>
#include <proto/fs.h>
#include <proto/init.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tern/program.h>

#define FS              PROG_CAP(0)
#define SELF_PATH       "/test/attacker"
#define DIR             "/attack"

static int passed, failed;
static const char *serial_driver = "pcserial";

static void check(int ok, const char *what, long got)
{
	if (ok)
		printf("PASS %s\n", what);
	else
		printf("FAIL %s (got %ld)\n", what, got);
	ok ? passed++ : failed++;
}

/* A request as a hostile client builds it: the label of the reply or -(E_*). */
static long raw(uint64_t label, struct tern_msg *m, unsigned len)
{
	m->info = MSG_INFO(label, len, 0);
	int err = tern_call(PROG_INIT, m);
	return err ? -err : (long)MSG_LABEL(m->info);
}

/* The id of the running program called name (0 if none). */
static uint64_t find(const char *name)
{
	return (uint64_t)init_find(PROG_INIT, name);
}

static long spawn(const char *a0, const char *a1)
{
	const char *argv[] = { a0, a1 };
	return init_spawn(PROG_INIT, argv, a1 ? 2 : 1);
}

/* ---- what the copies do when they run (argv[1]) ------------------------ */

/* A copy whose manifest asked for [init] power and control it was not
 * given by us: both must be refused. Exit 0 if so. */
static int child_power(void)
{
	struct tern_msg m = { 0 };
	long off = raw(INIT_POWEROFF, &m, 0);
	uint64_t ramfs = find("ramfs");
	m.mr[0] = ramfs;
	long kill = raw(INIT_KILL, &m, 1);
	return off == E_NO_RIGHTS && ramfs && kill == E_NO_RIGHTS ? 0 : 1;
}

/* ---- writing copies of ourselves ---------------------------------------- */

static uint8_t *self;
static size_t self_len;

static int read_self(void)
{
	unsigned type;
	uint64_t size;
	if (fs_stat(FS, SELF_PATH, &type, &size) || !(self = malloc(size)))
		return -1;
	long h = fs_open(FS, SELF_PATH, 0);
	if (h < 0)
		return -1;
	long n = fs_read_at(FS, (uint64_t)h, 0, self, size);
	fs_close(FS, (uint64_t)h);
	self_len = size;
	return n == (long)size ? 0 : -1;
}

/* Write our ELF to path with its manifest replaced by text (NULL: as is). */
static long write_copy(const char *path, const char *text)
{
	static uint8_t copy[256 * 1024];
	struct elf_image img;
	const void *sec;
	size_t len;
	if (self_len > sizeof(copy))
		return -FS_ENOSPC;
	memcpy(copy, self, self_len);
	if (elf_check(&img, copy, self_len) || elf_find_section(&img, ".manifest", &sec, &len))
		return -FS_EINVAL;
	if (text) {
		size_t n = strlen(text);
		if (n > len)
			return -FS_ENOSPC;
		memcpy((char *)sec, text, n);
		memset((char *)sec + n, '\n', len - n);       /* blank lines */
	}
	long h = fs_open(FS, path, FS_O_CREATE | FS_O_TRUNC);
	if (h < 0)
		return h;
	long r = fs_write_at(FS, (uint64_t)h, 0, copy, self_len);
	fs_close(FS, (uint64_t)h);
	return r == (long)self_len ? 0 : (r < 0 ? r : -FS_ENOSPC);
}

/* Write a copy with this manifest and try to start it: init's answer. */
static long spawn_copy(const char *path, const char *text, const char *arg)
{
	long r = write_copy(path, text);
	if (r) {
		printf("attacker: cannot write %s: %s\n", path, fs_strerror(r));
		return r;
	}
	return spawn(path, arg);
}

/* ---- the attacks --------------------------------------------------------- */

static void attack_power(void)
{
	struct tern_msg m = { 0 };
	long r = raw(INIT_POWEROFF, &m, 0);
	check(r == E_NO_RIGHTS, "power off is refused", r);
	r = raw(INIT_REBOOT, &m, 0);
	check(r == E_NO_RIGHTS, "reboot is refused", r);
}

static void attack_kill(const char *name)
{
	char what[64];
	uint64_t id = find(name);
	struct tern_msg m = { .mr = { id } };
	long r = id ? raw(INIT_KILL, &m, 1) : -1;
	snprintf(what, sizeof(what), "kill %s is refused", name);
	check(r == E_NO_RIGHTS && find(name) == id, what, r);
}

/* Control: a program may end the programs it started itself. */
static void kill_own_child(void)
{
	long id = spawn(SELF_PATH, "sleep");
	struct tern_msg m = { .mr = { (uint64_t)id } };
	long r = id > 0 ? raw(INIT_KILL, &m, 1) : id;
	uint64_t status = 0;
	if (!r)
		r = init_wait(PROG_INIT, (uint64_t)id, &status);
	check(r == 0 && status == 137, "kill of its own child is allowed", r ? r : (long)status);
}

/* MR0 claims more argument bytes than the message carries: without a
 * length check init would take the rest from its IPC buffer, i.e. from
 * whatever the previous long message (of any client) left there. */
static void short_spawn(void)
{
	struct tern_msg m = { 0 };
	/* First a long request that leaves a path to a real program in init's
	 * IPC buffer (MR4 on), behind 24 bytes of padding in MR1..MR3. */
	static const char stale[] = "/no/such/program/xxxxxx\0" SELF_PATH "\0sleep";
	m.mr[0] = sizeof(stale) - 1;
	unsigned len = msg_put_bytes(&m, 1, stale, sizeof(stale));
	long first = raw(INIT_SPAWN, &m, len);
	/* Now only MR0..MR1 are sent, but MR0 says 40 bytes. */
	memset(&m, 0, sizeof(m));
	m.mr[0] = 40;
	long r = raw(INIT_SPAWN, &m, 2);
	check(first == INIT_ENOENT && r == E_BAD_ARG, "spawn with MR0 beyond MSG_LEN is refused", r);
	if (r == 0 && m.mr[0]) {        /* old init started something: end it */
		m.info = 0;
		raw(INIT_KILL, &m, 1);
	}
	/* An empty word: the child would count its argv differently from init. */
	static const char empty[] = SELF_PATH "\0\0exit7";
	memset(&m, 0, sizeof(m));
	m.mr[0] = sizeof(empty) - 1;
	len = msg_put_bytes(&m, 1, empty, sizeof(empty));
	r = raw(INIT_SPAWN, &m, len);
	check(r == E_BAD_ARG, "spawn with an empty argv word is refused", r);
	if (r == 0 && m.mr[0]) {
		m.info = 0;
		init_wait(PROG_INIT, m.mr[0], 0);
	}
	memset(&m, 0, sizeof(m));
	m.mr[0] = 8;
	r = raw(INIT_WAIT, &m, 0);
	check(r == E_BAD_ARG, "wait without its id word is refused", r);
}

static void fs_programs(void)
{
	fs_mkdir(FS, DIR);
	if (read_self()) {
		check(0, "read our own ELF from the fs", -1);
		return;
	}
	/* Control: an unchanged copy starts (init must malloc its copy of
	 * the file) and runs as an ordinary program. */
	long id = spawn_copy(DIR "/copy", 0, "exit7"), first = id;
	uint64_t status = 0;
	long r = id > 0 ? init_wait(PROG_INIT, (uint64_t)id, &status) : id;
	check(r == 0 && status == 7, "a program written to the fs starts", r ? r : (long)status);

	r = spawn_copy(DIR "/ports", "[program]\nname=ports\n[capabilities]\n0:ioport = min=0, max=FFFF\n", "exit7");
	check(r == -E_NO_RIGHTS, "fs program asking for all I/O ports is refused", r);
	r = spawn_copy(DIR "/irq", "[program]\nname=irq\n[capabilities]\n0:note =\n1:irq = irq=1, note=0\n", "exit7");
	check(r == -E_NO_RIGHTS, "fs program asking for an IRQ is refused", r);
	r = spawn_copy(DIR "/serial", "[program]\nname=serial\n[capabilities]\n0:endpoint = service=serial\n", "exit7");
	check(r == -E_NO_RIGHTS, "fs program asking for a service we lack is refused", r);
	r = spawn_copy(DIR "/mmio", "[program]\nname=mmio\n[capabilities]\n0:mmio = base=B8000, size=8000\n", "exit7");
	check(r == -E_NO_RIGHTS, "fs program asking for device memory we lack is refused", r);
	r = spawn_copy(DIR "/klog", "[program]\nname=klog\n[capabilities]\n0:page = klog\n", "exit7");
	check(r == -E_NO_RIGHTS, "fs program asking for the kernel log we lack is refused", r);

	/* init answered INIT_MANIFEST from the ELF it had freed when the
	 * first copy ended; the files read since have reused that memory.
	 * The first copy's manifest (ours, unchanged) must still read back. */
	struct tern_msg mm = { .mr = { (uint64_t)first, 0 } };
	char text[17] = { 0 };
	r = raw(INIT_MANIFEST, &mm, 2);
	if (!r)
		msg_get_bytes(&mm, 1, text, mm.mr[0] < 16 ? mm.mr[0] : 16);
	check(r == 0 && !strcmp(text, "# test/attacker:"), "an ended fs program's manifest reads back", r);

	/* [init] authority beyond ours is not given: the copy runs, but its
	 * power off and kill are refused (it exits 0 if both were). */
	id = spawn_copy(DIR "/power", "[program]\nname=power\n[init]\ncontrol=yes\npower=yes\n", "power");
	status = 1;
	r = id > 0 ? init_wait(PROG_INIT, (uint64_t)id, &status) : id;
	check(r == 0 && status == 0, "fs program gets no [init] authority we lack", r ? r : (long)status);
}

/* A program from the initramfs asking for [init] authority gets no more
 * than its spawner (us: none); test/deputy exits 0 if refused both. */
static void confused_deputy(void)
{
	long id = spawn("/test/deputy", 0);
	uint64_t status = 1;
	long r = id > 0 ? init_wait(PROG_INIT, (uint64_t)id, &status) : id;
	check(r == 0 && status == 0, "initramfs program gets no [init] authority we lack", r ? r : (long)status);
}

/* After all that, init and the fs still answer. */
/* Free bytes of the machine, as init reports them (0 on error). */
static uint64_t machine_free(void)
{
	struct tern_msg m = { 0 };
	return raw(INIT_MEM, &m, 0) ? 0 : m.mr[0];
}

/*
 * One of our pages mapped every 2 MiB: each mapping needs a page table.
 * Before the kernel charged tables to a quota, 64,150 such mappings from
 * a 256 KiB quota took all of the machine's memory; now they come out of
 * our own quota (init makes our task from it) and stop there.
 */
static void map_everywhere(void)
{
	uint64_t page = slot_alloc(), before = machine_free(), n = 0, mi[6] = { 0 };
	long err = tern_mem_create(PROG_MEMORY, CAP_PAGE, page, 1);
	tern_invoke(PROG_MEMORY, MEM_INFO, 0, 0, 0, 0, mi);
	uint64_t ours = mi[0] + mi[1];          /* our whole quota */
	while (!err && n < 100000)
		if (!(err = tern_page_map(page, 0, 0x40000000ull + n * 0x200000, RIGHT_READ)))
			n++;
	uint64_t spent = before - machine_free();
	printf("attacker: mapped one page %lu times; the machine lost %lu KiB\n", n, spent / 1024);
	check(err == E_NO_MEMORY && spent <= ours, "mapping everywhere stops at our own quota", (long)spent);
	for (uint64_t i = 0; i < n; i++)
		tern_page_unmap(page, 0, 0x40000000ull + i * 0x200000);
	tern_cap_delete(page, 0);
	slot_free(page);
}

/* ---- third review (ci/scenarios/attack-r2-init.run, argv[1] = "r2") ----- */

/*
 * A program's memory quota is authority like any other, but init splits a
 * spawned program's [memory] pages from its own (ROOT_MEMORY) whatever the
 * spawner holds: a program with a 64-page quota writes a copy of itself
 * to the fs asking for half of the machine, and init gives it.
 */
static void r2_quota_beyond_ours(void)
{
	uint64_t mi[6] = { 0 }, before = machine_free();
	tern_invoke(PROG_MEMORY, MEM_INFO, 0, 0, 0, 0, mi);
	uint64_t ours = mi[0] + mi[1], pages = before / 4096 / 2;
	if (pages > 65536)
		pages = 65536;
	char text[128];
	snprintf(text, sizeof(text), "[program]\nname=r2big\n[cspace]\nradix=10\n[memory]\npages=%lu\n", pages);
	fs_mkdir(FS, DIR);
	if (!self && read_self()) {
		check(0, "read our own ELF from the fs", -1);
		return;
	}
	long id = spawn_copy(DIR "/r2big", text, "eat");
	tern_sleep_ms(500);             /* it makes pages from its quota */
	uint64_t spent = before - machine_free();
	printf("attacker: spawned a copy asking for %lu pages: %ld; the machine lost %lu KiB "
	       "(our own quota is %lu KiB)\n", pages, id, spent / 1024, ours / 1024);
	check(id <= 0 || spent <= ours, "a child's memory quota comes out of its spawner's", id);
	if (id > 0) {
		struct tern_msg m = { .mr = { (uint64_t)id } };
		raw(INIT_KILL, &m, 1);
		init_wait(PROG_INIT, (uint64_t)id, 0);
	}
}

/*
 * INIT_WAIT asks no authority and keeps the caller's saved reply until the
 * program ends, even when the caller has given up: with a short call
 * timeout (TASK_SET_TIMEOUT on PROG_SELF) one task fills all MAX_WAITERS
 * of any program (here ramfs, which never ends), and its real waiters are
 * refused with E_BUSY from then on.
 */
/*
 * (The review's third init check, a killed child whose INIT_WAIT on ramfs
 * pinned its whole quota in init, is closed three ways, none of which
 * needs a scenario of its own: a program may wait only on its own
 * children (r2_fill_waiters checks the refusal), init lets go of a
 * program's waits when it ends, and the kernel charges what outlives a
 * revoke to the parent, so a dead task costs only itself
 * (attack_r2_dead_task_pins_its_quota, attack_revoked_survivor_...).)
 */
static void r2_fill_waiters(void)
{
	uint64_t ramfs = find("ramfs");
	long r = 0;
	int i = 0;
	tern_invoke(PROG_SELF, TASK_SET_TIMEOUT, 20, 0, 0, 0, 0);
	for (; i < 16; i++) {
		struct tern_msg m = { .mr = { ramfs } };
		if ((r = raw(INIT_WAIT, &m, 1)) != -E_TIMEOUT)
			break;
	}
	tern_invoke(PROG_SELF, TASK_SET_TIMEOUT, 0, 0, 0, 0, 0);
	printf("attacker: INIT_WAIT on ramfs after %d timed-out waits: %ld\n", i, r);
	check(ramfs && r != E_BUSY, "timed-out waits on a program we did not start do not use up its waiters", r);
}

static void still_serving(void)
{
	struct tern_msg m = { 0 };
	long r = raw(INIT_MEM, &m, 0);
	unsigned type = 0;
	check(r == 0 && !fs_stat(FS, SELF_PATH, &type, 0) && type == FS_TYPE_FILE && find("ramfs") &&
	      find(serial_driver), "init and ramfs still serve", r);
}

int main(int argc, const char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "exit7"))
		return 7;
	if (argc == 2 && !strcmp(argv[1], "power"))
		return child_power();
	if (argc == 2 && !strcmp(argv[1], "eat")) {
		/* Make pages from our quota until it is spent, then stay. */
		uint64_t s;
		while ((s = slot_alloc()) && !tern_mem_create(PROG_MEMORY, CAP_PAGE, s, 240))
			;
		while ((s = slot_alloc()) && !tern_mem_create(PROG_MEMORY, CAP_PAGE, s, 1))
			;
		for (;;)
			tern_sleep_ms(1000);
	}
	if (argc == 2 && !strcmp(argv[1], "sleep"))
		for (;;)
			tern_sleep_ms(1000);
	for (int i = 1; i < argc; i++)
		if (!strncmp(argv[i], "serial=", 7) && argv[i][7])
			serial_driver = argv[i] + 7;
	if (argc >= 2 && !strcmp(argv[1], "r2")) {
		printf("attacker: third review\n");
		r2_quota_beyond_ours();
		r2_fill_waiters();
		still_serving();
		printf("%d passed, %d failed\n", passed, failed);
		return 0;
	}
	printf("attacker: trying init\n");
	attack_power();
	attack_kill("ramfs");
	attack_kill(serial_driver);
	kill_own_child();
	short_spawn();
	fs_programs();
	confused_deputy();
	map_everywhere();
	still_serving();
	printf("%d passed, %d failed\n", passed, failed);
	return 0;
}
