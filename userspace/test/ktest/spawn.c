/* Starting kchild instances for the tests, with the library loader. */
#include "ktest.h"
#include <tar.h>
#include <tern/loader.h>

const void *ktest_initramfs;
uint64_t ktest_initramfs_size;

static uint64_t alloc(void *arg)
{
	(void)arg;
	return slot();
}

static void release(void *arg, uint64_t s)
{
	(void)arg;
	(void)s;                /* slots are reclaimed after each test */
}

int child_spawn(struct child *c, uint64_t role, uint64_t arg, unsigned prio)
{
	return child_spawn_in(c, ROOT_MEMORY, role, arg, prio);
}

int child_spawn_in(struct child *c, uint64_t mem, uint64_t role, uint64_t arg, unsigned prio)
{
	static struct tar_entry e;
	struct loader l = { ROOT_MEMORY, 0x30000000, alloc, release, 0 };
	if (tar_find(ktest_initramfs, ktest_initramfs_size, "test/kchild", &e))
		return kfail("test/kchild is not in the initramfs");
	c->task = slot();
	int err = tern_mem_create(mem, CAP_TASK, c->task, KC_RADIX);
	uint64_t entry = 0, ipcbuf = 0, ep = slot();
	if (!err)
		err = loader_load_elf(&l, c->task, e.data, e.size, &entry);
	if (!err)
		err = loader_map_new(&l, c->task, KC_STACK_TOP - KC_STACK_PAGES * 4096, KC_STACK_PAGES,
				     RIGHT_READ | RIGHT_WRITE, 0);
	if (!err)
		err = loader_map_new(&l, c->task, KC_IPCBUF_VA, 1, RIGHT_READ | RIGHT_WRITE, &ipcbuf);
	if (!err)
		err = tern_invoke(c->task, TASK_SET_IPCBUF, ipcbuf, 0, 0, 0, 0);
	if (!err)
		ktest_track_child(c->task);
	if (!err)
		err = tern_page_map(shared_page, c->task, KC_SHARED_VA, RIGHT_READ | RIGHT_WRITE);
	if (!err)
		err = tern_cap_mint(fault_ep, 0, ep, RIGHT_WRITE, 1, 0);
	if (!err)
		err = tern_invoke(c->task, TASK_SET_FAULT, ep, 0, 0, 0, 0);
	if (!err)
		err = tern_invoke(c->task, TASK_SET_PRIO, prio, 0, 0, 0, 0);
	if (!err)
		err = tern_task_set_regs(c->task, entry, KC_STACK_TOP, role, arg);
	if (!err)
		tern_invoke(c->task, TASK_SET_NAME, (uint64_t)"kchild", 6, 0, 0, 0);
	if (err)
		return kfail("spawning kchild failed: %s", loader_strerror(err));
	return 0;
}

int child_give(struct child *c, uint64_t src, uint64_t dst_slot, unsigned rights)
{
	return tern_cap_copy(src, c->task, dst_slot, rights);
}

int child_start(struct child *c)
{
	return tern_task_start(c->task);
}

uint64_t child_state(struct child *c)
{
	uint64_t out[6] = { 0 };
	tern_invoke(c->task, TASK_INFO, 0, 0, 0, 0, out);
	return out[0];
}

int wait_fault(struct tern_msg *m, unsigned timeout_ms)
{
	for (unsigned t = 0; t <= timeout_ms; t++) {
		if (tern_nbrecv(fault_ep, m) == TERN_OK)
			return 0;
		tern_sleep_ms(1);
	}
	return kfail("no fault message within %u ms", timeout_ms);
}

uint64_t wait_note(uint64_t note, unsigned timeout_ms)
{
	uint64_t bits = 0;
	for (unsigned t = 0; t <= timeout_ms; t++) {
		if (tern_poll(note, &bits) == TERN_OK && bits)
			return bits;
		tern_sleep_ms(1);
	}
	return 0;
}

uint64_t free_frames(void)
{
	uint64_t out[6] = { 0 };
	tern_invoke(ROOT_MACHINE, MACHINE_INFO, 0, 0, 0, 0, out);
	return out[0];
}

uint64_t live_tasks(void)
{
	uint64_t out[6] = { 0 };
	tern_invoke(ROOT_MACHINE, MACHINE_INFO, 0, 0, 0, 0, out);
	return out[2];
}

uint64_t quota_used_of(uint64_t mem)
{
	uint64_t out[6] = { 0 };
	tern_invoke(mem, MEM_INFO, 0, 0, 0, 0, out);
	return out[1];
}

int faulted_child(struct child *f, uint64_t ep, uint64_t fep)
{
	KCHECK_EQ(tern_cap_mint(ep, 0, fep, RIGHT_WRITE, 7, 0), TERN_OK);
	KCHECK_EQ(child_spawn(f, ROLE_FAULT, KFAULT_NULL_WRITE, 50), 0);
	KCHECK_EQ(tern_invoke(f->task, TASK_SET_FAULT, fep, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_start(f), TERN_OK);
	tern_sleep_ms(5);
	return 0;
}

int child_caller(struct child *c, uint64_t arg, unsigned prio, uint64_t ep, uint64_t note)
{
	KCHECK_EQ(child_spawn(c, ROLE_CALLER, arg, prio), 0);
	KCHECK_EQ(child_give(c, ep, KC_EP, RIGHT_WRITE), TERN_OK);
	if (note)
		KCHECK_EQ(child_give(c, note, KC_NOTE, RIGHT_WRITE), TERN_OK);
	return 0;
}
