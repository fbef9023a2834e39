/* Host (PLATFORM=linux) version of arch/cpu.h: the hosted kernel is a Linux
 * process, so there are no privileged instructions. CR3 is a variable: the
 * scheduler "loads" the next task's root, which on this platform only
 * says whose page tables are current (the task's own process holds its
 * real mappings, platform/linux/kernel/paging.c). */
#pragma once
#include <stdint.h>

extern uint64_t hosted_cr3;
static inline uint64_t read_cr3(void) { return hosted_cr3; }
static inline void write_cr3(uint64_t v) { hosted_cr3 = v; }

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

static inline void cpu_pause(void) { __asm__ volatile("pause"); }
