/* Per-task x87/MMX/SSE state, switched eagerly (fpu.c). */
#pragma once
#include <stdint.h>

#define FPU_AREA_SIZE 512       /* FXSAVE; 16-byte aligned */

/* Enable SSE (CR4.OSFXSR) and native x87 errors; once at boot. */
void fpu_init(void);
/* A clean state, as a new task starts with. */
void fpu_state_init(void *area);
/* Save the registers into save, load them from load (inline: on every
 * switch, the IPC fastpath's too). */
static inline void fpu_switch(void *save, const void *load)
{
	__asm__ volatile("fxsave64 (%0)" : : "r"(save) : "memory");
	__asm__ volatile("fxrstor64 (%0)" : : "r"(load) : "memory");
}
