/*
 * Unit tests for the terminals' ^C registrations (userspace/drv/pcserial/
 * intr.c, shared by pcserial, hostterm, vgacon and fbcon), over a fake
 * cspace: the system calls intr.c makes are replaced below at link time.
 * What a hostile client could try: a ninth client on a full stack, caps
 * that are refused or come with the wrong request (none may stay in a
 * slot of ours), and taking another client's registration away.
 */
#include "unit.h"
#include "intr.h"
#include <abi/cap.h>
#include <abi/error.h>
#include <abi/msg.h>
#include <string.h>

#define NSLOTS 64

/* The fake cspace: which slots hold a cap, and of what kind. */
static struct {
	bool used[NSLOTS];
	uint64_t type[NSLOTS], rights[NSLOTS];
	unsigned signals[NSLOTS];
} cs;
static struct tern_ipcbuf ipcbuf;
struct tern_ipcbuf *tern_ipcbuf = &ipcbuf;

uint64_t slot_alloc(void)
{
	for (uint64_t s = 1; s < NSLOTS; s++)
		if (!cs.used[s]) {
			cs.used[s] = true;      /* reserved; empty until a cap lands */
			cs.type[s] = CAP_NULL;
			return s;
		}
	return 0;
}

void slot_free(uint64_t s) { cs.used[s] = false; }

int tern_cap_delete(uint64_t s, uint64_t cspace)
{
	(void)cspace;
	cs.type[s] = CAP_NULL;
	return 0;
}

int tern_cap_identify(uint64_t s, struct tern_capinfo *ci)
{
	if (s >= NSLOTS || cs.type[s] == CAP_NULL)
		return E_EMPTY_SLOT;
	memset(ci, 0, sizeof(*ci));
	ci->type = cs.type[s];
	ci->rights = cs.rights[s];
	return 0;
}

int tern_signal(uint64_t s)
{
	cs.signals[s]++;
	return 0;
}

/* Caps held now (slots with something in them). */
static unsigned held(void)
{
	unsigned n = 0;
	for (unsigned s = 0; s < NSLOTS; s++)
		n += cs.type[s] != CAP_NULL;
	return n;
}

/* A new terminal, and no caps held. The slots stay reserved: intr.c
 * keeps its spare slot from test to test, as a server keeps it. */
static void reset(struct intr *t)
{
	memset(cs.type, 0, sizeof(cs.type));
	memset(cs.signals, 0, sizeof(cs.signals));
	memset(t, 0, sizeof(*t));
}

/* One STREAM_INTR from client badge: mr0, and a cap of type (0: none)
 * landing in the slot intr_arm named. Returns intr_request's answer, after
 * intr_unused as the server loop does. */
static unsigned request(struct intr *t, uint64_t badge, uint64_t mr0, uint64_t type, uint64_t rights)
{
	intr_arm();
	unsigned ncaps = 0;
	if (type) {
		uint64_t s = tern_ipcbuf->recv_slots[0];
		if (s) {
			cs.type[s] = type, cs.rights[s] = rights;
			ncaps = 1;
		}
	}
	struct tern_msg m = { .info = MSG_INFO(0, 1, ncaps), .badge = badge };
	m.mr[0] = mr0;
	unsigned err = intr_request(t, &m);
	intr_unused(ncaps);
	return err;
}

TEST(ninth_client_is_refused)
{
	struct intr t;
	reset(&t);
	for (uint64_t c = 1; c <= INTR_STACK; c++)
		CHECK_EQ(request(&t, c, 2, 0, 0), 0);
	CHECK_EQ(t.n, INTR_STACK);
	CHECK_EQ(request(&t, 100, 2, 0, 0), E_BUSY);
	CHECK_EQ(t.n, INTR_STACK);
	/* The refused one's note cap is not kept either. */
	CHECK_EQ(request(&t, 100, 1, CAP_NOTE, RIGHT_WRITE), E_BUSY);
	CHECK_EQ(held(), 0);
	CHECK(!intr_on(&t));
	/* A registered client may still move to the top on a full stack. */
	CHECK_EQ(request(&t, 3, 1, CAP_NOTE, RIGHT_WRITE), 0);
	CHECK_EQ(t.n, INTR_STACK);
	CHECK_EQ(t.e[INTR_STACK - 1].owner, 3);
	CHECK(intr_on(&t));
	CHECK_EQ(held(), 1);
	/* Once one is gone, a new client fits. */
	intr_gone(&t, 5);
	CHECK_EQ(request(&t, 100, 2, 0, 0), 0);
	CHECK_EQ(t.e[INTR_STACK - 1].owner, 100);
	CHECK(!intr_on(&t));
}

TEST(refused_caps_are_not_kept)
{
	struct intr t;
	reset(&t);
	CHECK_EQ(request(&t, 1, 1, 0, 0), E_BAD_ARG);                  /* MR0 = 1 without a cap */
	CHECK_EQ(request(&t, 1, 1, CAP_ENDPOINT, RIGHT_WRITE), E_WRONG_TYPE);
	CHECK_EQ(request(&t, 1, 1, CAP_NOTE, RIGHT_READ), E_NO_RIGHTS);
	CHECK_EQ(held(), 0);
	CHECK_EQ(t.n, 0);
	/* Many caps sent with registrations that take none: none stays. */
	for (int i = 0; i < 200; i++)
		CHECK_EQ(request(&t, 1, 2, CAP_NOTE, RIGHT_WRITE), 0);
	CHECK_EQ(held(), 0);
	CHECK_EQ(t.n, 1);
}

TEST(a_client_drops_only_its_own)
{
	struct intr t;
	reset(&t);
	CHECK_EQ(request(&t, 1, 1, CAP_NOTE, RIGHT_WRITE), 0);  /* the shell */
	uint64_t shell_note = t.e[0].note;
	CHECK_EQ(request(&t, 2, 0, 0, 0), 0);                   /* another's drop */
	CHECK_EQ(t.n, 1);
	CHECK(intr_on(&t));
	CHECK_EQ(request(&t, 2, 2, 0, 0), 0);                   /* "^C is my input" over it */
	CHECK(!intr_on(&t));
	intr_fire(&t, 1);
	CHECK_EQ(cs.signals[shell_note], 0);
	intr_gone(&t, 2);                                       /* it ends: the shell's again */
	CHECK(intr_on(&t));
	intr_fire(&t, 3);
	CHECK_EQ(cs.signals[shell_note], 1);
	CHECK_EQ(request(&t, 1, 0, 0, 0), 0);                   /* its own drop */
	CHECK_EQ(t.n, 0);
	CHECK_EQ(held(), 0);
}
