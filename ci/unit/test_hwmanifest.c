/*
 * The hardware inventory's authority, read from the manifests the build
 * embeds (manifests/NAME.ini) with init's own checker: drv/pci holds the
 * eight ports of configuration mechanism #1 and no other hardware, drv/rtc
 * the clock's two ports and IRQ 8, and the tools hold no hardware and no
 * [init] authority, only the one service each reads.
 */
#include "unit.h"
#include "manifest.h"
#include <stdio.h>
#include <string.h>

static int load(const char *name, struct manifest *m)
{
	char path[64], text[4096];
	snprintf(path, sizeof(path), "manifests/%s.ini", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t n = fread(text, 1, sizeof(text), f);
	fclose(f);
	struct man_error e;
	return manifest_parse(text, n, m, &e);
}

/* How many caps of each hardware kind, and no [init] authority. */
static int count(const struct manifest *m, unsigned type)
{
	int n = 0;
	for (int i = 0; i < m->ncaps; i++)
		n += m->caps[i].type == type;
	return n;
}

static int no_authority(const struct manifest *m)
{
	return !m->control && !m->power && count(m, MAN_MMIO) == 0 &&
	       count(m, MAN_PAGE) == 0;
}

TEST(hwmanifest_pci_only_its_ports)
{
	struct manifest m;
	CHECK_EQ(load("pci", &m), 0);
	CHECK(m.driver && no_authority(&m));
	CHECK_EQ(count(&m, MAN_IOPORT), 1);
	CHECK_EQ(count(&m, MAN_IRQ), 0);
	const struct man_cap *c = manifest_cap(&m, 1);
	CHECK(c && c->type == MAN_IOPORT);
	CHECK_EQ(c->min, 0xCF8);
	CHECK_EQ(c->max, 0xCFF);
	CHECK_EQ(m.nprovides, 1);
	CHECK_STR(m.provides[0].name, "pci");
	for (int i = 0; i < m.ncaps; i++)       /* a server of its own, client of nobody */
		CHECK(m.caps[i].type != MAN_ENDPOINT || !m.caps[i].service[0]);
}

/* test/pcistray stands for drv/pci in attack-hw.run: same ports, nothing else. */
TEST(hwmanifest_pcistray_is_pci)
{
	struct manifest pci, stray;
	CHECK_EQ(load("pci", &pci), 0);
	CHECK_EQ(load("pcistray", &stray), 0);
	CHECK(no_authority(&stray));
	CHECK_EQ(stray.ncaps, 1);
	const struct man_cap *a = manifest_cap(&pci, 1), *b = manifest_cap(&stray, 0);
	CHECK(a && b && a->type == MAN_IOPORT && b->type == MAN_IOPORT);
	CHECK_EQ(a->min, b->min);
	CHECK_EQ(a->max, b->max);
}

TEST(hwmanifest_rtc_only_its_ports_and_irq8)
{
	struct manifest m;
	CHECK_EQ(load("rtc", &m), 0);
	CHECK(m.driver && no_authority(&m));
	CHECK_EQ(count(&m, MAN_IOPORT), 1);
	CHECK_EQ(count(&m, MAN_IRQ), 1);
	const struct man_cap *c = manifest_cap(&m, 1);
	CHECK(c && c->type == MAN_IOPORT);
	CHECK_EQ(c->min, 0x70);
	CHECK_EQ(c->max, 0x71);
	c = manifest_cap(&m, 3);
	CHECK(c && c->type == MAN_IRQ);
	CHECK_EQ(c->irq, 8);
	CHECK_EQ(m.nprovides, 1);
	CHECK_STR(m.provides[0].name, "rtc");
	for (int i = 0; i < m.ncaps; i++)
		CHECK(m.caps[i].type != MAN_ENDPOINT || !m.caps[i].service[0]);
}

TEST(hwmanifest_tools_hold_no_hardware)
{
	static const char *const tools[][2] = { { "lspci", "pci" }, { "date", "rtc" }, { "cpuinfo", 0 } };
	for (size_t t = 0; t < sizeof(tools) / sizeof(tools[0]); t++) {
		struct manifest m;
		CHECK_EQ(load(tools[t][0], &m), 0);
		CHECK(!m.driver && no_authority(&m));
		CHECK_EQ(count(&m, MAN_IOPORT) + count(&m, MAN_IRQ) + count(&m, MAN_NOTE), 0);
		CHECK_EQ(m.nprovides, 0);
		CHECK_EQ(m.ncaps, tools[t][1] ? 1 : 0);
		if (tools[t][1])
			CHECK_STR(m.caps[0].service, tools[t][1]);
	}
}
