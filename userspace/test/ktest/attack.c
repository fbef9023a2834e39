/*
 * Attacks on the kernel: what a hostile program with an ordinary quota
 * tried in the isolation review (issue "Isolation holds"). Each test here
 * crashed, corrupted or exhausted the kernel before its fix. Their names
 * start with attack_ so `make check T=attack` runs just them.
 */
#include "ktest.h"

/* RFLAGS.NT set in user mode survived into the kernel, and the next iretq
 * of a blocked task raised #GP in ring 0: a kernel panic. */
KTEST(attack_rflags_nt_from_user)
{
	uint64_t n = make(CAP_NOTE, 0);
	struct child c;
	KCHECK(n);
	KCHECK_EQ(child_spawn(&c, ROLE_NT_SLEEP, 0, 50), 0);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	KCHECK(wait_note(n, 500));
	KCHECK_EQ(shared[20], 1);
	return 0;
}

/* Wait up to ms for the number of live tasks to come down to n. */
static uint64_t settle_tasks(uint64_t n, unsigned ms)
{
	uint64_t now = live_tasks();
	for (unsigned t = 0; t < ms && now != n; t++) {
		tern_sleep_ms(1);
		now = live_tasks();
	}
	return now;
}

/*
 * A reference cycle through a pending reply: the only cap to server S
 * lives in caller C's cspace, and the only reference to C is S's reply
 * right. S's REPLY_RECV drops C, C's death empties its cspace and so
 * destroys S, and the receive half then ran on S's freed cspace.
 */
