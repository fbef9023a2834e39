/* A cspace: 2^radix capability slots. Slot 0 is always empty. */
#pragma once
#include <object/cap.h>

#define CSPACE_MAX_RADIX 12

struct cspace {
	struct kobj hdr;
	unsigned radix;
	int revoked;            /* its quota was revoked: holds nothing, ever again */
	struct cap *slots;      /* 2^radix entries, in whole frames */
};

struct cspace *cspace_create(unsigned radix);
void cspace_destroy(struct cspace *cs);
/* Empty every slot (kill path: breaks reference cycles). */
void cspace_clear(struct cspace *cs);
/* The slot, or 0 if idx is outside the cspace. Slot 0 counts as outside. */
struct cap *cspace_slot(struct cspace *cs, uint64_t idx);
