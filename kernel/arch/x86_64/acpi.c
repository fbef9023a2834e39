/*
 * ACPI power-off and reset: find the RSDP (given by the boot loader, or
 * on BIOS machines by the scan below), walk to the FADT for the PM1
 * control ports and the reset register, and read SLP_TYPa/b from the \_S5
 * package in the DSDT. The decoding and every check of the firmware's
 * tables are in kernel/lib/acpi_tables.c; this file only reaches memory
 * and ports.
 */
#include <acpi.h>
#include <acpi_tables.h>
#include <arch/cpu.h>
#include <arch/layout.h>
#include <arch/paging.h>
#include <arch/pic.h>
#include <kprintf.h>

static int rsdp_given;
static uint64_t rsdp_pa;

void acpi_set_rsdp(uint64_t pa)
{
	rsdp_given = 1;
	rsdp_pa = pa;
}

/* Physical memory through the physmap; nothing outside it. */
static const void *physmap_map(void *ctx, uint64_t pa, uint64_t len)
{
	(void)ctx;
	uint64_t end = paging_physmap_end();
	if (pa > end || len > end - pa)
		return 0;
	return phys_to_virt(pa);
}

static const struct acpi_mem physmem = { physmap_map, 0 };

/*
 * The BIOS way (ACPI 6.x, 5.2.5.1): the first KiB of the EBDA, whose
 * segment the BIOS data area holds at 0x40E, then 0xE0000-0xFFFFF. Only
 * on the multiboot path, where a BIOS ran; the EBDA pointer is used only
 * if it points where an EBDA can be (below 640 KiB, above 512 KiB), so a
 * machine without a BIOS data area costs a wasted scan, not a wild read.
 */
static int bios_scan(struct acpi_rsdp *r)
{
	uint64_t ebda = (uint64_t)(*(volatile uint16_t *)phys_to_virt(0x40E)) << 4;
	uint64_t ranges[2][2] = { { ebda, ebda + 1024 }, { 0xE0000, 0x100000 } };
	for (int i = 0; i < 2; i++) {
		if (i == 0 && (ebda < 0x80000 || ebda >= 0xA0000))
			continue;
		for (uint64_t a = ranges[i][0]; a + ACPI_RSDP_V1_LEN <= ranges[i][1]; a += 16)
			if (!acpi_rsdp_check(&physmem, a, r))
				return 0;
	}
	return -1;
}

/* The FADT, decoded; on failure *why says what was missing. */
static int fadt_get(struct acpi_fadt *f, const char **why)
{
	struct acpi_rsdp r;
	struct acpi_table t;
	if (rsdp_given ? !rsdp_pa || acpi_rsdp_check(&physmem, rsdp_pa, &r) : bios_scan(&r)) {
		*why = rsdp_given && rsdp_pa ? "the boot loader's RSDP is not valid" : "no RSDP";
		return -1;
	}
	if (acpi_find(&physmem, &r, "FACP", &t) || acpi_fadt_decode(&t, f)) {
		*why = "no valid FADT";
		return -1;
	}
	return 0;
}

void acpi_poweroff(void)
{
	struct acpi_fadt f;
	struct acpi_table dsdt;
	const char *why;
	uint8_t a, b;
	if (fadt_get(&f, &why))
		goto fail;
	why = "the FADT has no PM1a control port";
	if (!f.pm1a_cnt)
		goto fail;
	why = "no valid DSDT";
	if (acpi_table_check(&physmem, f.dsdt, "DSDT", &dsdt))
		goto fail;
	why = "no \\_S5 package in the DSDT";
	if (acpi_s5_parse(dsdt.p + ACPI_HEADER_LEN, dsdt.len - ACPI_HEADER_LEN, &a, &b))
		goto fail;
	/* Enter ACPI mode if the firmware left us in legacy mode (SCI_EN). */
	if (f.smi_cmd && f.acpi_enable && !(inw(f.pm1a_cnt) & 1)) {
		outb(f.smi_cmd, f.acpi_enable);
		for (int i = 0; i < 1000000 && !(inw(f.pm1a_cnt) & 1); i++)
			cpu_pause();
	}
	outw(f.pm1a_cnt, (uint16_t)((a << 10) | (1 << 13)));   /* SLP_TYPa | SLP_EN */
	if (f.pm1b_cnt)
		outw(f.pm1b_cnt, (uint16_t)((b << 10) | (1 << 13)));
	/* The power may take a moment to go; don't report failure early. */
	pit_wait_ms(500);
	why = "the machine is still running after S5";
fail:
	kprintf("tern: ACPI power-off: %s\n", why);
}

void acpi_reset(void)
{
	struct acpi_fadt f;
	const char *why;
	if (fadt_get(&f, &why)) {
		kprintf("tern: reboot: no ACPI reset register (%s)\n", why);
		return;
	}
	if (!f.reset_port) {
		kprintf("tern: reboot: the FADT has no I/O reset register\n");
		return;
	}
	kprintf("tern: reboot: ACPI reset register (port %x, value %x)\n", f.reset_port, f.reset_value);
	outb(f.reset_port, f.reset_value);
}
