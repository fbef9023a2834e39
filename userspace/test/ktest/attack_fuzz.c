/*
 * Kernel bugs the system call fuzzer (fuzz.c) found, as directed tests.
 * They crash or hang the kernel before their fix, so they are attack_
 * tests: `make check T=attack` runs them, the ordinary suite skips them.
 */
#include "ktest.h"

/*
 * A reply right outlives a stop: it still matches the task's next fault.
 * F faults; we take its fault message (and the reply right); we stop and
 * start F, so it faults again and that fault message waits in the
 * endpoint's queue. A task's call number only advances when a message is
 * delivered, so our old reply right matches the new, still queued fault:
 * replying readies F while it is still linked into the endpoint's queue
 * (one list link for both queues), and the run queue and the endpoint
 * queue get tangled. Seen by the fuzzer as a hang with the scheduler
 * taking an empty run queue's head for a task. We look before anything
 * runs, and stop the machine with the reason rather than hang.
 */
KTEST(attack_fuzz_stale_reply_after_stop)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), fep = slot();
	struct child f;
	struct tern_msg m;
	KCHECK(ep);
	if (faulted_child(&f, ep, fep))
		return 1;
	KCHECK_EQ(tern_nbrecv(ep, &m), TERN_OK);        /* its fault; we hold the reply */
	KCHECK_EQ(m.badge, 7);
	KCHECK_EQ(tern_invoke(f.task, TASK_STOP, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_task_start(f.task), TERN_OK);
	tern_sleep_ms(5);                               /* it faults again: queued on ep */
	KCHECK_EQ(child_state(&f), TASK_BLOCKED);
	m.info = 0;
	tern_reply(&m);                                 /* the old right: must not resume it */
	if (child_state(&f) != TASK_BLOCKED) {
		/* F is now in the run queue and in ep's queue at once: the next
		 * switch tangles them and the kernel hangs, which would cost the
		 * whole group its results and a scenario timeout. Say why and stop. */
		printf("FAIL attack_fuzz_stale_reply_after_stop: a stale reply right resumed a task "
		       "whose next fault was still queued (state %lu); the kernel's queues are now "
		       "corrupt, so the suite stops here\n", child_state(&f));
		tern_invoke(ROOT_MACHINE, MACHINE_FAIL, 3, 0, 0, 0, 0);
	}
	tern_sleep_ms(5);
	/* The second fault message is still there, once, and then nothing. */
	KCHECK_EQ(tern_nbrecv(ep, &m), TERN_OK);
	KCHECK_EQ(m.badge, 7);
	KCHECK_EQ(tern_invoke(f.task, TASK_KILL, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_nbrecv(ep, &m), E_WOULD_BLOCK);
	m.info = 0;
	tern_reply(&m);
	/* And the scheduler is still sound: a child runs and answers. */
	uint64_t n = make(CAP_NOTE, 0);
	struct child s;
	KCHECK(n);
	KCHECK_EQ(child_spawn(&s, ROLE_SIGNAL, 1, 50), 0);
	KCHECK_EQ(child_give(&s, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_start(&s), TERN_OK);
	KCHECK(wait_note(n, 200));
	return 0;
}
