/*
 * CPUID decoded for cpuinfo, pure: feature flags named as Linux's
 * /proc/cpuinfo names them, and family/model/stepping with the extended
 * fields folded in.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

/* The registers cpuinfo reads: leaf 1 EDX and ECX, leaf 0x80000001 EDX
 * and ECX (0 when the CPU has no such leaf). */
struct cpu_feature_regs {
	uint32_t edx1, ecx1, edx81, ecx81;
};

/* The names of the set flags, separated by one space, into buf (always
 * NUL-terminated; names that do not fit are left out whole). Returns the
 * number of flags written. Bits without a name are skipped. */
unsigned cpu_flags(const struct cpu_feature_regs *r, char *buf, size_t size);

struct cpu_signature {
	unsigned family, model, stepping;
};

/* From leaf 1 EAX: the extended family counts only when the base family
 * is 0xF, the extended model only for base families 6 and 0xF. */
struct cpu_signature cpu_signature(uint32_t eax1);
