/*
 * The sanitized programs' runtime (PLATFORM=linux, SAN=1; docs/hosted.md):
 * what its files share. Built only into the sanitized libtern, itself
 * without instrumentation (userspace/userspace.mk).
 */
#pragma once
#include <stdint.h>
#include "../../../platform/linux/include/hosted/san.h"
#include "sanshadow.h"

#define SAN_USER_END 0x800000000000ull         /* the program's half: what the shadow covers */

static inline uint8_t *san_shadow(uint64_t addr)
{
	return (uint8_t *)((addr >> 3) + SAN_SHADOW_OFFSET);
}

/* One line of a report (a newline is added), to tern-linux's standard
 * error through tern-task (hosted/san.h), or to the kernel console where
 * that host call is not answered. The first report of a program sets
 * san_reporting: a second one inside it (the formatter's own accesses)
 * is not made. */
void san_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern int san_reporting;
/* The end after a report: a CPU exception (#UD) the supervisor sees. */
__attribute__((noreturn)) void san_die(void);
/* The malloc block a bad heap address belongs to (heap.c): 1 with its
 * address, size and whether it is freed, 0 if none is found. */
int san_heap_block(uint64_t addr, uint64_t *user, uint64_t *n, int *freed);
