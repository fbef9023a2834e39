/* Saved reply rights: see object/reply.h. */
#include <heap.h>
#include <object/reply.h>
#include <object/task.h>

struct reply *reply_create(struct task *caller, uint64_t seq)
{
	struct reply *r = kzalloc(sizeof(*r));
	if (!r)
		return 0;
	r->hdr.type = CAP_REPLY;
	r->caller = caller;
	r->seq = seq;
	kobj_get(&caller->hdr);
	return r;
}

/* Dropped without answering: the caller learns its call failed. */
void reply_drop(struct reply *r)
{
	if (!r->caller)
		return;
	ipc_abort_call(r->caller, r->seq);
	kobj_put(&r->caller->hdr);
	r->caller = 0;
}

void reply_destroy(struct reply *r)
{
	reply_drop(r);
	kfree(r);
}
