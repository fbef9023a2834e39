/*
 * Unit tests for kernel/lib/acpi_tables.c: the ACPI walk over synthetic
 * "physical memory" (a heap buffer, so ASan catches any read past what
 * the map callback allowed).
 */
#include "unit.h"
#include <acpi_tables.h>
#include <stdlib.h>
#include <string.h>

#define MEM_SIZE 0x10000

static uint8_t *mem;

static const void *map(void *ctx, uint64_t pa, uint64_t len)
{
	(void)ctx;
	if (pa > MEM_SIZE || len > MEM_SIZE - pa)
		return 0;
	return mem + pa;
}

static struct acpi_mem m = { map, 0 };

static void mem_reset(void)
{
	free(mem);
	mem = calloc(1, MEM_SIZE);
}

static void put32(uint64_t pa, uint32_t v) { memcpy(mem + pa, &v, 4); }
static void put64(uint64_t pa, uint64_t v) { memcpy(mem + pa, &v, 8); }

static void fix_sum(uint64_t pa, uint32_t len, uint32_t at)
{
	uint8_t s = 0;
	mem[pa + at] = 0;
	for (uint32_t i = 0; i < len; i++)
		s += mem[pa + i];
	mem[pa + at] = (uint8_t)-s;
}

/* A table header; call seal() once the body is written. */
static void table(uint64_t pa, const char *sig, uint32_t len, uint8_t rev)
{
	memcpy(mem + pa, sig, 4);
	put32(pa + 4, len);
	mem[pa + 8] = rev;
	memcpy(mem + pa + 10, "TERNTS", 6);
}

static void seal(uint64_t pa) { uint32_t len; memcpy(&len, mem + pa + 4, 4); fix_sum(pa, len, 9); }

static void rsdp(uint64_t pa, uint8_t rev, uint32_t rsdt, uint64_t xsdt)
{
	memcpy(mem + pa, "RSD PTR ", 8);
	memcpy(mem + pa + 9, "TERNTS", 6);
	mem[pa + 15] = rev;
	put32(pa + 16, rsdt);
	fix_sum(pa, 20, 8);
	if (rev >= 2) {
		put32(pa + 20, 36);
		put64(pa + 24, xsdt);
		fix_sum(pa, 36, 32);
	}
}

static void rsdt(uint64_t pa, const uint32_t *ent, int n)
{
	table(pa, "RSDT", 36 + 4 * n, 1);
	for (int i = 0; i < n; i++)
		put32(pa + 36 + 4 * i, ent[i]);
	seal(pa);
}

static void xsdt(uint64_t pa, const uint64_t *ent, int n)
{
	table(pa, "XSDT", 36 + 8 * n, 1);
	for (int i = 0; i < n; i++)
		put64(pa + 36 + 8 * i, ent[i]);
	seal(pa);
}

/* A FADT of len bytes (116: ACPI 1.0, 244: 2.0+) with PM1a at port pm1a. */
static void fadt(uint64_t pa, uint32_t len, uint8_t rev, uint32_t dsdt, uint16_t pm1a)
{
	table(pa, "FACP", len, rev);
	put32(pa + 40, dsdt);
	put32(pa + 64, pm1a);
	seal(pa);
}

TEST(acpi_rsdp_v1_good_and_bad)
{
	mem_reset();
	struct acpi_rsdp r;
	rsdp(0x100, 0, 0x1000, 0);
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), 0);
	CHECK_EQ(r.rsdt, 0x1000);
	CHECK_EQ(r.xsdt, 0);
	mem[0x100 + 16] ^= 1;                                   /* checksum now wrong */
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), -1);
	mem[0x100 + 16] ^= 1;
	mem[0x100] = 'r';                                       /* signature */
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), -1);
	CHECK_EQ(acpi_rsdp_check(&m, MEM_SIZE - 10, &r), -1);   /* runs off memory */
}

