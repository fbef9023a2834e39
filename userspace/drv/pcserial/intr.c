/* A terminal's ^C note (intr.h). */
#include "intr.h"
#include <proto/stream.h>
#include <tern/program.h>

static uint64_t spare;          /* where the next received cap lands */
static bool kept;               /* the last received cap moved to a registration */

void intr_arm(void)
{
	if (!spare)
		spare = slot_alloc();   /* 0 if none: caps are then refused */
	kept = false;
	tern_ipcbuf->recv_slots[0] = spare;
}

/* Remove entry i, deleting its note cap. */
static void drop(struct intr *t, unsigned i)
{
	if (t->e[i].note) {
		tern_cap_delete(t->e[i].note, 0);
		slot_free(t->e[i].note);
	}
	for (; i + 1 < t->n; i++)
		t->e[i] = t->e[i + 1];
	t->n--;
}

/* The index of owner's entry, or t->n. */
static unsigned find(const struct intr *t, uint64_t owner)
{
	unsigned i = 0;
	while (i < t->n && t->e[i].owner != owner)
		i++;
	return i;
}

/* Check the cap that came with MR0 = 1: 0 or the E_* code. */
static unsigned check_note(const struct tern_msg *m)
{
	struct tern_capinfo ci;
	if (!spare || MSG_NCAPS(m->info) != 1 || tern_cap_identify(spare, &ci))
		return E_BAD_ARG;
	if (ci.type != CAP_NOTE)
		return E_WRONG_TYPE;
	if (!(ci.rights & RIGHT_WRITE))
		return E_NO_RIGHTS;     /* we could not signal it */
	return 0;
}

unsigned intr_request(struct intr *t, const struct tern_msg *m)
{
	unsigned i = find(t, m->badge);
	if (m->mr[0] == 0) {
		if (i < t->n)
			drop(t, i);
		return 0;
	}
	unsigned err = m->mr[0] == 1 ? check_note(m) : 0;
	if (err)
		return err;
	if (i == t->n && t->n == INTR_STACK)
		return E_BUSY;
	if (i < t->n)
		drop(t, i);             /* its old entry: it moves to the top */
	struct intr_entry *e = &t->e[t->n++];
	e->owner = m->badge;
	e->note = 0;
	if (m->mr[0] == 1) {
		e->note = spare;
		spare = 0;
		kept = true;
	}
	return 0;
}

void intr_unused(unsigned ncaps)
{
	if (ncaps && !kept && spare)
		tern_cap_delete(spare, 0);
}

void intr_gone(struct intr *t, uint64_t badge)
{
	unsigned i = find(t, badge);
	if (i < t->n)
		drop(t, i);
}

void intr_fire(struct intr *t, unsigned n)
{
	if (n && intr_on(t))
		tern_signal(t->e[t->n - 1].note);
}
