/*
 * Just enough ACPI to power off: find the FADT for the PM1 control ports
 * and read SLP_TYPa/b from the \_S5 package in the DSDT. The DSDT is AML;
 * instead of an interpreter we look for the "_S5_" name followed by a
 * package, which is how every firmware we boot on (QEMU's, SeaBIOS)
 * encodes it.
 */
#include <acpi.h>
#include <arch/cpu.h>
#include <arch/layout.h>
#include <string.h>

struct sdt_header {
	char sig[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oem[6], oem_table[8];
	uint32_t oem_rev, creator, creator_rev;
} __attribute__((packed));

static int sum_ok(const void *p, uint32_t n)
{
	uint8_t s = 0;
	for (uint32_t i = 0; i < n; i++)
		s += ((const uint8_t *)p)[i];
	return s == 0;
}

static const uint8_t *find_rsdp(void)
{
	uint64_t ebda = (uint64_t)(*(volatile uint16_t *)phys_to_virt(0x40E)) << 4;
	uint64_t ranges[2][2] = { { ebda, ebda + 1024 }, { 0xE0000, 0x100000 } };
	for (int r = 0; r < 2; r++) {
		if (r == 0 && ebda == 0)
			continue;
		for (uint64_t a = ranges[r][0]; a + 20 <= ranges[r][1]; a += 16) {
			const uint8_t *p = phys_to_virt(a);
			if (!memcmp(p, "RSD PTR ", 8) && sum_ok(p, 20))
				return p;
		}
	}
	return 0;
}

static const struct sdt_header *find_table(const uint8_t *rsdp, const char *sig)
{
	const struct sdt_header *root = phys_to_virt(*(const uint32_t *)(rsdp + 16));
	if (!sum_ok(root, root->length))
		return 0;
	uint32_t n = (root->length - sizeof(*root)) / 4;
	const uint32_t *ent = (const uint32_t *)(root + 1);
	for (uint32_t i = 0; i < n; i++) {
		const struct sdt_header *t = phys_to_virt(ent[i]);
		if (!memcmp(t->sig, sig, 4))
			return t;
	}
	return 0;
}

/* AML package element: a byte constant (0x0A xx), Zero (0), One (1), or a raw byte. */
static const uint8_t *aml_byte(const uint8_t *p, uint8_t *out)
{
	if (*p == 0x0A) {
		*out = p[1];
		return p + 2;
	}
	*out = *p;
	return p + 1;
}

static int s5_sleep_types(const struct sdt_header *dsdt, uint8_t *a, uint8_t *b)
{
	const uint8_t *p = (const uint8_t *)(dsdt + 1);
	const uint8_t *end = (const uint8_t *)dsdt + dsdt->length;
	for (; p + 8 < end; p++) {
		if (memcmp(p, "_S5_", 4) || p[4] != 0x12)   /* PackageOp */
			continue;
		const uint8_t *q = p + 5;
		q += ((*q >> 6) & 3) + 1;                    /* PkgLength */
		q++;                                         /* NumElements */
		q = aml_byte(q, a);
		aml_byte(q, b);
		return 1;
	}
	return 0;
}

void acpi_poweroff(void)
{
	const uint8_t *rsdp = find_rsdp();
	if (!rsdp)
		return;
	const struct sdt_header *fadt = find_table(rsdp, "FACP");
	if (!fadt)
		return;
	const uint8_t *f = (const uint8_t *)fadt;
	uint32_t dsdt_pa = *(const uint32_t *)(f + 40);
	uint32_t pm1a = *(const uint32_t *)(f + 64);
	uint32_t pm1b = *(const uint32_t *)(f + 68);
	uint32_t smi_cmd = *(const uint32_t *)(f + 48);
	uint8_t acpi_enable = f[52];
	uint8_t a, b;
	if (!pm1a || !s5_sleep_types(phys_to_virt(dsdt_pa), &a, &b))
		return;
	/* Enter ACPI mode if the firmware left us in legacy mode. */
	if (smi_cmd && acpi_enable && !(inw((uint16_t)pm1a) & 1)) {
		outb((uint16_t)smi_cmd, acpi_enable);
		for (int i = 0; i < 1000000 && !(inw((uint16_t)pm1a) & 1); i++)
			cpu_pause();
	}
	outw((uint16_t)pm1a, (uint16_t)((a << 10) | (1 << 13)));
	if (pm1b)
		outw((uint16_t)pm1b, (uint16_t)((b << 10) | (1 << 13)));
	/* The power may take a moment to go; don't report failure early. */
	for (int i = 0; i < 10000000; i++)
		cpu_pause();
}
