/* Per-task x87/MMX/SSE state, switched eagerly (fpu.c). */
#pragma once
#include <stdint.h>

#define FPU_AREA_SIZE 512       /* FXSAVE; 16-byte aligned */

/* Enable SSE (CR4.OSFXSR) and native x87 errors; once at boot. */
void fpu_init(void);
/* A clean state, as a new task starts with. */
void fpu_state_init(void *area);
/* Save the registers into save, load them from load. */
void fpu_switch(void *save, const void *load);
