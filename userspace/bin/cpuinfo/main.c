/*
 * cpuinfo: what CPUID says about the processor this program runs on:
 * vendor, model name (the brand string of leaves 0x80000002..4), family,
 * model, stepping, and feature flags (cpuflags.c), in the layout of
 * Linux's /proc/cpuinfo. CPUID is an unprivileged instruction, so the
 * program needs no capability.
 */
#include "cpuflags.h"
#include <stdio.h>
#include <string.h>
#include <tern/tool.h>

struct regs {
	uint32_t a, b, c, d;
};

static struct regs cpuid(uint32_t leaf)
{
	struct regs r;
	__asm__ volatile("cpuid" : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d) : "a"(leaf), "c"(0));
	return r;
}

static int usage(void)
{
	return tool_usage("[-h]\n  print the processor's vendor, model and features (CPUID)");
}

int main(int argc, const char **argv)
{
	tool_init(argc, argv);
	if (argc > 1) {
		if (strcmp(argv[1], "-h"))
			tool_error("unknown argument '%s'", argv[1]);
		return usage();
	}
	struct regs r0 = cpuid(0), r1 = { 0 }, r81 = { 0 };
	char vendor[13];
	memcpy(vendor, &r0.b, 4);
	memcpy(vendor + 4, &r0.d, 4);
	memcpy(vendor + 8, &r0.c, 4);
	vendor[12] = '\0';
	if (r0.a >= 1)
		r1 = cpuid(1);
	uint32_t max_ext = cpuid(0x80000000).a;
	if (max_ext >= 0x80000001 && max_ext <= 0x8000FFFF)
		r81 = cpuid(0x80000001);

	char brand[49] = "";
	if (max_ext >= 0x80000004 && max_ext <= 0x8000FFFF) {
		for (uint32_t i = 0; i < 3; i++) {
			struct regs b = cpuid(0x80000002 + i);
			memcpy(brand + i * 16, &b, 16);
		}
		brand[48] = '\0';
	}
	const char *name = brand;
	while (*name == ' ')            /* Intel right-aligns the brand string */
		name++;

	struct cpu_signature s = cpu_signature(r1.a);
	static char flags[1024];
	struct cpu_feature_regs fr = { r1.d, r1.c, r81.d, r81.c };
	cpu_flags(&fr, flags, sizeof(flags));
	printf("vendor_id       : %s\n", vendor);
	printf("cpu family      : %u\n", s.family);
	printf("model           : %u\n", s.model);
	printf("model name      : %s\n", *name ? name : "unknown");
	printf("stepping        : %u\n", s.stepping);
	printf("flags           : %s\n", flags);
	return 0;
}
