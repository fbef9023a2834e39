/*
 * The PC's arch pieces that have nothing to do on the host: FPU state
 * (each task process has its own), the TSS's kernel stack, the interrupt
 * controller (one line, the host terminal's) and I/O ports (none:
 * enabling a port range fails, so an ioport cap is useless on
 * PLATFORM=linux; init refusing such manifests is the next step).
 */
#include <arch/cpu.h>
#include <arch/fpu.h>
#include <arch/gdt.h>
#include <arch/percpu.h>
#include <arch/pic.h>
#include <arch/trap.h>
#include <ioport.h>
#include <object/task.h>
#include <stdint.h>
#include <valgrind/memcheck.h>

uint64_t hosted_cr3;
struct percpu cpu0;
uint64_t ktest_panic_tick;

void fpu_init(void) {}
void fpu_state_init(void *area) { (void)area; }
void fpu_switch(void *save, const void *load) { (void)save; (void)load; }
/*
 * The scheduler names the next kernel stack here just before it switches
 * to it. Under valgrind, each one is registered as a stack before the
 * first switch: kernel stacks are frames of the memory file, close to
 * each other and to the object heap, and without this valgrind takes a
 * switch for a stack that grew and the memory in between for dead.
 */
static uint64_t dead[4096];       /* MEM_REVOKE can kill many at once */
static unsigned ndead;

/* A task died (user.c): its kernel stack, abandoned mid-call, will be
 * freed and its frames reused; valgrind must not keep what lay below its
 * last stack pointer as "no access". Done at the next switch, when we no
 * longer run on it. */
void hosted_stack_dead(uint64_t kstack)
{
	if (!RUNNING_ON_VALGRIND)
		return;
	if (ndead == sizeof(dead) / sizeof(dead[0]))
		return;         /* valgrind may then report a false error */
	dead[ndead++] = kstack;
}

void tss_set_kernel_stack(uint64_t rsp0)
{
	static uint64_t known[4096];
	static unsigned nknown;
	if (!RUNNING_ON_VALGRIND)
		return;
	while (ndead) {
		ndead--;
		VALGRIND_MAKE_MEM_DEFINED(dead[ndead], KSTACK_SIZE);
	}
	for (unsigned i = 0; i < nknown; i++)
		if (known[i] == rsp0)
			return;
	if (nknown < sizeof(known) / sizeof(known[0]))
		known[nknown++] = rsp0;
	VALGRIND_STACK_REGISTER(rsp0 - KSTACK_SIZE, rsp0 - 1);
}
/* Interrupt lines: none ever fires here (the host terminal wakes its
 * driver through a note, hostin.c), so there is no mask to keep. */
void pic_mask(unsigned line) { (void)line; }
void pic_unmask(unsigned line) { (void)line; }

int ioport_allow(struct task *t, uint16_t first, uint16_t last, int allow)
{
	(void)t, (void)first, (void)last;
	return allow ? -1 : 0;
}
void ioport_switch(struct task *next) { (void)next; }
void ioport_release(struct task *t) { (void)t; }
int ioport_decode_fault(struct task *t, uint64_t rip, uint64_t rdx) { (void)t, (void)rip, (void)rdx; return -1; }

const char *trap_name(uint64_t vector)
{
	static const char *const names[] = {
		[0] = "divide error", [6] = "invalid opcode", [13] = "general protection",
		[14] = "page fault", [3] = "breakpoint", [17] = "alignment check",
	};
	return vector < sizeof(names) / sizeof(names[0]) && names[vector] ? names[vector] : "exception";
}
