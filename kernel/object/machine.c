/* The machine capability: power, failure exit for tests, and kernel facts. */
#include <abi/error.h>
#include <abi/object.h>
#include <arch/cpu.h>
#include <boot.h>
#include <console.h>
#include <fastpath.h>
#include <klog.h>
#include <kprintf.h>
#include <mmio.h>
#include <object/cspace.h>
#include <object/note.h>
#include <object/task.h>
#include <panic.h>
#include <pmm.h>
#include <sched.h>
#include <string.h>
#include <syscall.h>

uint64_t tsc_hz;

/* The note cap of MACHINE_KLOG_NOTE and MACHINE_HOSTIN_NOTE: slot 0 is
 * none (*n = 0), else a note we may signal. TERN_OK or the E_* code. */
static uint64_t note_arg(uint64_t slot, struct cap **n)
{
	uint64_t err = TERN_OK;
	*n = 0;
	if (slot && !(*n = cap_lookup(slot, CAP_NOTE, RIGHT_WRITE, &err)))
		return err;
	return TERN_OK;
}

void machine_invoke(struct cap *c, uint64_t op, struct trap_frame *f)
{
	/* Reading facts needs READ; changing the machine's state needs WRITE. */
	unsigned need = op == MACHINE_INFO || op == MACHINE_TASKS || op == MACHINE_FB ? RIGHT_READ : RIGHT_WRITE;
	if ((c->rights & need) != need) {
		f->rax = E_NO_RIGHTS;
		return;
	}
	switch (op) {
	case MACHINE_POWEROFF:
		kprintf("tern: power off requested by task %u (%s)\n", current->id, current->name);
		machine_poweroff();
	case MACHINE_REBOOT:
		kprintf("tern: reboot requested by task %u (%s)\n", current->id, current->name);
		machine_reboot();
	case MACHINE_FAIL:
		machine_fail((int)(f->rdx & 0x7F));
	case MACHINE_INFO:
		if (f->rdx > 1) {
			f->rax = E_BAD_ARG;
			return;
		}
		if (f->rdx == 1) {      /* the second page of facts */
			f->rax = TERN_OK;
			f->rdi = fastpath_signals;
			f->rsi = f->rdx = f->r10 = f->r8 = f->r9 = 0;
			return;
		}
		f->rax = TERN_OK;
		f->rdi = pmm_free_frames();
		f->rsi = pmm_total_frames();
		f->rdx = task_count();
		f->r10 = tsc_hz;
		f->r8 = fastpath_calls;
		f->r9 = fastpath_replies;
		return;
	case MACHINE_TASKS: {
		struct task *t = task_nth((unsigned)f->rdx);
		if (!t) {
			f->rax = E_BAD_ARG;
			return;
		}
		uint64_t name[3] = { 0 };
		memcpy(name, t->name, sizeof(name) - 1);
		f->rax = TERN_OK;
		f->rdi = t->id;
		f->rsi = t->state;
		f->rdx = t->prio;
		f->r10 = name[0];
		f->r8 = name[1];
		f->r9 = name[2];
		return;
	}
	case MACHINE_FB: {
		const struct boot_fb *fb = &boot_info.fb;
		f->rax = TERN_OK;
		f->rdi = fb->format ? fb->base : 0;
		f->rsi = fb->format ? fb->size : 0;
		f->rdx = fb->format ? fb->width : 0;
		f->r10 = fb->format ? fb->height : 0;
		f->r8 = fb->format ? fb->pitch : 0;
		f->r9 = fb->format;
		return;
	}
	case MACHINE_KLOG_NOTE: {
		struct cap *n;
		if (!(f->rax = note_arg(f->rdx, &n)))
			klog_set_note(n ? (struct note *)n->obj : 0, n ? n->badge : 0);
		return;
	}
	case MACHINE_HOSTIN_NOTE: {
		struct cap *n;
		if (!(f->rax = note_arg(f->rdx, &n)) &&
		    console_input_note(n ? (struct note *)n->obj : 0, n ? n->badge : 0))
			f->rax = E_BAD_ARG;
		return;
	}
	case MACHINE_MMIO: {
		/* Device memory anywhere that is not RAM: the root's way to a
		 * device the loader did not describe (a PCI BAR). */
		uint64_t err = 0;
		struct cap *dst = cap_lookup_empty(f->r8, &err);
		if (!dst) {
			f->rax = err;
			return;
		}
		if (!mmio_range_ok(f->rdx, f->r10)) {
			f->rax = E_BAD_ARG;
			return;
		}
		cap_make(dst, CAP_MMIO, RIGHT_READ | RIGHT_WRITE, 0, f->rdx, f->r10);
		f->rax = TERN_OK;
		return;
	}
	default:
		f->rax = E_BAD_SYSCALL;
	}
}
