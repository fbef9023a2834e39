/* Host version of arch/percpu.h: the first entries of a task and of a
 * kernel thread (platform/linux/kernel/switch.S). */
#pragma once

#define SYSCALL_VECTOR    0x100   /* frame->vector for system calls */

#ifndef __ASSEMBLER__
#include <stdint.h>
struct percpu {
	uint64_t kstack_top;
};
extern struct percpu cpu0;
void context_switch(uint64_t *save_sp, uint64_t new_sp);
void task_first_entry(void);
void kthread_entry(void);
#endif
