/* A capability: a typed, rights-limited reference to a kernel object. */
#pragma once
#include <object/kobj.h>

struct cap {
	uint8_t type;           /* enum tern_cap_type; CAP_NULL = empty slot */
	uint8_t rights;
	uint16_t reserved;
	uint32_t reserved2;
	struct kobj *obj;       /* 0 for objectless caps (ioport, irq-control, machine) */
	uint64_t badge;         /* endpoint/note badge; ioport: first port */
	uint64_t extra;         /* ioport: last port */
};

/* Take a reference for a new cap to o and fill it in. */
void cap_make(struct cap *c, uint8_t type, uint8_t rights, struct kobj *o, uint64_t badge, uint64_t extra);
/* Empty a slot, dropping its reference. */
void cap_clear(struct cap *c);
