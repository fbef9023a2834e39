/*
 * The UEFI memory map as the kernel wants it (handoff.h): each descriptor
 * classified (boot services code and data, and the loader's own memory,
 * become usable RAM once boot services have exited; runtime services,
 * ACPI NVS, MMIO and anything unknown stay reserved; ACPI tables are their
 * own type), sorted by address, with touching ranges of one type merged.
 * Runs between GetMemoryMap and ExitBootServices, so it must not allocate.
 * Pure code, unit-tested on the host (ci/unit/test_uefi_efimap.c).
 */
#pragma once
#include <handoff.h>
#include <stdint.h>

/* The handoff type of an EFI memory type. */
uint32_t efimap_type(uint32_t efi_type);

/*
 * Convert map (size bytes, desc_size per descriptor; each descriptor
 * starts with uint32 type, pad, uint64 physical start, virtual start,
 * pages) into out[0..max). Returns how many ranges did not fit (0 when
 * all did); *n is the number written.
 */
uint32_t efimap_convert(struct handoff_mem *out, uint32_t max, uint32_t *n,
			const void *map, uint64_t size, uint64_t desc_size);
