/* An interrupt line handed to userspace, delivered as note signals. */
#pragma once
#include <object/kobj.h>

struct note;

struct irq {
	struct kobj hdr;
	unsigned line;
	struct note *note;      /* holds a reference */
	uint64_t badge;
};

void irq_destroy(struct irq *irq);
/* Called from the trap path for lines 1..15. */
void irq_deliver(unsigned line);
