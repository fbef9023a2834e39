/* The per-CPU block, reached through GS while in the kernel. */
#pragma once

#define PERCPU_KSTACK_TOP 0
#define PERCPU_USER_RSP   8
#define SYSCALL_VECTOR    0x100   /* frame->vector for system calls */

#ifndef __ASSEMBLER__
#include <stdint.h>
struct percpu {
	uint64_t kstack_top;    /* top of the current task's kernel stack */
	uint64_t user_rsp;      /* scratch for syscall entry */
};
extern struct percpu cpu0;
void syscall_init(void);
void context_switch(uint64_t *save_sp, uint64_t new_sp);
void task_first_entry(void);
void kthread_entry(void);
#endif
