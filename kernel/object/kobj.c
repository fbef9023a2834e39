/*
 * Reference counting and capability slots. An object lives while anything
 * refers to it: capabilities, mappings, a task's bound note, a saved reply.
 * The last kobj_put() calls the type's destructor and refunds its quota.
 */
#include <object/cap.h>
#include <object/cspace.h>
#include <object/endpoint.h>
#include <object/irq.h>
#include <object/memory.h>
#include <object/note.h>
#include <object/page.h>
#include <object/reply.h>
#include <object/task.h>
#include <heap.h>
#include <panic.h>
#include <sched.h>

/*
 * Dead objects wait in a queue until kobj_collect (see the lifetime rule
 * in kobj.h). Destroying one drops the references it holds, which queues
 * more: a cspace full of caps, a chain of cspaces each held by the one
 * before. The loop works through them one at a time, so no chain is long
 * enough to overflow the kernel stack, as recursion would let it.
 */
struct kobj *kobj_dead;

void kobj_put(struct kobj *o)
{
	if (!o)
		return;
	if (!o->refs)
		panic("kobj_put: object %p of type %d has no references", (void *)o, o->type);
	if (--o->refs || o->queued)
		return;
	o->queued = 1;
	o->next_dead = kobj_dead;
	kobj_dead = o;
}

void kobj_collect(void)
{
	while (kobj_dead) {
		struct kobj *d = kobj_dead;
		kobj_dead = d->next_dead;
		d->queued = 0;
		if (!d->refs)           /* not taken again since its last put */
			object_destroy(d);
	}
	sched_reap();
}

void object_destroy(struct kobj *o)
{
	/* A task gives back what it charged beyond itself (page tables,
	 * mapping records) while it still knows its quota. */
	if (o->type == CAP_TASK)
		task_kill((struct task *)o);
	memory_refund(o);
	switch (o->type) {
	case CAP_MEMORY: kfree(o); break;
	case CAP_TASK: task_destroy((struct task *)o); break;
	case CAP_CSPACE: cspace_destroy((struct cspace *)o); break;
	case CAP_ENDPOINT: endpoint_destroy((struct endpoint *)o); break;
	case CAP_NOTE: note_destroy((struct note *)o); break;
	case CAP_PAGE: page_destroy((struct page *)o); break;
	case CAP_REPLY: reply_destroy((struct reply *)o); break;
	case CAP_IRQ: irq_destroy((struct irq *)o); break;
	default: panic("object_destroy: unknown type %d", o->type);
	}
}

void cap_make(struct cap *c, uint8_t type, uint8_t rights, struct kobj *o, uint64_t badge, uint64_t extra)
{
	c->type = type;
	c->rights = rights;
	c->obj = o;
	c->badge = badge;
	c->extra = extra;
	if (o)
		kobj_get(o);
}

void cap_clear(struct cap *c)
{
	struct kobj *o = c->obj;
	c->type = CAP_NULL;
	c->rights = 0;
	c->obj = 0;
	c->badge = c->extra = 0;
	kobj_put(o);
}