KTEST(attack_reply_recv_destroys_the_server)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), go = make(CAP_NOTE, 0), tasks = live_tasks();
	struct child s, c;
	KCHECK(ep && go);
	KCHECK_EQ(child_spawn(&s, ROLE_HOLD_ECHO, 0, 50), 0);
	KCHECK_EQ(child_give(&s, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_give(&s, go, KC_NOTE, RIGHT_READ), TERN_OK);
	if (child_caller(&c, 7, 50, ep, 0))
		return 1;
	KCHECK_EQ(tern_cap_copy(s.task, c.task, KC_RECV, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_start(&s), TERN_OK);
	tern_sleep_ms(5);
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(5);               /* S holds C's call and waits for go */
	KCHECK_EQ(tern_cap_delete(s.task, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(c.task, 0), TERN_OK);
	KCHECK_EQ(tern_signal(go), TERN_OK);
	KCHECK_EQ(settle_tasks(tasks, 500), tasks);    /* both are gone, and the kernel is alive */
	return 0;
}

/*
 * The same cycle broken from outside: while S holds C1's reply right, C2
 * calls S. Granting S the new reply drops C1, whose death destroyed S, and
 * S was then made ready and ran on its freed kernel stack.
 */
KTEST(attack_second_call_destroys_the_server)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), done = make(CAP_NOTE, 0), tasks = live_tasks();
	struct child s, c1, c2;
	KCHECK(ep && done);
	KCHECK_EQ(child_spawn(&s, ROLE_RECV_HOLD, 0, 50), 0);
	KCHECK_EQ(child_give(&s, ep, KC_EP, RIGHT_READ), TERN_OK);
	if (child_caller(&c1, 1, 50, ep, 0))
		return 1;
	KCHECK_EQ(tern_cap_copy(s.task, c1.task, KC_RECV, RIGHTS_ALL), TERN_OK);
	if (child_caller(&c2, 2, 50, ep, done))
		return 1;
	KCHECK_EQ(child_start(&s), TERN_OK);
	tern_sleep_ms(5);
	KCHECK_EQ(child_start(&c1), TERN_OK);
	tern_sleep_ms(5);               /* S holds C1's call and waits for more */
	KCHECK_EQ(tern_cap_delete(s.task, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(c1.task, 0), TERN_OK);
	KCHECK_EQ(child_start(&c2), TERN_OK);
	KCHECK(wait_note(done, 200));
	KCHECK_EQ(shared[2], 0xE0);     /* S died owing C2 an answer: C2's call failed */
	KCHECK_EQ(settle_tasks(tasks + 1, 500), tasks + 1);     /* only C2 is left */
	return 0;
}

/*
 * A kill that destroys its victim half way: K kills T through the only
 * cap to T (in K's cspace); T owes caller C an answer; the only cap to K
 * is in C's cspace and the only reference to C is T's reply right. Killing
 * T drops C, C's death destroys K and K's death freed T while task_kill
 * was still working on it.
 */
KTEST(attack_kill_frees_its_victim_midway)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), tasks = live_tasks();
	struct child t, c, k;
	KCHECK(ep);
	KCHECK_EQ(child_spawn(&t, ROLE_RECV_HOLD, 0, 50), 0);
	KCHECK_EQ(child_give(&t, ep, KC_EP, RIGHT_READ), TERN_OK);
	if (child_caller(&c, 3, 50, ep, 0))
		return 1;
	KCHECK_EQ(child_spawn(&k, ROLE_KILL_SLOT, 0, 50), 0);
	KCHECK_EQ(tern_cap_copy(t.task, k.task, KC_RECV, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_cap_copy(k.task, c.task, KC_RECV, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_start(&t), TERN_OK);
	tern_sleep_ms(5);
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(5);               /* T holds C's call */
	KCHECK_EQ(child_start(&k), TERN_OK);    /* runs when we sleep */
	KCHECK_EQ(tern_cap_delete(t.task, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(c.task, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(k.task, 0), TERN_OK);
	KCHECK_EQ(settle_tasks(tasks, 500), tasks);
	return 0;
}

/*
 * Tasks that destroy themselves (the only cap to each is in its own
 * cspace) must give back their kernel stacks. One "reap" slot, overwritten
 * when a dying task was followed by a fresh one that also died, leaked
 * 16 KiB a task.
 */
/* n kchildren that each kill themselves through the only cap to them. */
static int self_killers(int n)
{
	uint64_t first = slot(), tasks = live_tasks();
	for (int i = 0; i < n; i++) {
		struct child k;
		KCHECK_EQ(child_spawn(&k, ROLE_KILL_SLOT, 0, 40), 0);
		KCHECK_EQ(tern_cap_copy(k.task, k.task, KC_RECV, RIGHTS_ALL), TERN_OK);
		KCHECK_EQ(child_start(&k), TERN_OK);    /* runs when we sleep */
		KCHECK_EQ(tern_cap_delete(k.task, 0), TERN_OK);
	}
	/* Each kills itself when we sleep, one after the other. */
	KCHECK_EQ(settle_tasks(tasks, 2000), tasks);
	for (uint64_t s = first, end = slot(); s < end; s++)
		tern_cap_delete(s, 0);  /* the loader's pages */
	tern_sleep_ms(2);
	return 0;
}

KTEST(attack_self_destroying_tasks_leak_no_stacks)
{
	if (self_killers(1))            /* warm up: our own page tables, heap slabs */
		return 1;
	uint64_t frames = free_frames();
	if (self_killers(24))
		return 1;
	KCHECK_EQ(free_frames(), frames);
	return 0;
}

/*
 * One page mapped every 2 MiB makes a new page table for each mapping.
 * Those tables and the mapping records were charged to no quota: 64,150
 * mappings from a 256 KiB quota took all free memory. Now they are paid
 * by the quota the task was made from, and mapping stops when it is spent.
 */
KTEST(attack_mappings_cannot_exhaust_memory)
{
	enum { QUOTA = 64 * 1024, TRIES = 600 };
	uint64_t q = slot(), t = slot(), frames = free_frames();
	uint64_t page = make(CAP_PAGE, 1);
	KCHECK(page);
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, QUOTA, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_TASK, t, 1), TERN_OK);
	int mapped = 0, err = 0;
	for (int i = 0; i < TRIES && !err; i++) {
		err = tern_page_map(page, t, 0x40000000ull + (uint64_t)i * 0x200000, RIGHT_READ);
		mapped += !err;
	}
	KCHECK_EQ(err, E_NO_MEMORY);
	KCHECK(mapped < QUOTA / 4096);
	/* The kernel spent no more frames than the quota (plus the page and a
	 * heap slab or two) allows. */
	KCHECK(frames - free_frames() <= QUOTA / 4096 + 4);
	uint64_t out[6] = { 0 };
	KCHECK_EQ(tern_invoke(q, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK(out[1] > 24 * 1024);     /* the task and its tables are charged */
	KCHECK_EQ(tern_cap_delete(t, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(q, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[1], 0);           /* all refunded when the task died */
	KCHECK_EQ(out[0], QUOTA);
	return 0;
}

/* A radix-1 cspace (two slots) was charged 64 bytes but takes a frame. */
KTEST(attack_small_cspace_pays_its_frame)
{
	uint64_t q = slot(), cs = slot(), out[6] = { 0 };
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 16 * 1024, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_CSPACE, cs, 1), TERN_OK);
	KCHECK_EQ(tern_invoke(q, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK(out[1] >= 4096);
	return 0;
}

/* The kernel had 64 sleep slots for everyone: about 70 sleeping tasks made
 * SYS_SLEEP fail with E_BUSY for all others (drivers' flow control pauses,
 * init's restart back-off). */
KTEST(attack_sleepers_cannot_fill_the_kernel)
{
	enum { N = 72 };
	for (int i = 0; i < N; i++) {
		struct child c;
		KCHECK_EQ(child_spawn(&c, ROLE_SLEEPER, 0, 50), 0);
		KCHECK_EQ(child_start(&c), TERN_OK);
	}
	/* Let all of them run into their sleep (our own sleep may be the one
	 * that fails: then we yield instead). */
	for (int i = 0; i < 50; i++)
		if (tern_sleep_ms(1))
			tern_yield();
	KCHECK_EQ(tern_sleep_ms(1), TERN_OK);
	KCHECK_EQ(shared[22], 0);
	return 0;
}

/* A `syscall` in the last two bytes of the lower half returns to the
 * non-canonical 0x800000000000, which faults in ring 0 on Intel. */
KTEST(attack_no_mapping_at_the_top_of_user_space)
{
	uint64_t page = make(CAP_PAGE, 1);
	KCHECK(page);
	KCHECK_EQ(tern_page_map(page, 0, 0x7FFFFFFFF000ull, RIGHT_READ | RIGHT_EXEC), E_BAD_ARG);
	KCHECK_EQ(tern_page_map(page, 0, 0x7FFFFFFFE000ull, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_page_unmap(page, 0, 0x7FFFFFFFE000ull), TERN_OK);
	return 0;
}

/* The machine and irq caps ignored their rights: a read-only machine cap
 * could power the machine off. */
KTEST(attack_machine_and_irq_caps_obey_rights)
{
	uint64_t ro = slot(), wo = slot(), ctl = slot(), irq = slot(), irq_ro = slot();
	uint64_t n = make(CAP_NOTE, 0), out[6];
	KCHECK(n);
	KCHECK_EQ(tern_cap_copy(ROOT_MACHINE, 0, ro, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_cap_copy(ROOT_MACHINE, 0, wo, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(tern_invoke(ro, MACHINE_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(tern_invoke(wo, MACHINE_INFO, 0, 0, 0, 0, out), E_NO_RIGHTS);
	KCHECK_EQ(tern_invoke(wo, MACHINE_TASKS, 0, 0, 0, 0, out), E_NO_RIGHTS);
	/* On the old kernel this ended the test run. */
	KCHECK_EQ(tern_invoke(ro, MACHINE_REBOOT, 0, 0, 0, 0, 0), E_NO_RIGHTS);
	KCHECK_EQ(tern_invoke(ro, MACHINE_POWEROFF, 0, 0, 0, 0, 0), E_NO_RIGHTS);
	KCHECK_EQ(tern_cap_copy(ROOT_IRQ_CONTROL, 0, ctl, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_invoke(ctl, IRQCTL_GET, 5, irq, 0, 0, 0), E_NO_RIGHTS);
	KCHECK_EQ(tern_invoke(ROOT_IRQ_CONTROL, IRQCTL_GET, 5, irq, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_cap_copy(irq, 0, irq_ro, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_invoke(irq_ro, IRQ_SET_NOTE, n, 0, 0, 0, 0), E_NO_RIGHTS);
	KCHECK_EQ(tern_invoke(irq_ro, IRQ_ACK, 0, 0, 0, 0, 0), E_NO_RIGHTS);
	return 0;
}

/*
 * Reference cycles pinned their quota forever: a cspace holding the only
 * cap to itself, a task whose own cspace holds the only cap to it. After
 * about 1,000 such generations init could start nothing. MEM_REVOKE on
 * the quota breaks them and everything comes back.
 */
KTEST(attack_reference_cycles_are_revoked)
{
	uint64_t q = slot(), cs = slot(), t = slot(), inner = slot(), out[6] = { 0 };
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 128 * 1024, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_CSPACE, cs, 2), TERN_OK);
	KCHECK_EQ(tern_cap_copy(cs, cs, 1, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_TASK, t, 2), TERN_OK);
	KCHECK_EQ(tern_cap_copy(t, t, 1, RIGHTS_ALL), TERN_OK);
	/* And a quota split from q, with a cycle of its own. */
	KCHECK_EQ(tern_invoke(q, MEM_SPLIT, 32 * 1024, inner, 0, 0, 0), TERN_OK);
	uint64_t cs2 = slot();
	KCHECK_EQ(tern_mem_create(inner, CAP_CSPACE, cs2, 1), TERN_OK);
	KCHECK_EQ(tern_cap_copy(cs2, cs2, 1, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_cap_delete(cs2, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(inner, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(cs, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(t, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(q, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK(out[1] > 0);             /* pinned by the cycles */
	uint64_t root_used = quota_used_of(ROOT_MEMORY);
	KCHECK_EQ(tern_invoke(q, MEM_REVOKE, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(q, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[1], 0);           /* the cycles are gone (a revoked quota is final) */
	KCHECK_EQ(tern_cap_delete(q, 0), TERN_OK);
	KCHECK_EQ(root_used - quota_used_of(ROOT_MEMORY), 128 * 1024 + 256);  /* all of q is back */
	return 0;
}

/* x87/MMX/SSE registers were not switched between tasks: one task could
 * read what another left there (a covert channel), and SSE raised #UD. */
KTEST(attack_fpu_registers_are_private)
{
	uint64_t n = make(CAP_NOTE, 0);
	struct child a, b;
	KCHECK(n);
	KCHECK_EQ(child_spawn(&a, ROLE_FPU, 0x1111111111111111ull, 50), 0);
	KCHECK_EQ(child_spawn(&b, ROLE_FPU, 0x2222222222222222ull, 50), 0);
	KCHECK_EQ(child_give(&a, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&b, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&a), TERN_OK);
	KCHECK_EQ(child_start(&b), TERN_OK);
	uint64_t bits = 0, got = 0;
	for (int i = 0; i < 2000 && got < 2; i++) {
		tern_sleep_ms(1);
		if (tern_poll(n, &bits) == TERN_OK && bits)
			got++;          /* both signal the same bit: count wake-ups */
	}
	struct tern_msg m;
	KCHECK(tern_nbrecv(fault_ep, &m) != TERN_OK);   /* no #UD */
	KCHECK(got >= 1);
	KCHECK_EQ(child_state(&a), TASK_BLOCKED);       /* both finished: asleep */
	KCHECK_EQ(child_state(&b), TASK_BLOCKED);
	KCHECK_EQ(shared[23], 0);
	return 0;
}

/* A task's I/O permission bitmap (8 KiB) was charged to nobody. */
KTEST(attack_port_bitmap_is_charged)
{
	uint64_t q = slot(), ports = slot();
	struct child c;
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 128 * 1024, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_cap_mint(ROOT_IOPORT, 0, ports, RIGHTS_ALL, 0x3F8, 0x3FF), TERN_OK);
	KCHECK_EQ(child_spawn_in(&c, q, ROLE_IOPORT, 0x3F9, 50), 0);
	KCHECK_EQ(child_give(&c, ports, KC_IOPORT, RIGHTS_ALL), TERN_OK);
	uint64_t before = quota_used_of(q);
	KCHECK_EQ(child_start(&c), TERN_OK);
	for (int i = 0; i < 500 && shared[1] != 0xBAD; i++)
		tern_sleep_ms(1);
	KCHECK_EQ(shared[1], 0xBAD);    /* both ports read */
	KCHECK_EQ(quota_used_of(q) - before, 8192);
	return 0;
}

/* A saved reply object was charged to nobody. */
KTEST(attack_saved_reply_is_charged)
{
	uint64_t q = slot(), ep = make(CAP_ENDPOINT, 0), n = make(CAP_NOTE, 0);
	struct child server, caller;
	KCHECK(ep && n);
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 128 * 1024, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_spawn_in(&server, q, ROLE_DEFER, 0, 50), 0);
	KCHECK_EQ(child_give(&server, ep, KC_EP, RIGHT_READ), TERN_OK);
	uint64_t before = quota_used_of(q);
	KCHECK_EQ(child_start(&server), TERN_OK);
	if (child_caller(&caller, 4, 50, ep, n))
		return 1;
	KCHECK_EQ(child_start(&caller), TERN_OK);
	tern_sleep_ms(20);              /* the server saved the caller's reply */
	KCHECK_EQ(quota_used_of(q) - before, 64);
	struct tern_msg m = { .info = MSG_INFO(0, 1, 0), .mr = { 5 } };
	KCHECK_EQ(tern_call(ep, &m), TERN_OK);
	KCHECK(wait_note(n, 1000));     /* the saved reply was used and freed */
	KCHECK_EQ(quota_used_of(q), before);
	return 0;
}

/* MEM_SPLIT charged the parent only the new quota's bytes, not its kernel
 * object: one-byte splits turned 64 KiB of quota into megabytes of heap. */
KTEST(attack_tiny_splits_pay_for_themselves)
{
	enum { QUOTA = 64 * 1024 };
	uint64_t q = slot(), frames = free_frames();
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, QUOTA, q, 0, 0, 0), TERN_OK);
	int made = 0;
	for (int i = 0; i < 2000; i++) {
		uint64_t s = slot();
		if (tern_invoke(q, MEM_SPLIT, 1, s, 0, 0, 0) != TERN_OK)
			break;
		made++;
	}
	KCHECK(made <= QUOTA / 256);
	KCHECK(frames - free_frames() <= QUOTA / 4096 + 4);
	return 0;
}

/*
 * SYS_DEBUG_WRITE needed no capability: any task could write 64 KiB to the
 * console with interrupts off (11 s at 115200 baud) and print lines that
 * look like the kernel's or init's. Now it takes a debug cap; copies init
 * hands out are badged, and the kernel tags their lines with the task and
 * limits their rate.
 */
KTEST(attack_debug_write_needs_a_cap)
{
	static char big[8192];
	uint64_t tagged = slot(), ro = slot(), raw = slot(), ep = make(CAP_ENDPOINT, 0);
	const char line[] = "ktest: a tagged line\n";
	KCHECK(ep);
	KCHECK_EQ(tern_sys(SYS_DEBUG_WRITE, slot(), (uint64_t)line, 5, 0, 0, 0).err, E_EMPTY_SLOT);
	KCHECK_EQ(tern_sys(SYS_DEBUG_WRITE, ep, (uint64_t)line, 5, 0, 0, 0).err, E_WRONG_TYPE);
	KCHECK_EQ(tern_cap_mint(ROOT_DEBUG, 0, tagged, RIGHT_WRITE, 1, 0), TERN_OK);
	KCHECK_EQ(tern_cap_copy(ROOT_DEBUG, 0, ro, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_sys(SYS_DEBUG_WRITE, ro, (uint64_t)line, 5, 0, 0, 0).err, E_NO_RIGHTS);
	KCHECK_EQ(tern_cap_mint(tagged, 0, raw, RIGHT_WRITE, 0, 0), E_BAD_ARG);   /* no untagging */
	KCHECK_EQ(tern_sys(SYS_DEBUG_WRITE, tagged, (uint64_t)line, sizeof(line) - 1, 0, 0, 0).err, TERN_OK);
	memset(big, 'x', sizeof(big));
	KCHECK_EQ(tern_sys(SYS_DEBUG_WRITE, tagged, (uint64_t)big, sizeof(big), 0, 0, 0).err, E_BUSY);
	return 0;
}

/* A server runs at its caller's priority while it owes it an answer; when
 * the caller died, the server kept that priority until it answered, which
 * a server that never answers never does. */
KTEST(attack_helping_ends_when_the_caller_dies)
{
	uint64_t ep = make(CAP_ENDPOINT, 0);
	struct child s, c, m;
	KCHECK(ep);
	KCHECK_EQ(child_spawn(&s, ROLE_RECV_SPIN, 0, 20), 0);
	KCHECK_EQ(child_give(&s, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(&s), TERN_OK);
	tern_sleep_ms(5);
	if (child_caller(&c, 1, 80, ep, 0))
		return 1;
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(5);               /* s serves c at priority 80, spinning */
	KCHECK(shared[24] > 0);
	KCHECK_EQ(tern_invoke(c.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_spawn(&m, ROLE_SPIN, 25, 50), 0);
	KCHECK_EQ(child_start(&m), TERN_OK);
	tern_sleep_ms(30);
	KCHECK(shared[25] > 0);         /* s is back at 20: the priority 50 task runs */
	return 0;
}

/*
 * A call to a server that never answers blocked its caller for good: the
 * way a hung or hostile server could stop init (which must keep handling
 * faults). A task's call timeout (TASK_SET_TIMEOUT) bounds every call it
 * makes, queued or delivered; the late answer then goes nowhere.
 */
KTEST(attack_call_timeout_bounds_a_silent_server)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), quiet = make(CAP_ENDPOINT, 0);
	struct child s;
	KCHECK(ep && quiet);
	KCHECK_EQ(child_spawn(&s, ROLE_RECV_HOLD, 0, 50), 0);
	KCHECK_EQ(child_give(&s, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(&s), TERN_OK);
	tern_sleep_ms(5);
	KCHECK_EQ(tern_invoke(ROOT_TASK, TASK_SET_TIMEOUT, 3600001, 0, 0, 0, 0), E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_TASK, TASK_SET_TIMEOUT, 20, 0, 0, 0, 0), TERN_OK);
	struct tern_msg m = { .info = MSG_INFO(0, 1, 0), .mr = { 1 } };
	uint64_t t0 = tern_uptime_ns();
	int delivered = tern_call(ep, &m);      /* s takes it and never answers */
	m.info = MSG_INFO(0, 1, 0);
	int queued = tern_call(quiet, &m);      /* nobody ever receives */
	uint64_t dt = tern_uptime_ns() - t0;
	tern_invoke(ROOT_TASK, TASK_SET_TIMEOUT, 0, 0, 0, 0, 0);
	KCHECK_EQ(delivered, E_TIMEOUT);
	KCHECK_EQ(queued, E_TIMEOUT);
	KCHECK(dt >= 40000000ull && dt < 500000000ull);
	/* And nothing of the queued call is left on quiet. */
	KCHECK_EQ(tern_nbrecv(quiet, &m), E_WOULD_BLOCK);
	return 0;
}

/*
 * Revocation is final. A cspace made from a revoked quota, still held from
 * outside, could be filled again after the revoke (a cap to itself put
 * back into it): a new cycle that no revoke reaches again, as the system
 * call fuzzer found (its quotas stayed pinned after every run).
 */
KTEST(attack_revoked_objects_cannot_be_refilled)
{
	uint64_t q = slot(), cs = slot(), x = slot(), out[6] = { 0 };
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 64 * 1024, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_CSPACE, cs, 2), TERN_OK);
	KCHECK_EQ(tern_invoke(q, MEM_REVOKE, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_cap_copy(cs, cs, 1, RIGHTS_ALL), E_BAD_SLOT);
	KCHECK_EQ(tern_mem_create(q, CAP_ENDPOINT, x, 0), E_DEAD);
	KCHECK_EQ(tern_invoke(q, MEM_SPLIT, 4096, x, 0, 0, 0), E_DEAD);
	KCHECK_EQ(tern_cap_delete(cs, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(q, MEM_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[1], 0);           /* nothing is pinned */
	return 0;
}

/* An irq object (taking a line) was charged to nobody. */
KTEST(attack_irq_object_is_charged)
{
	uint64_t q = slot(), n = make(CAP_NOTE, 0);
	struct child c;
	KCHECK(n);
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 128 * 1024, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_spawn_in(&c, q, ROLE_TAKE_IRQ, 5, 50), 0);
	KCHECK_EQ(child_give(&c, ROOT_IRQ_CONTROL, KC_RECV, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	uint64_t before = quota_used_of(q);
	KCHECK_EQ(child_start(&c), TERN_OK);
	KCHECK(wait_note(n, 500));
	KCHECK_EQ(shared[26], TERN_OK + 1);
	KCHECK_EQ(quota_used_of(q) - before, 256);
	return 0;
}

/* The tagged console budget was one for all: a task writing without pause
 * made every other program's diagnostics fail with E_BUSY. Each task now
 * has its own share within the common one. */
KTEST(attack_one_logger_cannot_silence_the_others)
{
	static char big[1500];
	uint64_t tagged = slot(), n = make(CAP_NOTE, 0);
	struct child c;
	KCHECK(n);
	KCHECK_EQ(tern_cap_mint(ROOT_DEBUG, 0, tagged, RIGHT_WRITE, 1, 0), TERN_OK);
	memset(big, '.', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\n';
	tern_sleep_ms(1100);            /* full buckets */
	/* We write all we are let, in smaller and smaller lines. */
	static const uint64_t sizes[] = { 1500, 400, 100, 30, 1 };
	for (unsigned k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		for (int i = 0; i < 100; i++)   /* each a line: the tail of big */
			if (tern_sys(SYS_DEBUG_WRITE, tagged, (uint64_t)big + sizeof(big) - sizes[k], sizes[k], 0, 0, 0).err)
				break;
	}
	/* Another task still gets its line out. */
	KCHECK_EQ(child_spawn(&c, ROLE_LOG_LINE, 0, 50), 0);
	KCHECK_EQ(child_give(&c, tagged, KC_RECV, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	KCHECK(wait_note(n, 500));
	KCHECK_EQ(shared[27], TERN_OK + 1);
	return 0;
}

/*
 * What outlives a revoke (here a dead task we still hold a cap to; in the
 * third review a dead caller in a server's reply right) kept its whole
 * quota alive, and so the quota's whole split charged to the parent: 8 MiB
 * for a 20 KiB task struct and stack. It is now charged to the parent
 * itself, and the rest of the quota comes back.
 */
KTEST(attack_revoked_survivor_does_not_pin_its_quota)
{
	uint64_t q = slot(), t = slot(), before = quota_used_of(ROOT_MEMORY);
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 1024 * 1024, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_TASK, t, 2), TERN_OK);
	KCHECK_EQ(tern_invoke(q, MEM_REVOKE, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(q, 0), TERN_OK);
	uint64_t held = quota_used_of(ROOT_MEMORY) - before;
	KCHECK_EQ(held, TASK_QUOTA_BYTES);      /* the dead task (its cspace died with it), nothing more */
	KCHECK_EQ(tern_cap_delete(t, 0), TERN_OK);
	KCHECK_EQ(quota_used_of(ROOT_MEMORY), before);
	return 0;
}
