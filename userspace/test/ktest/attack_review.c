/*
 * Attacks found by the second review (after the "Isolation holds" fixes).
 * Each test here fails on the commit it was written against; the names
 * start with attack_rv_ (only=attack_rv_ runs just these).
 */
#include "ktest.h"

/* Server s (HOLD_ECHO on ep, waiting for go before it answers) and caller
 * c (CALLER on ep, signalling done) started: s will hold c's call. */
static int held_call(struct child *s, struct child *c, uint64_t ep, uint64_t go, uint64_t done)
{
	KCHECK_EQ(child_spawn(s, ROLE_HOLD_ECHO, 0, 50), 0);
	KCHECK_EQ(child_give(s, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_give(s, go, KC_NOTE, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(s), TERN_OK);
	KCHECK_EQ(child_spawn(c, ROLE_CALLER, 1, 50), 0);
	KCHECK_EQ(child_give(c, ep, KC_EP, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(c, done, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(c), TERN_OK);
	return 0;
}

/*
 * A stale reply right resumes a task queued on its fault endpoint.
 * TASK_STOP takes a caller out of BLOCK_REPLY without bumping call_seq,
 * and a fault that has to wait in the fault endpoint's queue does not
 * bump it either. So the server still holding the old reply right finds
 * the caller BLOCKED, with the same seq and block == BLOCK_FAULT, and
 * reply_to_caller (endpoint.c) "resumes the faulting task": sched_ready
 * links its qlink into the run queue while it is still linked in the
 * endpoint's waiter list (blocked_on still set). The lists are corrupt
 * from then on; the task runs its faulting instruction again. (The same
 * hole in ipc_abort_call stops such a task while it stays queued.)
 *
 * Kill the task and drop its last cap and the endpoint's queue still
 * points into the freed struct: on a4e74ae the next receive on the fault
 * endpoint takes #GP on the poison in list_del (take_waiter, endpoint.c
 * ipc_recv): KERNEL PANIC. So this test is first in the file (the linker
 * section lists a file's tests in reverse) and runs last.
 */
KTEST(attack_rv_stale_reply_resumes_a_queued_fault)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), go = make(CAP_NOTE, 0), done = make(CAP_NOTE, 0);
	struct child s, c;
	KCHECK(ep && go && done);
	if (held_call(&s, &c, ep, go, done))
		return 1;
	tern_sleep_ms(20);              /* s holds c's reply right */
	KCHECK_EQ(child_state(&c), TASK_BLOCKED);
	KCHECK_EQ(tern_invoke(c.task, TASK_STOP, 0, 0, 0, 0, 0), TERN_OK);
	/* Restart it at an unmapped address: it faults at once and waits in
	 * the suite's fault endpoint, where nobody receives yet. */
	KCHECK_EQ(tern_task_set_regs(c.task, 0x1000, KC_STACK_TOP, 0, 0), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(20);
	uint64_t out[6] = { 0 };
	KCHECK_EQ(tern_invoke(c.task, TASK_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[0], TASK_BLOCKED);
	KCHECK_EQ(out[2], 1);           /* one fault, queued */
	KCHECK_EQ(tern_signal(go), TERN_OK);    /* s answers the call c gave up */
	tern_sleep_ms(20);
	KCHECK_EQ(tern_invoke(c.task, TASK_INFO, 0, 0, 0, 0, out), TERN_OK);
	if (out[2] != 1) {
		/* Say it now: cleaning up (killing c) walks the corrupt lists. */
		printf("ktest: attack_rv_stale_reply_resumes_a_queued_fault: the stale reply resumed "
		       "a task queued on its fault endpoint; it has faulted %lu times (state %lu)\n",
		       out[2], out[0]);
		/* Kill it and drop its last cap: the endpoint's queue still
		 * points into the freed task, which the next receive reads. */
		tern_invoke(c.task, TASK_KILL, 0, 0, 0, 0, 0);
		tern_cap_delete(c.task, 0);
		struct tern_msg m;
		for (int i = 0; i < 3; i++) {
			int e = tern_nbrecv(fault_ep, &m);
			printf("ktest: attack_rv_stale_reply_resumes_a_queued_fault: receive %d on the "
			       "fault endpoint after the task was freed: %d, badge %lu, label %lu\n",
			       i, e, m.badge, (uint64_t)MSG_LABEL(m.info));
		}
		return kfail("a stale reply resumed a task queued on its fault endpoint (%lu faults)", out[2]);
	}
	struct tern_msg m;
	KCHECK_EQ(wait_fault(&m, 100), 0);     /* its one fault message */
	return 0;
}

/*
 * Page tables, mapping records, saved replies and port bitmaps are charged
 * to the quota the *task* was made from (vspace.c quota_of), and init
 * made every program's task from ROOT_MEMORY (sbin/init/prog.c
 * prog_start). So a program mapped one page of its own quota into itself
 * every 2 MiB and each mapping took a new 4 KiB page table from init's
 * quota. init now makes each program's task from the program's quota (as
 * this child is made); attack-init.run checks init itself.
 */
KTEST(attack_rv_program_maps_on_inits_quota)
{
	enum { QUOTA = TASK_COST(KC_RADIX) + 64 * 1024, TRIES = 128 };
	uint64_t q = slot(), n = make(CAP_NOTE, 0);
	struct child c;
	KCHECK(n);
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, QUOTA, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(child_spawn_in(&c, q, ROLE_RV_MAP_SPREAD, TRIES, 50), 0);
	KCHECK_EQ(child_give(&c, q, KC_RV_MEM, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	uint64_t root_before = quota_used_of(ROOT_MEMORY), frames = free_frames();
	KCHECK_EQ(child_start(&c), TERN_OK);
	KCHECK(wait_note(n, 3000));
	uint64_t root_paid = quota_used_of(ROOT_MEMORY) - root_before, spent = frames - free_frames();
	if (spent > QUOTA / 4096 + 4)
		return kfail("a program with a %d KiB quota made %lu mappings (last error %ld): "
			     "the kernel spent %lu KiB, %lu KiB of it charged to ROOT_MEMORY",
			     QUOTA / 1024, shared[150], (long)shared[151], spent * 4, root_paid / 1024);
	return 0;
}

/*
 * TASK_CSPACE hands out a cap to the task's cspace, but that cspace is
 * paid only as part of the task's charge (memory.c create_cost). Delete
 * the task: its whole charge is refunded, yet the cspace (up to 32 frames
 * at radix 12) lives on behind the cspace cap, charged to nobody.
 */
KTEST(attack_rv_task_cspace_outlives_its_charge)
{
	enum { QUOTA = 192 * 1024, ROUNDS = 16 };
	uint64_t q = slot(), frames = free_frames();
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, QUOTA, q, 0, 0, 0), TERN_OK);
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t = slot(), cs = slot();
		if (tern_mem_create(q, CAP_TASK, t, 12) == E_NO_MEMORY)
			break;          /* the orphaned cspaces still use the quota */
		KCHECK_EQ(tern_invoke(t, TASK_CSPACE, cs, 0, 0, 0, 0), TERN_OK);
		KCHECK_EQ(tern_cap_delete(t, 0), TERN_OK);
	}
	uint64_t used = quota_used_of(q), spent = frames - free_frames();
	if (spent > QUOTA / 4096 + 4)
		return kfail("a %d KiB quota now pays %lu bytes, but the kernel holds %lu KiB more "
			     "in the cspaces of %d deleted tasks", QUOTA / 1024, used, spent * 4, ROUNDS);
	return 0;
}

/*
 * The same orphaned cspace made into a cycle: its cap moved into itself.
 * It is charged to no quota, so MEM_REVOKE (the cure for cycles) never
 * sees it and deleting the quota gives nothing back: 128 KiB gone for
 * good each time, from a quota that was fully refunded.
 */
KTEST(attack_rv_orphan_cspace_cycle_survives_revoke)
{
	uint64_t q = slot(), t = slot(), cs = slot(), frames = free_frames();
	KCHECK_EQ(tern_invoke(ROOT_MEMORY, MEM_SPLIT, 192 * 1024, q, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_mem_create(q, CAP_TASK, t, 12), TERN_OK);
	KCHECK_EQ(tern_invoke(t, TASK_CSPACE, cs, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(t, 0), TERN_OK);
	KCHECK_EQ(tern_cap_move(cs, cs, 1), TERN_OK);   /* the only cap to it, inside it */
	KCHECK_EQ(tern_invoke(q, MEM_REVOKE, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(q, 0), TERN_OK);
	uint64_t spent = frames - free_frames();
	if (spent > 4)
		return kfail("%lu KiB stay allocated after MEM_REVOKE and deleting the quota", spent * 4);
	return 0;
}

/*
 * Tagged SYS_DEBUG_WRITE counts only the caller's bytes against the rate
 * limit, not the "[ID NAME] " tag the kernel prints before every line
 * (debug_write.c write_tagged). With a 23-character name each newline
 * costs 1 byte of budget and prints 29: the 4 KiB/s budget becomes about
 * 116 KiB/s of console output, all written with interrupts off, about ten
 * seconds of 115200 baud per second: the machine stalls.
 */
KTEST(attack_rv_debug_tags_outrun_the_rate_limit)
{
	static const char name[] = "rv-aaaaaaaaaaaaaaaaaaaa";
	static char nl[64], line[600];         /* 64 tagged lines: 1856 bytes, within one task's 2 KiB */
	uint64_t tagged = slot();
	KCHECK_EQ(tern_cap_mint(ROOT_DEBUG, 0, tagged, RIGHT_WRITE, 1, 0), TERN_OK);
	memset(nl, '\n', sizeof(nl));
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';
	tern_sleep_ms(2100);            /* a full burst of budget (our own fills at 1 KiB/s) */
	KCHECK_EQ(tern_invoke(ROOT_TASK, TASK_SET_NAME, (uint64_t)name, sizeof(name) - 1, 0, 0, 0), TERN_OK);
	uint64_t e1 = tern_sys(SYS_DEBUG_WRITE, tagged, (uint64_t)nl, sizeof(nl), 0, 0, 0).err;
	uint64_t e2 = tern_sys(SYS_DEBUG_WRITE, tagged, (uint64_t)line, sizeof(line), 0, 0, 0).err;
	tern_invoke(ROOT_TASK, TASK_SET_NAME, (uint64_t)"test/ktest", 10, 0, 0, 0);
	KCHECK_EQ(e1, TERN_OK);
	if (e2 == TERN_OK)
		return kfail("%d newlines printed %d bytes of tags but cost %d bytes of the "
			     "budget, so %d more bytes went out too", (int)sizeof(nl),
			     (int)sizeof(nl) * (int)(sizeof(name) + 5), (int)sizeof(nl), (int)sizeof(line));
	KCHECK_EQ(e2, E_BUSY);
	return 0;
}

/*
 * Helping keeps the priority a server had before the call in
 * reply_saved_prio and end_helping restores max(saved, prio) at reply.
 * A supervisor that lowers the server with TASK_SET_PRIO while it holds
 * the reply is undone at the reply: the server is back at its old
 * priority for good (every later call saves that again), though TASK_INFO
 * says 10. Here it then starves a priority 30 task.
 */
KTEST(attack_rv_reply_undoes_a_lowered_priority)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), go = make(CAP_NOTE, 0), done = make(CAP_NOTE, 0);
	struct child s, c, x;
	KCHECK(ep && go && done);
	KCHECK_EQ(child_spawn(&s, ROLE_RV_HELP_SPIN, 0, 60), 0);
	KCHECK_EQ(child_give(&s, ep, KC_EP, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_give(&s, go, KC_NOTE, RIGHT_READ), TERN_OK);
	KCHECK_EQ(child_start(&s), TERN_OK);
	if (child_caller(&c, 1, 60, ep, done))
		return 1;
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(20);              /* s holds c's reply and waits for go */
	KCHECK_EQ(tern_invoke(s.task, TASK_SET_PRIO, 10, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_signal(go), TERN_OK);
	KCHECK(wait_note(done, 1000));
	KCHECK_EQ(shared[2], 0x600D);   /* s replied and spins now */
	KCHECK_EQ(child_spawn(&x, ROLE_SPIN, 153, 30), 0);
	KCHECK_EQ(child_start(&x), TERN_OK);
	tern_sleep_ms(50);
	uint64_t out[6] = { 0 };
	tern_invoke(s.task, TASK_INFO, 0, 0, 0, 0, out);
	if (!shared[153])
		return kfail("the server, set to priority %lu, spun %lu times after its reply "
			     "while a priority 30 task never ran", out[1], shared[152]);
	return 0;
}

/*
 * The tag on a program's debug lines ("[ID NAME] ") was meant to stop
 * programs passing lines off as the kernel's or init's, but TASK_SET_NAME
 * (task_ops.c) takes any bytes, and a program holds a full cap to its own
 * task (PROG_SELF): a name with a newline in it starts a fresh, untagged
 * console line in every tag and in the kernel's own fault reports.
 */
KTEST(attack_rv_task_name_forges_console_lines)
{
	static const char name[] = "x\ntern: power off";
	const char msg[] = " requested by init\n";
	uint64_t tagged = slot(), out[6] = { 0 };
	KCHECK_EQ(tern_cap_mint(ROOT_DEBUG, 0, tagged, RIGHT_WRITE, 1, 0), TERN_OK);
	KCHECK_EQ(tern_invoke(ROOT_TASK, TASK_INFO, 0, 0, 0, 0, out), TERN_OK);
	uint64_t id = out[3];
	int err = tern_invoke(ROOT_TASK, TASK_SET_NAME, (uint64_t)name, sizeof(name) - 1, 0, 0, 0);
	int forged = 0;
	if (err == TERN_OK) {
		tern_sys(SYS_DEBUG_WRITE, tagged, (uint64_t)msg, sizeof(msg) - 1, 0, 0, 0);
		for (uint64_t i = 0; tern_invoke(ROOT_MACHINE, MACHINE_TASKS, i, 0, 0, 0, out) == TERN_OK; i++) {
			if (out[0] != id)
				continue;
			const char *n = (const char *)&out[3];
			for (int k = 0; k < 23 && n[k]; k++)
				forged |= (unsigned char)n[k] < 0x20;
		}
	}
	tern_invoke(ROOT_TASK, TASK_SET_NAME, (uint64_t)"test/ktest", 10, 0, 0, 0);
	if (forged)
		return kfail("a task name with a newline was accepted: tagged lines and fault reports "
			     "print a line of the task's choosing");
	return 0;
}

/*
 * The ipc_abort_call half of the stale-seq hole: the server holding the
 * old reply right dies, ipc_abort_call finds the caller BLOCKED with the
 * same seq and block == BLOCK_FAULT and makes it TASK_STOPPED, though it
 * is still linked in the fault endpoint's queue (blocked_on set). The
 * fault message stays queued for a stopped task, and TASK_START then links
 * the same qlink into the run queue.
 */
KTEST(attack_rv_stale_abort_stops_a_queued_fault)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), go = make(CAP_NOTE, 0), done = make(CAP_NOTE, 0);
	struct child s, c;
	KCHECK(ep && go && done);
	if (held_call(&s, &c, ep, go, done))
		return 1;
	tern_sleep_ms(20);
	KCHECK_EQ(tern_invoke(c.task, TASK_STOP, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_task_set_regs(c.task, 0x1000, KC_STACK_TOP, 0, 0), TERN_OK);
	KCHECK_EQ(child_start(&c), TERN_OK);
	tern_sleep_ms(20);
	KCHECK_EQ(child_state(&c), TASK_BLOCKED);       /* its fault waits in the queue */
	KCHECK_EQ(tern_invoke(s.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	uint64_t state = child_state(&c);
	if (state != TASK_BLOCKED) {
		printf("ktest: attack_rv_stale_abort_stops_a_queued_fault: the dead server's stale "
		       "reply right made a queued task state %lu\n", state);
		return kfail("killing a server with a stale reply right changed a queued fault's "
			     "task to state %lu", state);
	}
	struct tern_msg m;
	KCHECK_EQ(wait_fault(&m, 100), 0);
	return 0;
}
