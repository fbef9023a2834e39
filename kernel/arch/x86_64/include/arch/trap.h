/* The saved state of an interrupted context, as isr.S lays it out. */
#pragma once
#include <stdint.h>

struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;   /* pushed by the CPU */
};

#define IRQ_BASE 32                      /* PIC lines are remapped here */

void idt_init(void);
/* Handle a trap; returns the frame to return through (isr.S). */
struct trap_frame *trap_dispatch(struct trap_frame *f);
const char *trap_name(uint64_t vector);
void trap_report(const struct trap_frame *f);
int trap_from_user(const struct trap_frame *f);
/* CR2 for a page fault, 0 for other vectors. */
uint64_t read_cr2_if(uint64_t vector);
