/* Host version of arch/fpu.h: each task's x87/SSE state lives in its own
 * Linux process, so switching it is the host kernel's business, not ours;
 * these are no-ops (platform/linux/kernel/arch.c). */
#pragma once
#include <stdint.h>

#define FPU_AREA_SIZE 512

void fpu_init(void);
void fpu_state_init(void *area);
void fpu_switch(void *save, const void *load);
