/*
 * ktest runner: the root task of the kernel test boot. Runs every KTEST in
 * link order, each independent: its slots are emptied afterwards (which
 * destroys its objects and children), and the memory quota in use must be
 * back where it was, so a test that leaks kernel memory fails.
 */
#include "ktest.h"
#include <stdarg.h>

extern const struct ktest __start_tern_tests[], __stop_tern_tests[];

static char reason[256];
static uint64_t next_slot, first_test_slot;
uint64_t fault_ep, shared_page;
static uint64_t children[64];
static int nchildren;

void ktest_track_child(uint64_t task_slot)
{
	if (nchildren < 64)
		children[nchildren++] = task_slot;
}

/* Kill this test's children, forget their faults and any reply we hold. */
static void end_children(void)
{
	for (int i = 0; i < nchildren; i++)
		tern_invoke(children[i], TASK_KILL, 0, 0, 0, 0, 0);
	nchildren = 0;
	struct tern_msg m;
	while (tern_nbrecv(fault_ep, &m) == TERN_OK)
		;
	m.info = 0;
	tern_reply(&m);
}
volatile uint64_t *const shared = (volatile uint64_t *)KC_SHARED_VA;

int kfail(const char *fmt, ...)
{
	if (reason[0])
		return 1;               /* keep the first reason */
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	return 1;
}

uint64_t slot(void)
{
	return next_slot++;
}

uint64_t make(unsigned type, uint64_t arg)
{
	uint64_t s = slot();
	int err = tern_mem_create(ROOT_MEMORY, type, s, arg);
	if (err) {
		kfail("creating an object of type %u failed: %s", type, tern_strerror((uint64_t)err));
		return 0;
	}
	return s;
}

static void release_slots(void)
{
	for (uint64_t s = first_test_slot; s < next_slot; s++)
		tern_cap_delete(s, 0);
	next_slot = first_test_slot;
}

/* The value of word key= on the command line, copied into out ("" if absent). */
static void cmdline_word(const char *cmdline, const char *key, char *out, size_t max)
{
	size_t klen = strlen(key), n = 0;
	out[0] = '\0';
	for (const char *p = cmdline; (p = strstr(p, key)); p += klen) {
		if (p != cmdline && p[-1] != ' ')
			continue;
		p += klen;
		while (n + 1 < max && p[n] && p[n] != ' ')
			n++;
		memcpy(out, p, n);
		out[n] = '\0';
		return;
	}
}

static int has_prefix(const char *s, const char *prefix)
{
	return prefix[0] && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether s starts with one of the comma-separated prefixes in list. */
static int has_any_prefix(const char *s, const char *list)
{
	char one[32];
	while (*list) {
		size_t n = 0;
		while (list[n] && list[n] != ',' && n + 1 < sizeof(one))
			n++;
		memcpy(one, list, n);
		one[n] = '\0';
		if (has_prefix(s, one))
			return 1;
		list += n + (list[n] == ',');
	}
	return 0;
}

const char *ktest_cmdline = "";

static uint64_t quota_used(void)
{
	uint64_t out[6] = { 0 };
	tern_invoke(ROOT_MEMORY, MEM_INFO, 0, 0, 0, 0, out);
	return out[1];
}

int tern_main(uint64_t initramfs, uint64_t size, uint64_t ipcbuf, uint64_t cmdline)
{
	tern_ipcbuf = (struct tern_ipcbuf *)ipcbuf;
	extern const void *ktest_initramfs;
	extern uint64_t ktest_initramfs_size;
	ktest_initramfs = (const void *)initramfs;
	ktest_cmdline = (const char *)cmdline;
	ktest_initramfs_size = size;
	printf("ktest: kernel test suite starting\n");

	/* Suite-wide objects: the fault endpoint and the shared page. */
	next_slot = ROOT_FIRST_FREE;
	fault_ep = slot();
	shared_page = slot();
	if (tern_mem_create(ROOT_MEMORY, CAP_ENDPOINT, fault_ep, 0) ||
	    tern_mem_create(ROOT_MEMORY, CAP_PAGE, shared_page, 1) ||
	    tern_page_map(shared_page, 0, KC_SHARED_VA, RIGHT_READ | RIGHT_WRITE)) {
		printf("ktest: cannot set up the suite\n0 passed, 1 failed\n");
		tern_invoke(ROOT_MACHINE, MACHINE_POWEROFF, 0, 0, 0, 0, 0);
	}
	first_test_slot = next_slot;
	if (strstr((const char *)cmdline, "mode=bench")) {
		ktest_bench();
		end_children();
		release_slots();
		tern_invoke(ROOT_MACHINE, MACHINE_POWEROFF, 0, 0, 0, 0, 0);
	}

	/* only=PREFIX runs just the tests whose names start with it (T=attack
	 * boots with only=attack_); skip=PREFIX[,PREFIX] leaves those out;
	 * tests that need hardware platform= lacks are skipped with a reason
	 * (platform.c). */
	char only[32], skip[64], platform[16];
	cmdline_word((const char *)cmdline, "only=", only, sizeof(only));
	cmdline_word((const char *)cmdline, "skip=", skip, sizeof(skip));
	cmdline_word((const char *)cmdline, "platform=", platform, sizeof(platform));
	if (!platform[0])
		strcpy(platform, "pc");
	int passed = 0, failed = 0, skipped = 0;
	for (const struct ktest *t = __start_tern_tests; t < __stop_tern_tests; t++) {
		if ((only[0] && !has_prefix(t->name, only)) || has_any_prefix(t->name, skip))
			continue;
		const char *why = ktest_platform_skip(platform, t->name);
		if (why) {
			printf("skipped %s: %s\n", t->name, why);
			skipped++;
			continue;
		}
		reason[0] = '\0';
		for (int i = 0; i < 512; i++)
			shared[i] = 0;
		uint64_t before = quota_used();
		int bad = t->fn();
		end_children();
		release_slots();
		uint64_t after = quota_used();
		if (!bad && after != before)
			bad = kfail("leaked %ld bytes of memory quota", (long)(after - before));
		if (bad) {
			printf("FAIL %s: %s\n", t->name, reason[0] ? reason : "(no reason given)");
			failed++;
		} else {
			printf("PASS %s\n", t->name);
			passed++;
		}
	}
	if (skipped)
		printf("ktest: %d tests skipped on PLATFORM=%s (they need hardware it lacks)\n", skipped, platform);
	printf("%d passed, %d failed\n", passed, failed);
	tern_invoke(ROOT_MACHINE, MACHINE_POWEROFF, 0, 0, 0, 0, 0);
	return 0;
}
