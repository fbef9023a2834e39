/* Endpoint: a rendezvous point for synchronous IPC. */
#pragma once
#include <object/kobj.h>
#include <list.h>

struct endpoint {
	struct kobj hdr;
	struct list waiters;    /* tasks blocked here, all senders or all receivers */
	int receivers;          /* 1 if the waiters are receivers */
};

struct endpoint *endpoint_create(void);
void endpoint_destroy(struct endpoint *ep);
