/*
 * Reading ACPI tables without trusting them (kernel/lib/acpi_tables.c).
 * Pure code: physical memory is reached only through a map callback, so
 * the host unit tests (ci/unit/test_acpi.c) walk synthetic tables. Every
 * length, checksum and address is checked before anything is read
 * through it: firmware tables are often wrong, and a bad one must cost
 * us power-off, never a fault.
 */
#pragma once
#include <stdint.h>

/* Returns a pointer to the len bytes at physical address pa, or 0 if any
 * of them is not readable memory. Called before every read. */
typedef const void *(*acpi_map_fn)(void *ctx, uint64_t pa, uint64_t len);

struct acpi_mem {
	acpi_map_fn map;
	void *ctx;
};

#define ACPI_RSDP_V1_LEN        20
#define ACPI_RSDP_V2_LEN        36
#define ACPI_HEADER_LEN         36
/* No real table comes near this; a larger length is a corrupt header. */
#define ACPI_TABLE_MAX          (16u << 20)

/* What a validated RSDP points at. xsdt is 0 unless the RSDP is revision
 * 2 or later with a good extended checksum. */
struct acpi_rsdp {
	uint8_t revision;
	uint32_t rsdt;
	uint64_t xsdt;
};

/* A validated table: length and checksum checked, all of it mapped. */
struct acpi_table {
	const uint8_t *p;
	uint32_t len;
	uint64_t pa;
};

/* Checks the RSDP at pa ("RSD PTR ", the ACPI 1.0 checksum over 20 bytes;
 * from revision 2 the length and the extended checksum too, else the
 * XSDT is not used). Returns 0 if it is good, -1 if not. */
int acpi_rsdp_check(const struct acpi_mem *m, uint64_t pa, struct acpi_rsdp *out);

/* Maps the table at pa and checks it: a 4-byte signature sig (0: any),
 * a length from the header to ACPI_TABLE_MAX, checksum 0. 0 if good. */
int acpi_table_check(const struct acpi_mem *m, uint64_t pa, const char *sig, struct acpi_table *out);

/* The root table to walk: the XSDT if there is one and it is good, else
 * the RSDT. *entry_size is 8 or 4. 0 if good, -1 if neither is. */
int acpi_root(const struct acpi_mem *m, const struct acpi_rsdp *r, struct acpi_table *root,
	      unsigned *entry_size);

/* Finds the first good table with signature sig. 0 if found. */
int acpi_find(const struct acpi_mem *m, const struct acpi_rsdp *r, const char *sig,
	      struct acpi_table *out);

/* What tern uses of the FADT. Ports are 0 where the FADT has none. */
struct acpi_fadt {
	uint64_t dsdt;                  /* physical */
	uint16_t pm1a_cnt, pm1b_cnt;    /* PM1 control blocks (I/O) */
	uint16_t smi_cmd;               /* 0: no SMI command port */
	uint8_t acpi_enable;            /* value to write there */
	uint16_t reset_port;            /* 0: no usable reset register */
	uint8_t reset_value;
};

/* Decodes a validated FADT. -1 if it is too short (< 116 bytes, ACPI 1.0)
 * or has no DSDT. */
int acpi_fadt_decode(const struct acpi_table *fadt, struct acpi_fadt *out);

/* Finds "Name (_S5, Package () { a, b, ... })" in AML (the DSDT's body)
 * and returns the sleep types for S5 (soft off). 0 if found. */
int acpi_s5_parse(const uint8_t *aml, uint32_t len, uint8_t *a, uint8_t *b);
