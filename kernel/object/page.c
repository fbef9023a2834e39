/* Page objects: a list of frames, freed when the last cap and mapping go. */
#include <arch/layout.h>
#include <heap.h>
#include <object/page.h>
#include <pmm.h>

static struct page *page_alloc(uint32_t nframes)
{
	if (!nframes || nframes > PAGE_MAX_FRAMES)
		return 0;
	struct page *p = kzalloc(sizeof(*p) + nframes * sizeof(uint64_t));
	if (!p)
		return 0;
	p->hdr.type = CAP_PAGE;
	p->nframes = nframes;
	return p;
}

struct page *page_create(uint32_t nframes)
{
	struct page *p = page_alloc(nframes);
	if (!p)
		return 0;
	for (uint32_t i = 0; i < nframes; i++) {
		p->frames[i] = pmm_alloc();
		if (!p->frames[i]) {
			page_destroy(p);
			return 0;
		}
	}
	return p;
}

struct page *page_wrap(uint64_t pa, uint32_t nframes)
{
	struct page *p = kzalloc(sizeof(*p));
	if (!p)
		return 0;
	p->hdr.type = CAP_PAGE;
	p->nframes = nframes;
	p->borrowed = 1;
	p->base = pa;
	return p;
}

void page_destroy(struct page *p)
{
	if (!p->borrowed)
		for (uint32_t i = 0; i < p->nframes; i++)
			pmm_free(p->frames[i]);
	kfree(p);
}

/* ---- invocation ---- */
#include <abi/error.h>
#include <abi/object.h>
#include <object/task.h>
#include <sched.h>
#include <syscall.h>
#include <vspace.h>

/* The task named by a2: 0 = the caller, else a TASK cap with WRITE. */
struct task *target_task(uint64_t slot, uint64_t *err)
{
	if (!slot)
		return current;
	struct cap *c = cap_lookup(slot, CAP_TASK, RIGHT_WRITE, err);
	if (!c)
		return 0;
	struct task *t = (struct task *)c->obj;
	if (t->state == TASK_DEAD) {
		*err = E_DEAD;
		return 0;
	}
	return t;
}

void page_invoke(struct cap *c, uint64_t op, struct trap_frame *f)
{
	struct page *p = (struct page *)c->obj;
	uint64_t err = 0;
	struct task *t;
	switch (op) {
	case PAGE_MAP: {
		unsigned rights = (unsigned)f->r8 & (RIGHT_READ | RIGHT_WRITE | RIGHT_EXEC);
		if (!(t = target_task(f->rdx, &err))) {
			f->rax = err;
			return;
		}
		if ((rights & c->rights) != rights || !(rights & RIGHT_READ)) {
			f->rax = E_NO_RIGHTS;   /* can't map with rights the cap lacks */
			return;
		}
		f->rax = (uint64_t)vspace_map(t, p, f->r10, rights);
		return;
	}
	case PAGE_UNMAP:
		if (!(t = target_task(f->rdx, &err))) {
			f->rax = err;
			return;
		}
		f->rax = (uint64_t)vspace_unmap(t, p, f->r10);
		return;
	case PAGE_INFO:
		f->rax = TERN_OK;
		f->rdi = p->nframes;
		return;
	default:
		f->rax = E_BAD_SYSCALL;
	}
}
