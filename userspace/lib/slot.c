/*
 * Cspace slot allocation for programs: a bitmap of the slots above the ones
 * init filled in. A bitmap rather than a free list, because a program (init
 * above all) may give back many slots at once and take them again later:
 * a bounded free list would lose the overflow, and the slots with it.
 * Cspaces have at most 2^SLOT_RADIX_MAX slots (manifests allow radix 12,
 * and so does the root task's).
 */
#include <tern/program.h>

#define SLOT_RADIX_MAX 12
#define SLOT_WORDS ((1u << SLOT_RADIX_MAX) / 64)

static uint64_t first, limit, hint;
static uint64_t used[SLOT_WORDS];

void slot_init(uint64_t first_free, unsigned radix)
{
	first = hint = first_free;
	limit = (uint64_t)1 << (radix < SLOT_RADIX_MAX ? radix : SLOT_RADIX_MAX);
}

uint64_t slot_alloc(void)
{
	if (!limit)
		slot_init(prog_info ? prog_info->first_free_slot : 64, prog_info ? prog_info->radix : PROG_RADIX);
	/* From the hint (just above the last one taken) round to it again. */
	for (uint64_t k = 0, n = limit > first ? limit - first : 0; k < n; k++) {
		uint64_t s = first + (hint - first + k) % n;
		if (!(used[s / 64] & (1ull << (s % 64)))) {
			used[s / 64] |= 1ull << (s % 64);
			hint = s + 1 < limit ? s + 1 : first;
			return s;
		}
	}
	return 0;
}

void slot_free(uint64_t slot)
{
	if (slot >= first && slot < limit)
		used[slot / 64] &= ~(1ull << (slot % 64));
}
