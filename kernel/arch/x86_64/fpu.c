/*
 * x87/MMX/SSE state. Every task has its own FXSAVE area (at the bottom of
 * its kernel stack, which is page aligned) and the scheduler saves and
 * restores it on every switch, eagerly: a lazy scheme (CR0.TS and a #NM
 * trap) saves little here and is the shape of the LazyFP leak. Without
 * this, one task's registers were visible to the next (a covert channel)
 * and SSE instructions raised #UD because CR4.OSFXSR was never set.
 */
#include <arch/cpu.h>
#include <arch/fpu.h>
#include <string.h>

#define CR0_MP (1u << 1)
#define CR0_EM (1u << 2)
#define CR0_TS (1u << 3)
#define CR0_NE (1u << 5)
#define CR4_OSFXSR (1u << 9)
#define CR4_OSXMMEXCPT (1u << 10)

/* The legacy FXSAVE layout's control words, as after FNINIT and reset. */
#define FCW_DEFAULT 0x037F
#define MXCSR_DEFAULT 0x1F80

void fpu_init(void)
{
	write_cr0((read_cr0() & ~(uint64_t)(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE);
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	__asm__ volatile("fninit");
}

void fpu_state_init(void *area)
{
	uint8_t *a = area;
	memset(a, 0, FPU_AREA_SIZE);
	*(uint16_t *)(a + 0) = FCW_DEFAULT;
	*(uint32_t *)(a + 24) = MXCSR_DEFAULT;
}

