/*
 * The PC's arch pieces that have nothing to do on the host: FPU state
 * (each task process has its own), the TSS's kernel stack, the interrupt
 * controller (no interrupt lines exist here) and I/O ports (none either:
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
#include <stdint.h>

uint64_t hosted_cr3;
struct percpu cpu0;
uint64_t ktest_panic_tick;

void fpu_init(void) {}
void fpu_state_init(void *area) { (void)area; }
void fpu_switch(void *save, const void *load) { (void)save; (void)load; }
void tss_set_kernel_stack(uint64_t rsp0) { (void)rsp0; }
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