TEST(acpi_rsdp_v2_extended_checksum)
{
	mem_reset();
	struct acpi_rsdp r;
	rsdp(0x100, 2, 0x1000, 0x2000);
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), 0);
	CHECK_EQ(r.revision, 2);
	CHECK_EQ(r.xsdt, 0x2000);
	/* A bad extended checksum: the XSDT is not trusted, the RSDT still is. */
	mem[0x100 + 24] ^= 0x40;
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), 0);
	CHECK_EQ(r.xsdt, 0);
	CHECK_EQ(r.rsdt, 0x1000);
	/* An extended length past memory's end or absurd: likewise. */
	rsdp(0x100, 2, 0x1000, 0x2000);
	put32(0x100 + 20, 0x7FFFFFFF);
	fix_sum(0x100, 36, 32);
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), 0);
	CHECK_EQ(r.xsdt, 0);
}

TEST(acpi_table_checks_length_and_checksum)
{
	mem_reset();
	struct acpi_table t;
	table(0x1000, "FACP", 116, 1);
	seal(0x1000);
	CHECK_EQ(acpi_table_check(&m, 0x1000, "FACP", &t), 0);
	CHECK_EQ(t.len, 116);
	CHECK_EQ(acpi_table_check(&m, 0x1000, "APIC", &t), -1);        /* other signature */
	mem[0x1000 + 50] = 1;                                           /* body changed */
	CHECK_EQ(acpi_table_check(&m, 0x1000, "FACP", &t), -1);
	table(0x1000, "FACP", 20, 1);                                   /* shorter than a header */
	seal(0x1000);
	CHECK_EQ(acpi_table_check(&m, 0x1000, "FACP", &t), -1);
	table(MEM_SIZE - 64, "FACP", 116, 1);                           /* truncated by memory's end */
	CHECK_EQ(acpi_table_check(&m, MEM_SIZE - 64, "FACP", &t), -1);
	table(0x1000, "FACP", 0xFFFFFFF0u, 1);                          /* absurd length */
	CHECK_EQ(acpi_table_check(&m, 0x1000, "FACP", &t), -1);
	CHECK_EQ(acpi_table_check(&m, 0, 0, &t), -1);                   /* null address */
}

TEST(acpi_xsdt_preferred_over_rsdt)
{
	mem_reset();
	fadt(0x3000, 116, 1, 0x5000, 0x600);    /* only the RSDT lists this one */
	fadt(0x4000, 244, 3, 0x5000, 0xB004);   /* only the XSDT lists this one */
	uint32_t re[] = { 0x3000 };
	uint64_t xe[] = { 0x4000 };
	rsdt(0x1000, re, 1);
	xsdt(0x2000, xe, 1);
	rsdp(0x100, 2, 0x1000, 0x2000);
	struct acpi_rsdp r;
	struct acpi_table t;
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), 0);
	CHECK_EQ(acpi_find(&m, &r, "FACP", &t), 0);
	CHECK_EQ(t.pa, 0x4000);
}

TEST(acpi_rsdt_fallback_for_bad_xsdt_or_v1)
{
	mem_reset();
	fadt(0x3000, 116, 1, 0x5000, 0x600);
	fadt(0x4000, 244, 3, 0x5000, 0xB004);
	uint32_t re[] = { 0x3000 };
	uint64_t xe[] = { 0x4000 };
	rsdt(0x1000, re, 1);
	xsdt(0x2000, xe, 1);
	mem[0x2000 + 36] ^= 0x80;               /* XSDT checksum now wrong */
	rsdp(0x100, 2, 0x1000, 0x2000);
	struct acpi_rsdp r;
	struct acpi_table t;
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), 0);
	CHECK_EQ(acpi_find(&m, &r, "FACP", &t), 0);
	CHECK_EQ(t.pa, 0x3000);
	/* Revision 0: the XSDT address is not even looked at. */
	mem[0x2000 + 36] ^= 0x80;
	rsdp(0x100, 0, 0x1000, 0);
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), 0);
	CHECK_EQ(acpi_find(&m, &r, "FACP", &t), 0);
	CHECK_EQ(t.pa, 0x3000);
	/* Neither root good: nothing. */
	mem[0x1000 + 36] ^= 0x80;
	CHECK_EQ(acpi_find(&m, &r, "FACP", &t), -1);
}

