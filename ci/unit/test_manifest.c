/* Unit tests for init's manifest checker (userspace/sbin/init/manifest.c). */
#include "unit.h"
#include "manifest.h"
#include <stdio.h>
#include <string.h>

static int parse(const char *text, struct manifest *m, struct man_error *e)
{
	return manifest_parse(text, strlen(text), m, e);
}

/* The example from the design, verbatim. */
#include "helios.h"

TEST(manifest_helios_example_parses)
{
	struct manifest m;
	struct man_error e;
	CHECK_EQ(parse(helios, &m, &e), 0);
	CHECK_STR(m.name, "pcserial");
	CHECK(m.driver);
	CHECK_EQ(m.radix, 12);
	CHECK_EQ(m.ncaps, 6);
	const struct man_cap *c = manifest_cap(&m, 1);
	CHECK(c && c->type == MAN_IOPORT);
	CHECK_EQ(c->min, 0x3F8);
	CHECK_EQ(c->max, 0x400);
	c = manifest_cap(&m, 5);
	CHECK(c && c->type == MAN_IRQ);
	CHECK_EQ(c->irq, 4);
	CHECK_EQ(c->note, 3);
}

TEST(manifest_services_and_memory)
{
	struct manifest m;
	struct man_error e;
	const char *text = "[program]\nname=sh\n[memory]\npages=128\n[provides]\nx=1\n"
			   "[capabilities]\n0:endpoint = service=console\n1:endpoint =\n2:page = initramfs\n"
			   "3:page = pages=4\n4:page = klog\n5:note = klog\n6:note =\n7:note = hostin\n";
	CHECK_EQ(parse(text, &m, &e), 0);
	CHECK(!m.driver);
	CHECK_EQ(m.pages, 128);
	CHECK_STR(manifest_cap(&m, 0)->service, "console");
	CHECK_EQ(m.nprovides, 1);
	CHECK_STR(m.provides[0].name, "x");
	CHECK(manifest_cap(&m, 2)->initramfs && !manifest_cap(&m, 2)->klog);
	CHECK_EQ(manifest_cap(&m, 3)->pages, 4);
	CHECK(manifest_cap(&m, 4)->klog && !manifest_cap(&m, 4)->initramfs);
	CHECK(manifest_cap(&m, 5)->klog && !manifest_cap(&m, 6)->klog);    /* the log's wake-up, a plain note */
	CHECK(manifest_cap(&m, 7)->hostin && !manifest_cap(&m, 7)->klog);  /* the host terminal's wake-up */
	CHECK(!manifest_cap(&m, 5)->hostin && !manifest_cap(&m, 6)->hostin);
}

TEST(manifest_init_authority)
{
	struct manifest m;
	struct man_error e;
	CHECK_EQ(parse("[program]\nname=sh\n", &m, &e), 0);
	CHECK(!m.control && !m.power);
	CHECK_EQ(parse("[program]\nname=sh\n[init]\ncontrol=yes\npower=no\n", &m, &e), 0);
	CHECK(m.control && !m.power);
	CHECK_EQ(parse("[init]\npower=yes\n[program]\nname=sh\n", &m, &e), 0);
	CHECK(!m.control && m.power);
}

TEST(manifest_mmio_ranges)
{
	struct manifest m;
	struct man_error e;
	CHECK_EQ(parse("[driver]\nname=fbcon\n[capabilities]\n2:mmio = framebuffer\n"
		       "3:mmio = base=B8000, size=8000\n4:mmio = base=0xFEBF0000, size=0x1000\n"
		       "5:mmio = size=1000, base=FFFFFFFFFF000\n", &m, &e), 0);
	const struct man_cap *c = manifest_cap(&m, 2);
	CHECK(c && c->type == MAN_MMIO && c->framebuffer);
	c = manifest_cap(&m, 3);
	CHECK(c && c->type == MAN_MMIO && !c->framebuffer);
	CHECK_EQ(c->min, 0xB8000);
	CHECK_EQ(c->max, 0xBFFFF);
	c = manifest_cap(&m, 4);
	CHECK_EQ(c->min, 0xFEBF0000);
	CHECK_EQ(c->max, 0xFEBF0FFF);
	c = manifest_cap(&m, 5);                /* ends exactly at 2^52 - 1 */
	CHECK_EQ(c->min, 0xFFFFFFFFFF000ull);
	CHECK_EQ(c->max, (1ull << 52) - 1);
}

struct bad {
	const char *text;
	unsigned line;
	const char *reason;
};

