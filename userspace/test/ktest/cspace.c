/* Capability operations: copy, mint, move, delete, identify. */
#include "ktest.h"

KTEST(cspace_copy_reduces_rights)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), c = slot();
	KCHECK(ep);
	KCHECK_EQ(tern_cap_copy(ep, 0, c, RIGHT_WRITE), TERN_OK);
	struct tern_capinfo ci;
	KCHECK_EQ(tern_cap_identify(c, &ci), TERN_OK);
	KCHECK_EQ(ci.type, CAP_ENDPOINT);
	KCHECK_EQ(ci.rights, RIGHT_WRITE);
	/* A receive needs READ, which the copy lacks. */
	struct tern_msg m;
	KCHECK_EQ(tern_nbrecv(c, &m), E_NO_RIGHTS);
	/* Copying cannot add rights back. */
	uint64_t d = slot();
	KCHECK_EQ(tern_cap_copy(c, 0, d, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_cap_identify(d, &ci), TERN_OK);
	KCHECK_EQ(ci.rights, RIGHT_WRITE);
	return 0;
}

KTEST(cspace_mint_badge_is_fixed)
{
	uint64_t n = make(CAP_NOTE, 0), b = slot(), c = slot();
	KCHECK(n);
	KCHECK_EQ(tern_cap_mint(n, 0, b, RIGHTS_ALL, 0x40, 0), TERN_OK);
	struct tern_capinfo ci;
	KCHECK_EQ(tern_cap_identify(b, &ci), TERN_OK);
	KCHECK_EQ(ci.badge, 0x40);
	KCHECK_EQ(tern_cap_mint(b, 0, c, RIGHTS_ALL, 0x80, 0), E_BAD_ARG);
	KCHECK_EQ(tern_cap_mint(b, 0, c, RIGHTS_ALL, 0x40, 0), TERN_OK);
	return 0;
}

KTEST(cspace_mint_ioport_only_narrows)
{
	uint64_t a = slot(), b = slot();
	KCHECK_EQ(tern_cap_mint(ROOT_IOPORT, 0, a, RIGHTS_ALL, 0x3F8, 0x3FF), TERN_OK);
	struct tern_capinfo ci;
	KCHECK_EQ(tern_cap_identify(a, &ci), TERN_OK);
	KCHECK_EQ(ci.type, CAP_IOPORT);
	KCHECK_EQ(ci.badge, 0x3F8);
	KCHECK_EQ(ci.extra, 0x3FF);
	KCHECK_EQ(tern_cap_mint(a, 0, b, RIGHTS_ALL, 0x3F0, 0x3FF), E_BAD_ARG);
	KCHECK_EQ(tern_cap_mint(a, 0, b, RIGHTS_ALL, 0x3F8, 0x400), E_BAD_ARG);
	KCHECK_EQ(tern_cap_mint(a, 0, b, RIGHTS_ALL, 0x3FC, 0x3FA), E_BAD_ARG);
	KCHECK_EQ(tern_cap_mint(a, 0, b, RIGHTS_ALL, 0x3FA, 0x3FC), TERN_OK);
	return 0;
}

KTEST(cspace_move_and_delete)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), to = slot();
	KCHECK(ep);
	KCHECK_EQ(tern_cap_move(ep, 0, to), TERN_OK);
	KCHECK_EQ(tern_cap_identify(ep, 0), E_EMPTY_SLOT);
	struct tern_capinfo ci;
	KCHECK_EQ(tern_cap_identify(to, &ci), TERN_OK);
	KCHECK_EQ(ci.type, CAP_ENDPOINT);
	KCHECK_EQ(tern_cap_delete(to, 0), TERN_OK);
	KCHECK_EQ(tern_cap_identify(to, 0), E_EMPTY_SLOT);
	return 0;
}

KTEST(cspace_destination_must_be_empty)
{
	uint64_t a = make(CAP_NOTE, 0), b = make(CAP_NOTE, 0);
	KCHECK(a && b);
	KCHECK_EQ(tern_cap_copy(a, 0, b, RIGHTS_ALL), E_SLOT_IN_USE);
	KCHECK_EQ(tern_cap_move(a, 0, b), E_SLOT_IN_USE);
	KCHECK_EQ(tern_cap_copy(a, 0, a, RIGHTS_ALL), E_SLOT_IN_USE);
	return 0;
}

KTEST(cspace_bad_slots)
{
	KCHECK_EQ(tern_cap_identify(0, 0), E_BAD_SLOT);
	KCHECK_EQ(tern_cap_identify(1u << ROOT_RADIX, 0), E_BAD_SLOT);
	KCHECK_EQ(tern_cap_identify(~0ull, 0), E_BAD_SLOT);
	KCHECK_EQ(tern_cap_copy(ROOT_MEMORY, 0, 1u << ROOT_RADIX, RIGHTS_ALL), E_BAD_SLOT);
	KCHECK_EQ(tern_cap_delete(99999, 0), E_BAD_SLOT);
	KCHECK_EQ(tern_signal(slot()), E_EMPTY_SLOT);
	KCHECK_EQ(tern_signal(ROOT_MEMORY), E_WRONG_TYPE);
	return 0;
}