TEST(acpi_find_skips_bad_and_wild_entries)
{
	mem_reset();
	fadt(0x3000, 116, 1, 0x5000, 0x600);
	mem[0x3000 + 100] = 7;                  /* this FACP's checksum is wrong */
	fadt(0x4000, 116, 1, 0x5000, 0x700);
	table(0x4800, "APIC", 44, 1);
	seal(0x4800);
	uint64_t xe[] = { 0, 0xFFFFFFFFFFFFF000ull, MEM_SIZE - 8, 0x4800, 0x3000, 0x4000 };
	xsdt(0x2000, xe, 6);
	put32(0x2000 + 4, 36 + 8 * 6 + 5);      /* a ragged length: the tail is not an entry */
	seal(0x2000);
	rsdp(0x100, 2, 0, 0x2000);
	struct acpi_rsdp r;
	struct acpi_table t;
	CHECK_EQ(acpi_rsdp_check(&m, 0x100, &r), 0);
	CHECK_EQ(acpi_find(&m, &r, "FACP", &t), 0);
	CHECK_EQ(t.pa, 0x4000);
	CHECK_EQ(acpi_find(&m, &r, "HPET", &t), -1);
}

TEST(acpi_fadt_v1_and_v2)
{
	mem_reset();
	struct acpi_table t;
	struct acpi_fadt f;
	fadt(0x3000, 116, 1, 0x5000, 0x604);
	put32(0x3000 + 48, 0xB2);              /* SMI_CMD */
	mem[0x3000 + 52] = 0xF1;                /* ACPI_ENABLE */
	put32(0x3000 + 112, 1u << 10);          /* reset "supported", but revision 1 */
	seal(0x3000);
	CHECK_EQ(acpi_table_check(&m, 0x3000, "FACP", &t), 0);
	CHECK_EQ(acpi_fadt_decode(&t, &f), 0);
	CHECK_EQ(f.dsdt, 0x5000);
	CHECK_EQ(f.pm1a_cnt, 0x604);
	CHECK_EQ(f.pm1b_cnt, 0);
	CHECK_EQ(f.smi_cmd, 0xB2);
	CHECK_EQ(f.acpi_enable, 0xF1);
	CHECK_EQ(f.reset_port, 0);

	/* Revision 3: X_DSDT wins, X_PM1a when the 32-bit field is 0, reset register. */
	fadt(0x4000, 244, 3, 0x5000, 0);
	put32(0x4000 + 112, 1u << 10);
	mem[0x4000 + 116] = 1;                  /* reset: system I/O */
	put64(0x4000 + 120, 0xCF9);
	mem[0x4000 + 128] = 6;
	put64(0x4000 + 140, 0x6000);            /* X_DSDT */
	mem[0x4000 + 172] = 1;                  /* X_PM1a_CNT: system I/O */
	put64(0x4000 + 176, 0xB004);
	seal(0x4000);
	CHECK_EQ(acpi_table_check(&m, 0x4000, "FACP", &t), 0);
	CHECK_EQ(acpi_fadt_decode(&t, &f), 0);
	CHECK_EQ(f.dsdt, 0x6000);
	CHECK_EQ(f.pm1a_cnt, 0xB004);
	CHECK_EQ(f.reset_port, 0xCF9);
	CHECK_EQ(f.reset_value, 6);

	/* The flag clear or a memory-space register: no reset port. */
	put32(0x4000 + 112, 0);
	seal(0x4000);
	CHECK_EQ(acpi_fadt_decode(&t, &f), 0);
	CHECK_EQ(f.reset_port, 0);
	put32(0x4000 + 112, 1u << 10);
	mem[0x4000 + 116] = 0;
	seal(0x4000);
	CHECK_EQ(acpi_fadt_decode(&t, &f), 0);
	CHECK_EQ(f.reset_port, 0);

	/* Too short for ACPI 1.0, or no DSDT at all. */
	table(0x4000, "FACP", 100, 1);
	seal(0x4000);
	CHECK_EQ(acpi_table_check(&m, 0x4000, "FACP", &t), 0);
	CHECK_EQ(acpi_fadt_decode(&t, &f), -1);
	fadt(0x4000, 116, 1, 0, 0x604);
	CHECK_EQ(acpi_table_check(&m, 0x4000, "FACP", &t), 0);
	CHECK_EQ(acpi_fadt_decode(&t, &f), -1);
}

