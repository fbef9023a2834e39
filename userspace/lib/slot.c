/*
 * Cspace slot allocation for programs: a bump pointer over the slots above
 * the ones init filled in, and a small free list for slots given back.
 */
#include <tern/program.h>

static uint64_t next, limit;
static uint64_t freed[64];
static int nfreed;

void slot_init(uint64_t first, unsigned radix)
{
	next = first;
	limit = (uint64_t)1 << radix;
}

uint64_t slot_alloc(void)
{
	if (nfreed)
		return freed[--nfreed];
	if (!limit) {
		next = prog_info ? prog_info->first_free_slot : 64;
		limit = (uint64_t)1 << (prog_info ? prog_info->radix : PROG_RADIX);
	}
	return next < limit ? next++ : 0;
}

void slot_free(uint64_t slot)
{
	if (slot && nfreed < 64)
		freed[nfreed++] = slot;
}
