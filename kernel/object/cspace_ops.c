/*
 * Capability operations: copy, mint (copy with fewer rights, a badge, or
 * a narrower port or device memory range), move, delete, identify. The source is always in
 * the caller's cspace; the destination may be another task's, reached
 * through a cspace or task cap with WRITE, which is how a loader hands a
 * new program exactly the caps its manifest names.
 */
#include <abi/error.h>
#include <mmio.h>
#include <object/cspace.h>
#include <object/memory.h>
#include <object/page.h>
#include <object/task.h>
#include <sched.h>
#include <string.h>
#include <syscall.h>

/* Destination slot: cs_slot 0 = own cspace, else a CSPACE or TASK cap. */
static struct cap *dest_slot(uint64_t cs_slot, uint64_t idx, uint64_t *err)
{
	struct cspace *cs = current->cspace;
	if (cs_slot) {
		struct cap *c = cap_lookup(cs_slot, CAP_NULL, RIGHT_WRITE, err);
		if (!c)
			return 0;
		if (c->type == CAP_CSPACE)
			cs = (struct cspace *)c->obj;
		else if (c->type == CAP_TASK)
			cs = ((struct task *)c->obj)->cspace;
		else {
			*err = E_WRONG_TYPE;
			return 0;
		}
		if (!cs) {
			*err = E_DEAD;
			return 0;
		}
	}
	struct cap *d = cspace_slot(cs, idx);
	if (!d)
		*err = E_BAD_SLOT;
	else if (d->type != CAP_NULL)
		*err = E_SLOT_IN_USE;
	else
		return d;
	return 0;
}

static int badgeable(int type) { return type == CAP_ENDPOINT || type == CAP_NOTE || type == CAP_DEBUG; }

/* Shared decode of copy and mint; the mint-only checks follow in sys_cap_mint. */
static struct cap *decode_copy(struct trap_frame *f, struct cap **dst, uint64_t *err)
{
	struct cap *src = cap_lookup(f->rdi, CAP_NULL, 0, err);
	if (!src)
		return 0;
	if (src->type == CAP_REPLY) {
		*err = E_WRONG_TYPE;    /* one-shot rights can be moved, not copied */
		return 0;
	}
	*dst = dest_slot(f->rsi, f->rdx, err);
	if (!*dst)
		return 0;
	if (*dst == src) {
		*err = E_SLOT_IN_USE;
		return 0;
	}
	return src;
}

void sys_cap_copy(struct trap_frame *f)
{
	uint64_t err = 0;
	struct cap *dst = 0, *src = decode_copy(f, &dst, &err);
	if (!src) {
		f->rax = err;
		return;
	}
	cap_make(dst, src->type, src->rights & (uint8_t)f->r10, src->obj, src->badge, src->extra);
	f->rax = TERN_OK;
}

void sys_cap_mint(struct trap_frame *f)
{
	uint64_t err = 0;
	struct cap *dst = 0, *src = decode_copy(f, &dst, &err);
	if (!src) {
		f->rax = err;
		return;
	}
	uint64_t badge = f->r8, extra = src->extra;
	if (src->type == CAP_IOPORT) {
		extra = f->r9;
		if (badge > extra || badge < src->badge || extra > src->extra) {
			f->rax = E_BAD_ARG;     /* may only narrow the range */
			return;
		}
	} else if (src->type == CAP_MMIO) {
		extra = f->r9;
		if (badge < src->badge || extra > src->extra || !mmio_range_ok(badge, extra)) {
			f->rax = E_BAD_ARG;     /* only narrower, whole pages, never RAM */
			return;
		}
	} else if (badgeable(src->type)) {
		if (src->badge && badge != src->badge) {
			f->rax = E_BAD_ARG;     /* a badge, once set, stays */
			return;
		}
	} else if (badge) {
		f->rax = E_BAD_ARG;
		return;
	} else {
		badge = src->badge;
	}
	cap_make(dst, src->type, src->rights & (uint8_t)f->r10, src->obj, badge, extra);
	f->rax = TERN_OK;
}

void sys_cap_move(struct trap_frame *f)
{
	uint64_t err = 0;
	struct cap *src = cap_lookup(f->rdi, CAP_NULL, 0, &err);
	struct cap *dst = src ? dest_slot(f->rsi, f->rdx, &err) : 0;
	if (!dst) {
		f->rax = err;
		return;
	}
	*dst = *src;
	memset(src, 0, sizeof(*src));
	f->rax = TERN_OK;
}

void sys_cap_delete(struct trap_frame *f)
{
	uint64_t err = 0;
	struct cap *c;
	if (f->rsi) {
		struct cap *cs = cap_lookup(f->rsi, CAP_NULL, RIGHT_WRITE, &err);
		struct cspace *s = !cs ? 0 : cs->type == CAP_CSPACE ? (struct cspace *)cs->obj
			: cs->type == CAP_TASK ? ((struct task *)cs->obj)->cspace : 0;
		if (cs && !s)
			err = cs->type == CAP_TASK ? E_DEAD : E_WRONG_TYPE;
		c = s ? cspace_slot(s, f->rdi) : 0;
		if (s && !c)
			err = E_BAD_SLOT;
	} else {
		c = cspace_slot(current->cspace, f->rdi);
		if (!c)
			err = E_BAD_SLOT;
	}
	if (!c) {
		f->rax = err;
		return;
	}
	if (c->type != CAP_NULL)
		cap_clear(c);
	f->rax = TERN_OK;
}

void sys_cap_identify(struct trap_frame *f)
{
	uint64_t err = 0;
	struct cap *c = cap_lookup(f->rdi, CAP_NULL, 0, &err);
	if (!c) {
		f->rax = err;
		return;
	}
	uint64_t extra = c->extra;
	if (c->type == CAP_PAGE)
		extra = ((struct page *)c->obj)->nframes;
	else if (c->type == CAP_TASK)
		extra = ((struct task *)c->obj)->id;
	else if (c->type == CAP_MEMORY)
		extra = ((struct memory *)c->obj)->left;
	f->rax = TERN_OK;
	f->rdi = c->type;
	f->rsi = c->rights;
	f->rdx = c->badge;
	f->r10 = extra;
}
