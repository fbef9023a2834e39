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

static void drop(struct intr *t)
{
	if (t->note) {
		tern_cap_delete(t->note, 0);
		slot_free(t->note);
	}
	t->note = t->owner = 0;
}

unsigned intr_request(struct intr *t, const struct tern_msg *m)
{
	if (m->mr[0] == 0) {
		if (t->note && t->owner == m->badge)
			drop(t);
		return 0;
	}
	struct tern_capinfo ci;
	if (!spare || MSG_NCAPS(m->info) != 1 || tern_cap_identify(spare, &ci))
		return E_BAD_ARG;
	if (ci.type != CAP_NOTE)
		return E_WRONG_TYPE;
	if (!(ci.rights & RIGHT_WRITE))
		return E_NO_RIGHTS;     /* we could not signal it */
	drop(t);
	t->note = spare;
	t->owner = m->badge;
	spare = 0;
	kept = true;
	return 0;
}

void intr_unused(unsigned ncaps)
{
	if (ncaps && !kept && spare)
		tern_cap_delete(spare, 0);
}

void intr_gone(struct intr *t, uint64_t badge)
{
	if (t->note && t->owner == badge)
		drop(t);
}

void intr_fire(struct intr *t, unsigned n)
{
	if (n && t->note)
		tern_signal(t->note);
}