KTEST(cspace_delete_last_cap_refunds_quota)
{
	uint64_t out[6];
	tern_invoke(ROOT_MEMORY, MEM_INFO, 0, 0, 0, 0, out);
	uint64_t used = out[1];
	uint64_t p = make(CAP_PAGE, 8), c = slot();
	KCHECK(p);
	KCHECK_EQ(tern_cap_copy(p, 0, c, RIGHTS_ALL), TERN_OK);
	tern_invoke(ROOT_MEMORY, MEM_INFO, 0, 0, 0, 0, out);
	KCHECK(out[1] >= used + 8 * 4096);
	tern_cap_delete(p, 0);
	tern_invoke(ROOT_MEMORY, MEM_INFO, 0, 0, 0, 0, out);
	KCHECK(out[1] >= used + 8 * 4096);     /* a copy still holds it */
	tern_cap_delete(c, 0);
	tern_invoke(ROOT_MEMORY, MEM_INFO, 0, 0, 0, 0, out);
	KCHECK_EQ(out[1], used);
	return 0;
}

KTEST(cspace_copy_into_another_task)
{
	struct child c;
	KCHECK_EQ(child_spawn(&c, ROLE_EXIT, 0, 50), 0);
	uint64_t n = make(CAP_NOTE, 0);
	KCHECK(n);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), E_SLOT_IN_USE);
	KCHECK_EQ(child_give(&c, n, 1u << KC_RADIX, RIGHT_WRITE), E_BAD_SLOT);
	KCHECK_EQ(tern_cap_delete(KC_NOTE, c.task), TERN_OK);
	KCHECK_EQ(child_give(&c, n, KC_NOTE, RIGHT_WRITE), TERN_OK);
	return 0;
}

/*
 * A long chain of cspaces, each held only by a slot of the one before:
 * deleting the head destroys them all. The kernel must not recurse once
 * per link (its stack is small), or a task could crash it this way.
 */
KTEST(cspace_long_chain_destroyed)
{
	enum { LINKS = 3000 };
	uint64_t head = slot(), a = slot(), b = slot(), tail = head;
	KCHECK_EQ(tern_mem_create(ROOT_MEMORY, CAP_CSPACE, head, 1), TERN_OK);
	for (int i = 0; i < LINKS; i++) {
		uint64_t next = i % 2 ? a : b;
		KCHECK_EQ(tern_mem_create(ROOT_MEMORY, CAP_CSPACE, next, 1), TERN_OK);
		KCHECK_EQ(tern_cap_copy(next, tail, 1, RIGHTS_ALL), TERN_OK);
		if (tail != head)
			KCHECK_EQ(tern_cap_delete(tail, 0), TERN_OK);
		tail = next;
	}
	KCHECK_EQ(tern_cap_delete(tail, 0), TERN_OK);
	KCHECK_EQ(tern_cap_delete(head, 0), TERN_OK);   /* the whole chain goes */
	return 0;                                        /* (the runner checks the quota came back) */
}

/*
 * Mint and copy give at most the source cap's rights, whatever is asked:
 * from a reduced cap, asking for all rights must not bring back the ones
 * it lacks. (A mint that took the requested rights as they came passed
 * every test before this one: none minted from a reduced cap.)
 */
KTEST(cspace_mint_and_copy_cannot_add_rights)
{
	uint64_t ep = make(CAP_ENDPOINT, 0), w = slot(), m = slot(), mm = slot(), c = slot();
	struct tern_capinfo ci;
	struct tern_msg msg;
	KCHECK(ep);
	KCHECK_EQ(tern_cap_copy(ep, 0, w, RIGHT_WRITE), TERN_OK);
	KCHECK_EQ(tern_cap_mint(w, 0, m, RIGHTS_ALL, 0x5, 0), TERN_OK);
	KCHECK_EQ(tern_cap_identify(m, &ci), TERN_OK);
	KCHECK_EQ(ci.rights, RIGHT_WRITE);
	KCHECK_EQ(ci.badge, 0x5);
	KCHECK_EQ(tern_nbrecv(m, &msg), E_NO_RIGHTS);
	/* Again from the minted cap, and a copy of it. */
	KCHECK_EQ(tern_cap_mint(m, 0, mm, RIGHT_READ | RIGHT_WRITE | RIGHT_GRANT, 0x5, 0), TERN_OK);
	KCHECK_EQ(tern_cap_identify(mm, &ci), TERN_OK);
	KCHECK_EQ(ci.rights, RIGHT_WRITE);
	KCHECK_EQ(tern_cap_copy(mm, 0, c, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_cap_identify(c, &ci), TERN_OK);
	KCHECK_EQ(ci.rights, RIGHT_WRITE);
	return 0;
}

/* The same for caps without badges: a read-only memory cap and port range. */
KTEST(cspace_mint_cannot_add_rights_to_memory_or_ports)
{
	uint64_t r = slot(), m = slot(), io = slot(), io2 = slot();
	struct tern_capinfo ci;
	KCHECK_EQ(tern_cap_copy(ROOT_MEMORY, 0, r, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_cap_mint(r, 0, m, RIGHTS_ALL, 0, 0), TERN_OK);
	KCHECK_EQ(tern_cap_identify(m, &ci), TERN_OK);
	KCHECK_EQ(ci.rights, RIGHT_READ);
	KCHECK_EQ(tern_mem_create(m, CAP_NOTE, slot(), 0), E_NO_RIGHTS);
	KCHECK_EQ(tern_cap_mint(ROOT_IOPORT, 0, io, RIGHT_READ, 0x3F8, 0x3FF), TERN_OK);
	KCHECK_EQ(tern_cap_mint(io, 0, io2, RIGHTS_ALL, 0x3F8, 0x3FF), TERN_OK);
	KCHECK_EQ(tern_cap_identify(io2, &ci), TERN_OK);
	KCHECK_EQ(ci.rights, RIGHT_READ);
	return 0;
}
