/* Host version of arch/trap.h: the same user register frame as on the PC,
 * filled from what the task process sent (platform/linux/kernel/user.c). */
#pragma once
#include <stdint.h>

struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};

const char *trap_name(uint64_t vector);
/* The faulting address the task process reported, for a page fault; else 0. */
uint64_t read_cr2_if(uint64_t vector);