TEST(manifest_errors_name_line_and_reason)
{
	static const struct bad cases[] = {
		{ "[driver]\nname=a\n[capabilities]\n0:frob =\n", 4, "unknown capability type 'frob'" },
		{ "[driver]\nname=a\n[capabilities]\n0:ioport = min=3F8\n", 4, "ioport needs min= and max=" },
		{ "[driver]\nname=a\n[capabilities]\n0:ioport = min=400, max=3F8\n", 4, "ioport min is above max" },
		{ "[driver]\nname=a\n[capabilities]\n0:ioport = min=0, max=10000\n", 4, "port range outside 0..FFFF" },
		{ "[driver]\nname=a\n[capabilities]\n0:note =\n0:note =\n", 5, "duplicate slot '0:note'" },
		{ "[driver]\nname=a\n[cspace]\nradix=6\n[capabilities]\n48:note =\n", 6, "slot outside the cspace radix" },
		{ "[driver]\nname=a\n[capabilities]\n0:irq = irq=3\n", 4, "irq needs irq= and note=" },
		{ "[driver]\nname=a\n[capabilities]\n0:irq = irq=3, note=1\n", 4, "irq's note= does not name a note slot" },
		{ "[driver]\nname=a\n[capabilities]\n0:irq = irq=16, note=1\n", 4, "irq must be 0..15" },
		{ "[driver]\nname=a\n[provides]\nx=0\n[capabilities]\n0:note =\n", 4, "provided service 'x'" },
		{ "[driver]\nname=a\n[cspace]\nradix=13\n", 4, "radix must be 6..12" },
		{ "[driver]\ndesc=x\n", 1, "missing [driver] or [program] name=" },
		{ "[drivers]\nname=a\n", 2, "unknown section [drivers]" },
		{ "[driver]\nname=a\ncolour=blue\n", 3, "unknown key 'colour'" },
		{ "[driver]\nname=a\n[capabilities]\nx:note =\n", 4, "capability key 'x:note' is not SLOT:TYPE" },
		{ "[driver\nname=a\n", 1, "" },
		{ "[driver]\nname=a\n[init]\npower=maybe\n", 4, "power must be yes or no" },
		{ "[driver]\nname=a\n[init]\nkill=yes\n", 4, "unknown key 'kill'" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio =\n", 4, "mmio needs framebuffer, or base= and size=" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = base=B8000\n", 4, "mmio needs framebuffer, or base= and size=" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = size=1000\n", 4, "mmio needs framebuffer, or base= and size=" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = base=B8000, size=0\n", 4, "mmio size must not be 0" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = base=B8001, size=1000\n", 4, "must be page multiples" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = base=B8000, size=FFF\n", 4, "must be page multiples" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = base=B8000, size=xyz\n", 4, "must be hex below 2^52" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = base=10000000000000, size=1000\n", 4, "must be hex below 2^52" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = base=FFFFFFFFFF000, size=2000\n", 4, "mmio range runs past 2^52" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = base=FFFFFFFFFFFFF000, size=2000\n", 4, "must be hex below 2^52" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = base=B8000, size=1000, pages=1\n", 4, "unknown parameter" },
		{ "[driver]\nname=a\n[capabilities]\n2:mmio = screen\n", 4, "" },
		{ "[driver]\nname=a\n[capabilities]\n2:ioport = base=B8000, size=1000\n", 4, "unknown parameter" },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct manifest m;
		struct man_error e;
		CHECK_EQ(parse(cases[i].text, &m, &e), -1);
		CHECK_EQ(e.line, cases[i].line);
		CHECK(strstr(e.reason, cases[i].reason) != 0);
	}
}

/* PLATFORM=linux has no I/O ports and no interrupt lines, not even the
 * line 5 its host terminal once had: the first capability it lacks is
 * named, with its line. The terminal's note and device memory are there. */
TEST(manifest_platform_refusals)
{
	struct manifest m;
	struct man_error e;
	CHECK_EQ(parse("[driver]\nname=d\n[capabilities]\n0:note =\n1:irq = irq=4, note=0\n2:ioport = min=60, max=64\n",
		       &m, &e), 0);
	CHECK_EQ(manifest_platform_check(&m, "pc", &e), 0);
	CHECK_EQ(manifest_platform_check(&m, "", &e), 0);
	CHECK_EQ(manifest_platform_check(&m, "linux", &e), -1);
	CHECK_EQ(e.line, 5);
	CHECK_STR(e.reason, "irq: not available on PLATFORM=linux");
	CHECK_EQ(parse("[driver]\nname=d\n[capabilities]\n0:ioport = min=60, max=64\n", &m, &e), 0);
	CHECK_EQ(manifest_platform_check(&m, "linux", &e), -1);
	CHECK_EQ(e.line, 4);
	CHECK_STR(e.reason, "ioport: not available on PLATFORM=linux");
	for (unsigned line = 0; line < 16; line++) {
		char text[96];
		snprintf(text, sizeof(text), "[driver]\nname=d\n[capabilities]\n0:note =\n1:irq = irq=%u, note=0\n", line);
		CHECK_EQ(parse(text, &m, &e), 0);
		CHECK_EQ(manifest_platform_check(&m, "pc", &e), 0);
		CHECK_EQ(manifest_platform_check(&m, "linux", &e), -1);
		CHECK_STR(e.reason, "irq: not available on PLATFORM=linux");
	}
	CHECK_EQ(parse("[driver]\nname=d\n[capabilities]\n0:note = hostin\n"
		       "2:mmio = base=100000000000, size=1000\n", &m, &e), 0);
	CHECK_EQ(manifest_platform_check(&m, "linux", &e), 0);
	CHECK_EQ(manifest_platform_check(&m, "pc", &e), 0);
}
