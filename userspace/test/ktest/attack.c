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
