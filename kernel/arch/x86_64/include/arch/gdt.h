/* Segments and the TSS. The order suits syscall/sysret (see gdt.c). */
#pragma once
#include <stdint.h>

#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_UDATA 0x1B  /* 0x18 | RPL 3 */
#define SEL_UCODE 0x23  /* 0x20 | RPL 3 */
#define SEL_TSS   0x28

#define IOMAP_BYTES 8192

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
	/* One bit per port, 1 = denied; the extra byte must be all ones. */
	uint8_t iomap[IOMAP_BYTES + 1];
} __attribute__((packed));

extern struct tss cpu_tss;

void gdt_init(void);
static inline void tss_set_kernel_stack(uint64_t rsp0) { cpu_tss.rsp[0] = rsp0; }
