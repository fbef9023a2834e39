/* Who may read a port: the owner; others wait their turn (see readers.h). */
#include "readers.h"
#include <abi/error.h>
#include <string.h>

void readers_init(struct readers *r)
{
	memset(r, 0, sizeof(*r));
}

static struct reader *find(struct readers *r, uint64_t badge)
{
	for (unsigned i = 0; i < r->n; i++)
		if (r->wait[i].badge == badge)
			return &r->wait[i];
	return 0;
}

static void remove_at(struct readers *r, unsigned i)
{
	memmove(&r->wait[i], &r->wait[i + 1], (r->n - i - 1) * sizeof(r->wait[0]));
	r->n--;
}

static void forget_lender(struct readers *r, uint64_t badge)
{
	unsigned k = 0;
	for (unsigned i = 0; i < r->nlenders; i++)
		if (r->lenders[i] != badge)
			r->lenders[k++] = r->lenders[i];
	r->nlenders = k;
}

/* badge takes the port from an owner that is not reading; the owner lends it. */
static void borrow(struct readers *r, uint64_t badge)
{
	forget_lender(r, badge);
	forget_lender(r, r->owner);
	if (r->nlenders == READERS_LENDERS) {
		memmove(r->lenders, r->lenders + 1, (READERS_LENDERS - 1) * sizeof(r->lenders[0]));
		r->nlenders--;
	}
	r->lenders[r->nlenders++] = r->owner;
	r->owner = badge;
}

bool readers_arrive(struct readers *r, uint64_t badge, uint64_t *older)
{
	struct reader *mine = find(r, badge);
	*older = mine ? mine->reply : 0;
	if (!r->owned) {
		r->owned = true;
		r->owner = badge;
	}
	if (r->owner == badge) {
		readers_take(r, badge);
		return true;
	}
	if (mine) {
		mine->reply = 0;        /* its replacement keeps this place */
		return false;
	}
	if (readers_ready(r))
		return false;           /* the owner is reading: wait in line */
	borrow(r, badge);
	return true;
}

unsigned readers_wait(struct readers *r, uint64_t badge, uint64_t reply, size_t max)
{
	struct reader *mine = find(r, badge);
	if (!mine) {
		if (r->n == READERS_MAX)
			return E_BUSY;
		mine = &r->wait[r->n++];
	}
	*mine = (struct reader){ badge, reply, max };
	return 0;
}

uint64_t readers_take(struct readers *r, uint64_t badge)
{
	for (unsigned i = 0; i < r->n; i++) {
		if (r->wait[i].badge == badge) {
			uint64_t reply = r->wait[i].reply;
			remove_at(r, i);
			return reply;
		}
	}
	return 0;
}

const struct reader *readers_ready(const struct readers *r)
{
	for (unsigned i = 0; i < r->n && r->owned; i++)
		if (r->wait[i].badge == r->owner && r->wait[i].reply)
			return &r->wait[i];
	return 0;
}

unsigned readers_gone(struct readers *r, uint64_t badge, uint64_t *out)
{
	unsigned k = 0;
	for (unsigned i = 0; i < r->n;) {
		if (r->wait[i].badge != badge) {
			i++;
			continue;
		}
		if (r->wait[i].reply)
			out[k++] = r->wait[i].reply;
		remove_at(r, i);
	}
	forget_lender(r, badge);
	if (r->owned && r->owner == badge) {
		if (r->nlenders)
			r->owner = r->lenders[--r->nlenders];
		else if (r->n)
			r->owner = r->wait[r->n - 1].badge;
		else
			r->owned = false;
	}
	return k;
}
