/*
 * Memory objects: allocation authority as a byte quota. The root task gets
 * one holding all free memory; it splits off smaller ones for the programs
 * it starts, so a driver can only create objects within its share. Each
 * object records what it was charged and gives it back when destroyed.
 */
#include <heap.h>
#include <object/cspace.h>
#include <object/memory.h>
#include <object/reply.h>
#include <object/task.h>

struct memory *memory_create(uint64_t bytes)
{
	struct memory *m = kzalloc(sizeof(*m));
	if (!m)
		return 0;
	m->hdr.type = CAP_MEMORY;
	m->left = bytes;
	list_init(&m->objects);
	return m;
}

int memory_take(struct memory *m, uint64_t bytes)
{
	if (!m)
		return 0;
	if (bytes > m->left)
		return -1;
	m->left -= bytes;
	m->used += bytes;
	return 0;
}

int memory_charge(struct memory *m, struct kobj *o, uint64_t bytes)
{
	if (!m)
		return 0;
	if (memory_take(m, bytes))
		return -1;
	o->charged = m;
	o->charge = bytes;
	list_add_tail(&m->objects, &o->sibling);
	kobj_get(&m->hdr);
	return 0;
}

void memory_give(struct memory *m, uint64_t bytes)
{
	if (!m)
		return;
	m->left += bytes;
	m->used -= bytes;
}

void memory_refund(struct kobj *o)
{
	struct memory *m = o->charged;
	if (!m)
		return;
	m->left += o->charge;
	m->used -= o->charge;
	o->charged = 0;
	list_del(&o->sibling);
	kobj_put(&m->hdr);
}

/*
 * Revocation. Reference counting alone never frees a cycle (a cspace
 * holding the only cap to itself, a task whose cspace holds its own task
 * cap), so the holder of a quota can cut every reference that objects made
 * from it hold; the cycles fall apart and kobj_collect destroys them. The
 * objects themselves stay while something outside still refers to them
 * (as dead tasks and empty cspaces). Quotas split from m are walked with a
 * work list, not recursion: a task may make a very long chain of them.
 * Nothing is destroyed during the walk (kobj.h), so the lists hold still.
 *
 * Revocation is final. What survives it (held from outside) must not be
 * filled again: another task holding a cap to a revoked cspace could
 * otherwise put a cap to that cspace back into it after the revoke, a new
 * cycle that no revoke would ever reach again. So revoked cspaces refuse
 * every slot, and revoked quotas refuse to make anything (E_DEAD); tasks
 * are dead and take nothing; dropped replies stay empty.
 */
/* Cut o's references to other objects (the revoke's first pass). */
static void sever(struct kobj *o)
{
	switch (o->type) {
	case CAP_TASK: task_kill((struct task *)o); break;
	case CAP_CSPACE:
		cspace_clear((struct cspace *)o);
		((struct cspace *)o)->revoked = 1;
		break;
	case CAP_REPLY: reply_drop((struct reply *)o); break;
	default: break;         /* holds no references to other objects */
	}
}

/*
 * Move o's charge from its quota w up to payer (the revoked quota's
 * parent, or nobody): every quota on the way shrinks by o's charge, as if
 * o had been made from payer in the first place, so payer's own
 * accounting does not change. A revoked quota then holds nothing but the
 * quotas split from it, and dies with its last cap.
 */
static void move_charge(struct kobj *o, struct memory *payer)
{
	struct memory *w = o->charged;
	uint64_t c = o->charge;
	for (struct memory *a = w; a && a != payer; a = a->hdr.charged) {
		a->used -= c;
		if (a->hdr.charged)
			a->hdr.charge -= c;
	}
	list_del(&o->sibling);
	o->charged = payer;
	if (payer) {
		list_add_tail(&payer->objects, &o->sibling);
		kobj_get(&payer->hdr);
	} else {
		o->charge = 0;
	}
	kobj_put(&w->hdr);
}

void memory_revoke(struct memory *m)
{
	/* The quotas of the subtree, in a work list (not recursion: a task
	 * may make a very long chain of them). */
	m->revoke_next = 0;
	struct memory *last = m;
	for (struct memory *w = m; w; w = w->revoke_next) {
		w->revoked = 1;
		for (struct list *l = w->objects.next; l != &w->objects; l = l->next) {
			struct kobj *o = list_entry(l, struct kobj, sibling);
			if (o->type != CAP_MEMORY)
				continue;
			struct memory *child = (struct memory *)o;
			child->revoke_next = 0;
			last->revoke_next = child;
			last = child;
		}
	}
	for (struct memory *w = m; w; w = w->revoke_next)
		for (struct list *l = w->objects.next; l != &w->objects; l = l->next)
			sever(list_entry(l, struct kobj, sibling));
	/* What outlives the revoke (held from outside: a dead task in a
	 * server's reply right, an emptied cspace someone has a cap to) is
	 * charged to the parent from now on, so it does not keep the whole
	 * revoked quota, and so its whole split, from coming back. */
	struct memory *payer = m->hdr.charged;
	for (struct memory *w = m; w; w = w->revoke_next) {
		struct list *l = w->objects.next;
		while (l != &w->objects) {
			struct kobj *o = list_entry(l, struct kobj, sibling);
			l = l->next;
			if (o->type != CAP_MEMORY)
				move_charge(o, payer);
		}
	}
}

