/*
 * The ACPI table walk, decoded and validated apart from its use
 * (kernel/arch/x86_64/acpi.c uses it; acpi_tables.h says why it is pure).
 * Multi-byte fields are read with memcpy: tables are byte-packed, and an
 * XSDT's 64-bit entries are only 4-byte aligned.
 */
#include <acpi_tables.h>
#include <string.h>

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static uint64_t rd64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static int sum_ok(const uint8_t *p, uint32_t n)
{
	uint8_t s = 0;
	for (uint32_t i = 0; i < n; i++)
		s += p[i];
	return s == 0;
}

int acpi_rsdp_check(const struct acpi_mem *m, uint64_t pa, struct acpi_rsdp *out)
{
	const uint8_t *p = m->map(m->ctx, pa, ACPI_RSDP_V1_LEN);
	if (!p || memcmp(p, "RSD PTR ", 8) || !sum_ok(p, ACPI_RSDP_V1_LEN))
		return -1;
	out->revision = p[15];
	out->rsdt = rd32(p + 16);
	out->xsdt = 0;
	if (out->revision < 2)
		return 0;
	/* The extended part covers the XSDT address: if its length or
	 * checksum is bad, only the ACPI 1.0 part (the RSDT) is trusted. */
	p = m->map(m->ctx, pa, ACPI_RSDP_V2_LEN);
	if (!p)
		return 0;
	uint32_t len = rd32(p + 20);
	if (len < ACPI_RSDP_V2_LEN || len > 4096 || !(p = m->map(m->ctx, pa, len)) || !sum_ok(p, len))
		return 0;
	out->xsdt = rd64(p + 24);
	return 0;
}

int acpi_table_check(const struct acpi_mem *m, uint64_t pa, const char *sig, struct acpi_table *out)
{
	if (!pa)
		return -1;
	const uint8_t *h = m->map(m->ctx, pa, ACPI_HEADER_LEN);
	if (!h || (sig && memcmp(h, sig, 4)))
		return -1;
	uint32_t len = rd32(h + 4);
	if (len < ACPI_HEADER_LEN || len > ACPI_TABLE_MAX)
		return -1;
	const uint8_t *p = m->map(m->ctx, pa, len);
	if (!p || !sum_ok(p, len))
		return -1;
	*out = (struct acpi_table){ p, len, pa };
	return 0;
}

int acpi_root(const struct acpi_mem *m, const struct acpi_rsdp *r, struct acpi_table *root,
	      unsigned *entry_size)
{
	/* ACPI 2.0+: the XSDT supersedes the RSDT; the RSDT is the fallback
	 * for a missing or broken XSDT, as firmware bugs go. */
	if (r->xsdt && !acpi_table_check(m, r->xsdt, "XSDT", root)) {
		*entry_size = 8;
		return 0;
	}
	if (!acpi_table_check(m, r->rsdt, "RSDT", root)) {
		*entry_size = 4;
		return 0;
	}
	return -1;
}

int acpi_find(const struct acpi_mem *m, const struct acpi_rsdp *r, const char *sig,
	      struct acpi_table *out)
{
	struct acpi_table root;
	unsigned es;
	if (acpi_root(m, r, &root, &es))
		return -1;
	uint32_t n = (root.len - ACPI_HEADER_LEN) / es;
	for (uint32_t i = 0; i < n; i++) {
		const uint8_t *e = root.p + ACPI_HEADER_LEN + i * es;
		uint64_t pa = es == 8 ? rd64(e) : rd32(e);
		/* A bad table is skipped: a good one of the same kind may follow. */
		if (!acpi_table_check(m, pa, sig, out))
			return 0;
	}
	return -1;
}

/* A Generic Address Structure naming an I/O port: its port, else 0. */
static uint16_t gas_io_port(const uint8_t *gas)
{
	uint64_t a = rd64(gas + 4);
	return gas[0] == 1 && a <= 0xFFFF ? (uint16_t)a : 0;
}

static uint16_t io_port32(uint32_t v)
{
	return v <= 0xFFFF ? (uint16_t)v : 0;
}

/* Offsets in the FADT (ACPI 6.x, table 5.9). */
#define FADT_V1_LEN     116
#define FADT_DSDT       40
#define FADT_SMI_CMD    48
#define FADT_ACPI_ENABLE 52
#define FADT_PM1A_CNT   64
#define FADT_PM1B_CNT   68
#define FADT_FLAGS      112
#define FADT_RESET_REG  116
#define FADT_RESET_VAL  128
#define FADT_X_DSDT     140
#define FADT_X_PM1A_CNT 172
#define FADT_X_PM1B_CNT 184
#define FADT_RESET_REG_SUP (1u << 10)

