/* Unit tests for userspace/bin/cpuinfo/cpuflags.c: flag names, signature. */
#include "unit.h"
#include "cpuflags.h"
#include <string.h>

TEST(cpuflags_names)
{
	char buf[1024];
	struct cpu_feature_regs r = { 1u << 0 | 1u << 6 | 1u << 9 | 1u << 26, 1u << 17 | 1u << 31,
				      1u << 20 | 1u << 29, 1u << 0 };
	CHECK_EQ(cpu_flags(&r, buf, sizeof(buf)), 9);
	CHECK(!strcmp(buf, "fpu pae apic sse2 pcid hypervisor nx lm lahf_lm"));
	r = (struct cpu_feature_regs){ 1u << 10 | 1u << 20, 1u << 16, 1u << 0, 1u << 14 };  /* reserved */
	CHECK_EQ(cpu_flags(&r, buf, sizeof(buf)), 0);
	CHECK_EQ(buf[0], 0);
}

TEST(cpuflags_every_name_fits_and_no_overrun)
{
	char buf[1024];
	struct cpu_feature_regs all = { ~0u, ~0u, ~0u, ~0u };
	unsigned n = cpu_flags(&all, buf, sizeof(buf));
	CHECK(n > 80);
	CHECK(strstr(buf, "tsc_deadline_timer") != 0);
	char small[12];
	CHECK_EQ(cpu_flags(&all, small, sizeof(small)), 3);     /* whole names only */
	CHECK_STR(small, "fpu vme de");
	CHECK_EQ(cpu_flags(&all, small, 0), 0);
}

TEST(cpuflags_signature)
{
	struct cpu_signature s = cpu_signature(0x000906EA);      /* a Coffee Lake */
	CHECK_EQ(s.family, 6);
	CHECK_EQ(s.model, 158);
	CHECK_EQ(s.stepping, 10);
	s = cpu_signature(0x00A20F12);                           /* a Zen 3 */
	CHECK_EQ(s.family, 25);
	CHECK_EQ(s.model, 33);
	CHECK_EQ(s.stepping, 2);
	s = cpu_signature(0x00010633);                           /* family 6, extended model 1 */
	CHECK_EQ(s.model, 0x13);
	s = cpu_signature(0x00010533);                           /* family 5: no extended model */
	CHECK_EQ(s.family, 5);
	CHECK_EQ(s.model, 3);
}
