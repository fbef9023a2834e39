/* Kernel heap for kernel objects: size classes of up to one page. */
#pragma once
#include <stddef.h>

#define HEAP_MAX_ALLOC 2048
/* Byte written over freed objects and frames (0xDBDB... is not canonical). */
#define HEAP_POISON 0xDB

/* Zeroed memory, or 0 when out of memory or size > HEAP_MAX_ALLOC. */
void *kzalloc(size_t size);
void kfree(void *p);
size_t heap_used_bytes(void);