int acpi_fadt_decode(const struct acpi_table *fadt, struct acpi_fadt *out)
{
	const uint8_t *f = fadt->p;
	uint32_t len = fadt->len;
	if (len < FADT_V1_LEN)
		return -1;
	*out = (struct acpi_fadt){ 0 };
	out->dsdt = rd32(f + FADT_DSDT);
	if (len >= FADT_X_DSDT + 8 && rd64(f + FADT_X_DSDT))
		out->dsdt = rd64(f + FADT_X_DSDT);      /* the spec: X_DSDT wins */
	if (!out->dsdt)
		return -1;
	out->smi_cmd = io_port32(rd32(f + FADT_SMI_CMD));
	out->acpi_enable = f[FADT_ACPI_ENABLE];
	out->pm1a_cnt = io_port32(rd32(f + FADT_PM1A_CNT));
	out->pm1b_cnt = io_port32(rd32(f + FADT_PM1B_CNT));
	if (!out->pm1a_cnt && len >= FADT_X_PM1A_CNT + 12)
		out->pm1a_cnt = gas_io_port(f + FADT_X_PM1A_CNT);
	if (!out->pm1b_cnt && len >= FADT_X_PM1B_CNT + 12)
		out->pm1b_cnt = gas_io_port(f + FADT_X_PM1B_CNT);
	/* The reset register is ACPI 2.0 (FADT revision 2) and is only
	 * there if the flag says so. Only an I/O port is supported: tern
	 * maps no MMIO for this, and PCI configuration space resets are
	 * rare (0xCF9 is tried anyway). */
	if (f[8] >= 2 && len >= FADT_RESET_VAL + 1 && (rd32(f + FADT_FLAGS) & FADT_RESET_REG_SUP)) {
		out->reset_port = gas_io_port(f + FADT_RESET_REG);
		out->reset_value = f[FADT_RESET_VAL];
	}
	return 0;
}

/* AML data objects that can hold a sleep type. Returns the byte after the
 * object, or 0 if it is none of them or runs past end. */
static const uint8_t *aml_integer(const uint8_t *p, const uint8_t *end, uint8_t *out)
{
	if (p >= end)
		return 0;
	unsigned extra;
	switch (*p) {
	case 0x00: *out = 0; return p + 1;             /* ZeroOp */
	case 0x01: *out = 1; return p + 1;             /* OneOp */
	case 0xFF: *out = 0xFF; return p + 1;          /* OnesOp */
	case 0x0A: extra = 1; break;                   /* BytePrefix */
	case 0x0B: extra = 2; break;                   /* WordPrefix */
	case 0x0C: extra = 4; break;                   /* DWordPrefix */
	case 0x0E: extra = 8; break;                   /* QWordPrefix */
	default: return 0;
	}
	if ((uint64_t)(end - p) < 1 + extra)
		return 0;
	*out = p[1];    /* a sleep type is 3 bits: the low byte holds it */
	return p + 1 + extra;
}

/*
 * No AML interpreter: _S5 is, on every firmware we know of, a plain named
 * package, "NameOp [\] _S5_ PackageOp PkgLength NumElements a b ...", so
 * we look for exactly that and check every byte we read lies inside both
 * the package and the table.
 */
int acpi_s5_parse(const uint8_t *aml, uint32_t len, uint8_t *a, uint8_t *b)
{
	const uint8_t *end = aml + len;
	for (uint32_t i = 1; i + 6 <= len; i++) {
		const uint8_t *p = aml + i;
		if (memcmp(p, "_S5_", 4) || p[4] != 0x12)      /* PackageOp */
			continue;
		if (!(p[-1] == 0x08 || (p[-1] == '\\' && i >= 2 && p[-2] == 0x08)))
			continue;                               /* not NameOp: a reference */
		const uint8_t *q = p + 5;                       /* PkgLength */
		unsigned nbytes = (*q >> 6) & 3;
		if ((uint64_t)(end - q) < nbytes + 2u)
			continue;
		uint32_t pkglen = nbytes ? *q & 0x0F : *q & 0x3F;
		for (unsigned k = 0; k < nbytes; k++)
			pkglen |= (uint32_t)q[1 + k] << (4 + 8 * k);
		if (pkglen > (uint64_t)(end - q))
			continue;
		const uint8_t *pend = q + pkglen;
		q += 1 + nbytes;
		if (q >= pend || *q < 2)                        /* NumElements */
			continue;
		q++;
		uint8_t va, vb;
		if (!(q = aml_integer(q, pend, &va)) || !aml_integer(q, pend, &vb))
			continue;
		*a = va & 7;
		*b = vb & 7;
		return 0;
	}
	return -1;
}
