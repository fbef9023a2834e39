/*
 * IRQ objects. IRQCTL_GET takes a line (once; the timer and the cascade
 * are the kernel's). IRQ_SET_NOTE binds it to a note and unmasks it. When
 * the line fires the kernel masks it, signals the note with the badge of
 * the note cap given at binding, and leaves it masked until the driver
 * says IRQ_ACK, so a device can never interrupt faster than its driver
 * handles it. Deleting the last irq cap masks and frees the line.
 */
#include <abi/error.h>
#include <abi/object.h>
#include <arch/pic.h>
#include <heap.h>
#include <object/irq.h>
#include <object/memory.h>
#include <object/task.h>
#include <object/note.h>
#include <sched.h>
#include <syscall.h>

static struct irq *lines[IRQ_LINES];

void irq_destroy(struct irq *irq)
{
	pic_mask(irq->line);
	lines[irq->line] = 0;
	if (irq->note)
		kobj_put(&irq->note->hdr);
	kfree(irq);
}

void irq_deliver(unsigned line)
{
	struct irq *irq = lines[line];
	pic_mask(line);
	if (irq && irq->note)
		note_signal(irq->note, irq->badge);
}

void irq_control_invoke(struct cap *c, uint64_t op, struct trap_frame *f)
{
	uint64_t err = 0;
	if (op != IRQCTL_GET) {
		f->rax = E_BAD_SYSCALL;
		return;
	}
	if ((c->rights & (RIGHT_READ | RIGHT_WRITE)) != (RIGHT_READ | RIGHT_WRITE)) {
		f->rax = E_NO_RIGHTS;
		return;
	}
	uint64_t line = f->rdx;
	struct cap *dst = cap_lookup_empty(f->r10, &err);
	if (!dst || line >= IRQ_LINES || line == IRQ_TIMER || line == IRQ_CASCADE || lines[line]) {
		f->rax = !dst ? err : line >= IRQ_LINES ? E_BAD_ARG : E_BUSY;
		return;
	}
	/* Paid by the quota of the task that takes the line, like any object
	 * (the root task's is nobody's: it holds all memory anyway). */
	struct memory *q = current->hdr.charged;
	struct irq *irq = q && q->left < OBJECT_SMALL_BYTES ? 0 : kzalloc(sizeof(*irq));
	if (!irq) {
		f->rax = E_NO_MEMORY;
		return;
	}
	memory_charge(q, &irq->hdr, OBJECT_SMALL_BYTES);
	irq->hdr.type = CAP_IRQ;
	irq->line = (unsigned)line;
	lines[line] = irq;
	cap_make(dst, CAP_IRQ, RIGHTS_ALL, &irq->hdr, 0, line);
	f->rax = TERN_OK;
}

void irq_invoke(struct cap *c, uint64_t op, struct trap_frame *f)
{
	struct irq *irq = (struct irq *)c->obj;
	uint64_t err = 0;
	struct cap *n;
	if ((c->rights & (RIGHT_READ | RIGHT_WRITE)) != (RIGHT_READ | RIGHT_WRITE)) {
		f->rax = E_NO_RIGHTS;
		return;
	}
	switch (op) {
	case IRQ_SET_NOTE:
		if (!(n = cap_lookup(f->rdx, CAP_NOTE, RIGHT_WRITE, &err))) {
			f->rax = err;
			return;
		}
		kobj_get(n->obj);
		if (irq->note)
			kobj_put(&irq->note->hdr);
		irq->note = (struct note *)n->obj;
		irq->badge = n->badge ? n->badge : 1;
		pic_unmask(irq->line);
		break;
	case IRQ_ACK:
		if (!irq->note) {
			f->rax = E_BAD_ARG;     /* nothing to deliver to yet */
			return;
		}
		pic_unmask(irq->line);
		break;
	default:
		f->rax = E_BAD_SYSCALL;
		return;
	}
	f->rax = TERN_OK;
}
