/*
 * I/O port capabilities: a port range [badge, extra] with no object
 * behind it. IOPORT_ENABLE lets the caller use in/out on that range
 * directly (see arch ioport.c); access stays until IOPORT_DISABLE or the
 * task's death, like a mapping outlives the cap it was made from.
 */
#include <abi/error.h>
#include <abi/object.h>
#include <ioport.h>
#include <sched.h>
#include <syscall.h>

void ioport_invoke(struct cap *c, uint64_t op, struct trap_frame *f)
{
	if (op != IOPORT_ENABLE && op != IOPORT_DISABLE) {
		f->rax = E_BAD_SYSCALL;
		return;
	}
	if ((c->rights & (RIGHT_READ | RIGHT_WRITE)) != (RIGHT_READ | RIGHT_WRITE)) {
		f->rax = E_NO_RIGHTS;
		return;
	}
	int allow = op == IOPORT_ENABLE;
	f->rax = ioport_allow(current, (uint16_t)c->badge, (uint16_t)c->extra, allow) ? E_NO_MEMORY : TERN_OK;
}
