/*
 * Starting and ending fuzz tasks. Each generation of a seat gets a fresh
 * memory quota split from ours: its task, code, stack and IPC buffer are
 * paid from it, and so is everything it creates, so a fuzz task that
 * exhausts its quota hurts only itself, and revoking the quota when the
 * seat ends breaks whatever the task built (cycles included).
 */
#include "fuzz.h"
#include <tar.h>
#include <tern/loader.h>

#define SEAT_QUOTA (192 * 1024)
#define POOL 96

extern const void *ktest_initramfs;
extern uint64_t ktest_initramfs_size;

static uint64_t pool[POOL];
static unsigned npool;

void fuzz_slots_init(void)
{
	for (npool = 0; npool < POOL; npool++)
		pool[npool] = slot();
}

uint64_t fuzz_slot(void)
{
	return npool ? pool[--npool] : 0;
}

void fuzz_slot_free(uint64_t s)
{
	if (!s)
		return;
	tern_cap_delete(s, 0);
	if (npool < POOL)
		pool[npool++] = s;
}

static uint64_t loader_alloc(void *arg)
{
	(void)arg;
	return fuzz_slot();
}

static void loader_free(void *arg, uint64_t s)
{
	(void)arg;
	fuzz_slot_free(s);
}

/* splitmix64: each seat and generation gets its own stream from the seed. */
static uint64_t mix(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

/* Load kchild into a new task paid from mem; returns its entry or 0. */
static uint64_t load(uint64_t mem, uint64_t task)
{
	static struct tar_entry e;
	struct loader l = { mem, 0x30000000, loader_alloc, loader_free, 0 };
	uint64_t entry = 0, ipcbuf = 0;
	int err = 0;
	if (tar_find(ktest_initramfs, ktest_initramfs_size, "test/kchild", &e))
		return kfail("test/kchild is not in the initramfs"), 0;
	err = loader_load_elf(&l, task, e.data, e.size, &entry);
	if (!err)
		err = loader_map_new(&l, task, KC_STACK_TOP - KC_STACK_PAGES * 4096, KC_STACK_PAGES,
				     RIGHT_READ | RIGHT_WRITE, 0);
	if (!err)
		err = loader_map_new(&l, task, KC_IPCBUF_VA, 1, RIGHT_READ | RIGHT_WRITE, &ipcbuf);
	if (!err)
		err = tern_invoke(task, TASK_SET_IPCBUF, ipcbuf, 0, 0, 0, 0);
	fuzz_slot_free(ipcbuf);         /* the mapping keeps the page */
	if (err)
		return kfail("loading a fuzz task failed: %s", loader_strerror(err)), 0;
	return entry;
}

/* The caps a seat starts with (roles.h, KF_*). */
static int give_caps(struct fuzz *z, unsigned i)
{
	uint64_t t = z->seat[i].task;
	struct { uint64_t src, dst; unsigned rights; } caps[] = {
		{ z->seat[i].mem, KF_MEM, RIGHTS_ALL },
		{ z->ep, KF_EP, RIGHTS_ALL },
		{ z->ep_badged, KF_EP + 1, RIGHTS_ALL },
		{ z->note, KF_NOTE, RIGHTS_ALL },
		{ z->note_badged, KF_NOTE + 1, RIGHTS_ALL },
		{ z->page, KF_PAGE, RIGHTS_ALL },
	};
	for (unsigned k = 0; k < sizeof(caps) / sizeof(caps[0]); k++)
		if (tern_cap_copy(caps[k].src, t, caps[k].dst, caps[k].rights))
			return kfail("giving fuzz task %u its caps failed", i);
	/* Every seat holds a task cap to every seat, itself included. */
	for (unsigned j = 0; j < KF_SEATS; j++) {
		uint64_t other = z->seat[j].task;
		if (!other)
			continue;
		tern_cap_delete(KF_PEER + i, other);
		tern_cap_copy(t, other, KF_PEER + i, RIGHTS_ALL);
		if (j != i)
			tern_cap_copy(other, t, KF_PEER + j, RIGHTS_ALL);
	}
	return 0;
}

int fuzz_seat_start(struct fuzz *z, unsigned i)
{
	struct seat *s = &z->seat[i];
	char name[8] = "fuzz0";
	name[4] = (char)('0' + i);
	s->mem = fuzz_slot();
	s->task = fuzz_slot();
	if (!s->task)
		return kfail("the fuzzer ran out of root slots");
	int err = tern_invoke(ROOT_MEMORY, MEM_SPLIT, SEAT_QUOTA, s->mem, 0, 0, 0);
	if (!err)
		err = tern_mem_create(s->mem, CAP_TASK, s->task, KC_RADIX);
	if (err)
		return kfail("making fuzz task %u failed: %s", i, tern_strerror((uint64_t)err));
	uint64_t entry = load(s->mem, s->task), arg = (mix(z->seed ^ mix(i * 1000003ull + s->gen)) & ~0xFFull) | i;
	if (!entry)
		return 1;
	err = tern_page_map(shared_page, s->task, KC_SHARED_VA, RIGHT_READ | RIGHT_WRITE);
	if (!err)
		err = tern_invoke(s->task, TASK_SET_FAULT, s->fault, 0, 0, 0, 0);
	if (!err)
		err = tern_invoke(s->task, TASK_SET_PRIO, FUZZ_PRIO, 0, 0, 0, 0);
	if (!err)
		err = tern_task_set_regs(s->task, entry, KC_STACK_TOP, ROLE_SYSFUZZ, arg);
	if (!err)
		err = tern_invoke(s->task, TASK_SET_NAME, (uint64_t)name, 5, 0, 0, 0);
	if (err)
		return kfail("setting up fuzz task %u failed: %s", i, tern_strerror((uint64_t)err));
	if (give_caps(z, i))
		return 1;
	s->seen = shared[KF_COUNT + i];
	s->faults = 0;
	s->idle = 0;
	if ((err = tern_task_start(s->task)))
		return kfail("starting fuzz task %u failed: %s", i, tern_strerror((uint64_t)err));
	return 0;
}

void fuzz_seat_end(struct fuzz *z, unsigned i)
{
	struct seat *s = &z->seat[i];
	if (s->task)
		tern_invoke(s->task, TASK_KILL, 0, 0, 0, 0, 0);
	/* Revoking breaks what the task built from its quota, even what it
	 * gave to others and reference cycles. (Kernels without MEM_REVOKE
	 * answer E_BAD_SYSCALL; then cycles pin the quota and the final
	 * check says so.) */
	if (s->mem)
		tern_invoke(s->mem, MEM_REVOKE, 0, 0, 0, 0, 0);
	fuzz_slot_free(s->task);
	fuzz_slot_free(s->mem);
	s->task = s->mem = 0;
	s->gen++;
}

void fuzz_seat_orphan(struct fuzz *z, unsigned i)
{
	struct seat *s = &z->seat[i];
	if (z->norphans == MAX_ORPHANS || !s->task) {
		fuzz_seat_end(z, i);
		return;
	}
	/* Its faults and exit no longer mean this seat's end. */
	tern_invoke(s->task, TASK_SET_FAULT, z->orphan_fault, 0, 0, 0, 0);
	z->orphan_mem[z->norphans++] = s->mem;
	fuzz_slot_free(s->task);
	s->task = s->mem = 0;
	s->gen++;
}

void fuzz_orphans_end(struct fuzz *z)
{
	for (unsigned k = 0; k < z->norphans; k++) {
		tern_invoke(z->orphan_mem[k], MEM_REVOKE, 0, 0, 0, 0, 0);
		fuzz_slot_free(z->orphan_mem[k]);
	}
	z->norphans = 0;
}
