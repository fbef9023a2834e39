/* Host version of arch/gdt.h: no segments and no TSS, but the scheduler
 * still tells the "TSS" the next kernel stack (a no-op here). */
#pragma once
#include <stdint.h>

#define SEL_UDATA 0x1B
#define SEL_UCODE 0x23
#define IOMAP_BYTES 8192

void tss_set_kernel_stack(uint64_t rsp0);
