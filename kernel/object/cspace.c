/*
 * Capability spaces. The slot array takes whole frames (2^radix x 32
 * bytes), so a radix-12 cspace is 128 KiB; creation charges that to the
 * caller's memory quota (see memory.c).
 */
#include <arch/layout.h>
#include <heap.h>
#include <object/cspace.h>
#include <pmm.h>

static unsigned frames_for(unsigned radix)
{
	uint64_t bytes = ((uint64_t)1 << radix) * sizeof(struct cap);
	return (unsigned)((bytes + PAGE_SIZE - 1) / PAGE_SIZE);
}

struct cspace *cspace_create(unsigned radix)
{
	if (radix < 1 || radix > CSPACE_MAX_RADIX)
		return 0;
	struct cspace *cs = kzalloc(sizeof(*cs));
	if (!cs)
		return 0;
	uint64_t pa = pmm_alloc_contig(frames_for(radix));
	if (!pa) {
		kfree(cs);
		return 0;
	}
	cs->hdr.type = CAP_CSPACE;
	cs->radix = radix;
	cs->slots = phys_to_virt(pa);
	return cs;
}

void cspace_clear(struct cspace *cs)
{
	for (uint64_t i = 1; i < ((uint64_t)1 << cs->radix); i++)
		if (cs->slots[i].type != CAP_NULL)
			cap_clear(&cs->slots[i]);
}

void cspace_destroy(struct cspace *cs)
{
	cspace_clear(cs);
	uint64_t pa = virt_to_phys(cs->slots);
	for (unsigned i = 0; i < frames_for(cs->radix); i++)
		pmm_free(pa + (uint64_t)i * PAGE_SIZE);
	kfree(cs);
}

struct cap *cspace_slot(struct cspace *cs, uint64_t idx)
{
	if (!cs || cs->revoked || idx == 0 || idx >= ((uint64_t)1 << cs->radix))
		return 0;
	return &cs->slots[idx];
}
