/* Host version of arch/layout.h. "Physical memory" is one memfd the
 * hosted kernel maps wherever Linux puts it (hosted_physmap); physical
 * address pa is byte pa of that file, which is also what a task process
 * maps at a user address. Physical address 0 is never handed out (the
 * frame allocator's "none"). */
#pragma once

#define PAGE_SIZE       4096

#ifndef __ASSEMBLER__
#include <stdint.h>
extern uint8_t *hosted_physmap;
static inline void *phys_to_virt(uint64_t pa) { return hosted_physmap + pa; }
static inline uint64_t virt_to_phys(const void *va) { return (uint64_t)((const uint8_t *)va - hosted_physmap); }
#endif
