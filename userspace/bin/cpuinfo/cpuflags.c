/* CPUID flags and signature (cpuflags.h). */
#include "cpuflags.h"
#include <string.h>

/* Bit numbers of each register, from Intel's and AMD's CPUID
 * descriptions; names as Linux prints them. Unnamed bits are reserved or
 * repeat another leaf (AMD mirrors many leaf-1 EDX bits in 0x80000001). */
static const char *const edx1_names[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce",
	"cx8", "apic", 0, "sep", "mtrr", "pge", "mca", "cmov",
	"pat", "pse36", "pn", "clflush", 0, "dts", "acpi", "mmx",
	"fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe",
};

static const char *const ecx1_names[32] = {
	"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est",
	"tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm",
	0, "pcid", "dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt",
	"tsc_deadline_timer", "aes", "xsave", "osxsave", "avx", "f16c", "rdrand", "hypervisor",
};

static const char *const edx81_names[32] = {
	[11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext", [25] = "fxsr_opt",
	[26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm", [30] = "3dnowext", [31] = "3dnow",
};

static const char *const ecx81_names[32] = {
	"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm", "sse4a", "misalignsse",
	"3dnowprefetch", "osvw", "ibs", "xop", "skinit", "wdt", 0, "lwp",
	"fma4", "tce", 0, "nodeid_msr", 0, "tbm", "topoext", "perfctr_core",
	"perfctr_nb", 0, "bpext", "ptsc", "perfctr_llc", "mwaitx", 0, 0,
};

unsigned cpu_flags(const struct cpu_feature_regs *r, char *buf, size_t size)
{
	const uint32_t regs[4] = { r->edx1, r->ecx1, r->edx81, r->ecx81 };
	const char *const *names[4] = { edx1_names, ecx1_names, edx81_names, ecx81_names };
	size_t len = 0;
	unsigned count = 0;
	if (size)
		buf[0] = '\0';
	for (int i = 0; i < 4; i++)
		for (int bit = 0; bit < 32; bit++) {
			const char *name = names[i][bit];
			if (!(regs[i] >> bit & 1) || !name)
				continue;
			size_t k = strlen(name), sep = len ? 1 : 0;
			if (len + sep + k + 1 > size)
				continue;
			if (sep)
				buf[len++] = ' ';
			memcpy(buf + len, name, k + 1);
			len += k;
			count++;
		}
	return count;
}

struct cpu_signature cpu_signature(uint32_t eax1)
{
	unsigned base_family = eax1 >> 8 & 0xF, model = eax1 >> 4 & 0xF;
	struct cpu_signature s = { base_family, model, eax1 & 0xF };
	if (base_family == 0xF)
		s.family += eax1 >> 20 & 0xFF;
	if (base_family == 0x6 || base_family == 0xF)
		s.model += (eax1 >> 16 & 0xF) << 4;
	return s;
}