/* ---- invocation ---- */
#include <abi/error.h>
#include <abi/object.h>
#include <arch/layout.h>
#include <object/cspace.h>
#include <object/endpoint.h>
#include <object/note.h>
#include <object/page.h>
#include <object/reply.h>
#include <object/task.h>
#include <sched.h>
#include <syscall.h>

#define SMALL_OBJECT_BYTES OBJECT_SMALL_BYTES
_Static_assert(sizeof(struct cap) == CAP_SLOT_BYTES, "CAP_SLOT_BYTES");

/* Decode MEM_CREATE: how many bytes the object will cost, or 0 if the size argument is bad. */
static uint64_t create_cost(uint64_t type, uint64_t arg)
{
	switch (type) {
	case CAP_ENDPOINT:
	case CAP_NOTE:
		return SMALL_OBJECT_BYTES;
	case CAP_PAGE:
		return arg >= 1 && arg <= PAGE_MAX_FRAMES ? arg * PAGE_SIZE + SMALL_OBJECT_BYTES : 0;
	case CAP_TASK:
		return arg >= 1 && arg <= CSPACE_MAX_RADIX ? TASK_COST(arg) : 0;
	case CAP_CSPACE:
		return arg >= 1 && arg <= CSPACE_MAX_RADIX ? CSPACE_COST(arg)  /* whole frames, however few slots */ : 0;
	default:
		return 0;
	}
}

static struct kobj *create(uint64_t type, uint64_t arg)
{
	switch (type) {
	case CAP_ENDPOINT: return (struct kobj *)endpoint_create();
	case CAP_NOTE: return (struct kobj *)note_create();
	case CAP_PAGE: return (struct kobj *)page_create((uint32_t)arg);
	case CAP_TASK: return (struct kobj *)task_create((unsigned)arg);
	case CAP_CSPACE: return (struct kobj *)cspace_create((unsigned)arg);
	default: return 0;
	}
}

void memory_invoke(struct cap *c, uint64_t op, struct trap_frame *f)
{
	struct memory *m = (struct memory *)c->obj;
	uint64_t err = 0;
	if ((c->rights & (RIGHT_READ | RIGHT_WRITE)) != (RIGHT_READ | RIGHT_WRITE)) {
		f->rax = E_NO_RIGHTS;
		return;
	}
	if (op == MEM_INFO) {
		f->rax = TERN_OK;
		f->rdi = m->left;
		f->rsi = m->used;
		return;
	}
	if (op == MEM_REVOKE) {
		memory_revoke(m);
		f->rax = TERN_OK;
		return;
	}
	if (m->revoked) {
		f->rax = E_DEAD;        /* MEM_CREATE, MEM_SPLIT: revocation is final */
		return;
	}
	if (op == MEM_SPLIT) {
		/* The parent pays the new quota's bytes and its kernel object:
		 * splitting off one byte at a time must not be cheaper than
		 * the memory the kernel spends on it. */
		struct cap *dst = cap_lookup_empty(f->r10, &err);
		uint64_t cost = f->rdx + SMALL_OBJECT_BYTES;
		if (!dst || !f->rdx || f->rdx > m->left || cost > m->left) {
			f->rax = dst ? E_NO_MEMORY : err;
			return;
		}
		struct memory *n = memory_create(f->rdx);
		if (!n) {
			f->rax = E_NO_MEMORY;
			return;
		}
		memory_charge(m, &n->hdr, cost);        /* back to the parent when n dies */
		cap_make(dst, CAP_MEMORY, RIGHTS_ALL, &n->hdr, 0, 0);
		f->rax = TERN_OK;
		return;
	}
	if (op != MEM_CREATE) {
		f->rax = E_BAD_SYSCALL;
		return;
	}
	uint64_t type = f->rdx, arg = f->r8;
	struct cap *dst = cap_lookup_empty(f->r10, &err);
	uint64_t cost = create_cost(type, arg);
	if (!dst || !cost || cost > m->left) {
		f->rax = !dst ? err : !cost ? E_BAD_ARG : E_NO_MEMORY;
		return;
	}
	struct kobj *o = create(type, arg);
	if (!o) {
		f->rax = E_NO_MEMORY;   /* the machine itself ran out */
		return;
	}
	if (type == CAP_TASK) {
		/* The task's cspace is an object of its own (TASK_CSPACE can
		 * hand out caps that outlive the task): it carries its own
		 * charge, so it is refunded when it dies, not with the task,
		 * and MEM_REVOKE finds it on the quota's list. */
		struct task *t = (struct task *)o;
		memory_charge(m, &t->cspace->hdr, CSPACE_COST(arg));
		cost -= CSPACE_COST(arg);
	}
	memory_charge(m, o, cost);
	if (type == CAP_TASK) {
		struct task *t = (struct task *)o;
		/* A new task starts at its creator's priority at most. */
		t->prio = t->eff_prio = current->prio < 100 ? current->prio : 100;
	}
	cap_make(dst, (uint8_t)type, RIGHTS_ALL, o, 0, 0);
	f->rax = TERN_OK;
}
