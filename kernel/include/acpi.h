/*
 * ACPI, as much as tern needs: soft-off (S5) and the reset register.
 * Tables are read only when they are needed, through the validated walk
 * of acpi_tables.h.
 */
#pragma once
#include <stdint.h>

/* Where the boot loader found the RSDP (UEFI: the EFI configuration
 * table), 0 if it found none. Once called, the BIOS areas are never
 * scanned: after ExitBootServices nothing of BIOS can be assumed. Without
 * a call (multiboot, BIOS) the EBDA and 0xE0000-0xFFFFF are scanned. */
void acpi_set_rsdp(uint64_t pa);

/* S5 through PM1a/PM1b. Returns only if it could not power off, having
 * said why. */
void acpi_poweroff(void);

/* Writes the FADT's reset register if it has one (ACPI 2.0+). Returns if
 * there is none or the machine is still running, having said which. */
void acpi_reset(void);