static int s5(const uint8_t *aml, uint32_t len, uint8_t *a, uint8_t *b)
{
	/* A copy of exactly len bytes, so ASan sees any overread. */
	uint8_t *c = malloc(len);
	memcpy(c, aml, len);
	int r = acpi_s5_parse(c, len, a, b);
	free(c);
	return r;
}

TEST(acpi_s5_package)
{
	uint8_t a = 9, b = 9;
	/* QEMU's: Name (_S5, Package (0x04) { Zero, Zero, Zero, Zero }), after junk. */
	static const uint8_t qemu[] = { 0x10, 0x20, 0x5C, 0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04,
		0x00, 0x00, 0x00, 0x00 };
	CHECK_EQ(s5(qemu, sizeof(qemu), &a, &b), 0);
	CHECK_EQ(a, 0);
	CHECK_EQ(b, 0);
	/* Byte constants, root prefix: Name (\_S5, Package () { 0x05, 0x07 }). */
	static const uint8_t bytes[] = { 0x08, '\\', '_', 'S', '5', '_', 0x12, 0x06, 0x02, 0x0A, 0x05,
		0x0A, 0x07 };
	CHECK_EQ(s5(bytes, sizeof(bytes), &a, &b), 0);
	CHECK_EQ(a, 5);
	CHECK_EQ(b, 7);
	/* A reference to _S5_ (no NameOp) first, then the real one: the real one counts. */
	static const uint8_t ref[] = { 0x70, '_', 'S', '5', '_', 0x12, 0x01, 0x08, '_', 'S', '5', '_',
		0x12, 0x05, 0x02, 0x01, 0x0A, 0x03 };
	CHECK_EQ(s5(ref, sizeof(ref), &a, &b), 0);
	CHECK_EQ(a, 1);
	CHECK_EQ(b, 3);
	/* Two-byte PkgLength (0x40 | low nibble, then the next byte << 4). */
	static const uint8_t long_len[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x46, 0x00, 0x02, 0x0A,
		0x02, 0x01 };
	CHECK_EQ(s5(long_len, sizeof(long_len), &a, &b), 0);
	CHECK_EQ(a, 2);
	CHECK_EQ(b, 1);
}

TEST(acpi_s5_rejects_truncated_and_odd)
{
	uint8_t a, b;
	/* The table ends inside the package. */
	static const uint8_t cut[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x0A };
	CHECK_EQ(s5(cut, sizeof(cut), &a, &b), -1);
	/* PkgLength says the package ends before its second element. */
	static const uint8_t short_pkg[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x03, 0x02, 0x0A, 0x05,
		0x0A, 0x05 };
	CHECK_EQ(s5(short_pkg, sizeof(short_pkg), &a, &b), -1);
	/* PkgLength past the end of the table. */
	static const uint8_t long_pkg[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x3F, 0x02, 0x00, 0x00 };
	CHECK_EQ(s5(long_pkg, sizeof(long_pkg), &a, &b), -1);
	/* One element only, or an element that is no integer (a method call). */
	static const uint8_t one[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x03, 0x01, 0x00 };
	CHECK_EQ(s5(one, sizeof(one), &a, &b), -1);
	static const uint8_t call[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x07, 0x02, 'F', 'O', 'O', '_',
		0x00 };
	CHECK_EQ(s5(call, sizeof(call), &a, &b), -1);
	/* No _S5_ at all, and _S5_ at the very end. */
	static const uint8_t none[] = { 0x08, '_', 'S', '4', '_', 0x12, 0x04, 0x02, 0x00, 0x00 };
	CHECK_EQ(s5(none, sizeof(none), &a, &b), -1);
	static const uint8_t tail[] = { 0x08, '_', 'S', '5', '_' };
	CHECK_EQ(s5(tail, sizeof(tail), &a, &b), -1);
}
