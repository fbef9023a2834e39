/* The UEFI memory map, converted (efimap.h). */
#include <efimap.h>
#include <le_read.h>

enum {
	RESERVED = 0, LOADER_CODE, LOADER_DATA, BOOT_CODE, BOOT_DATA, RUNTIME_CODE,
	RUNTIME_DATA, CONVENTIONAL, UNUSABLE, ACPI_RECLAIM, ACPI_NVS,
};

uint32_t efimap_type(uint32_t efi_type)
{
	switch (efi_type) {
	case LOADER_CODE:
	case LOADER_DATA:
	case BOOT_CODE:
	case BOOT_DATA:
	case CONVENTIONAL:
		return HANDOFF_MEM_USABLE;
	case ACPI_RECLAIM:
		return HANDOFF_MEM_ACPI;
	case ACPI_NVS:
		return HANDOFF_MEM_NVS;
	default:
		return HANDOFF_MEM_RESERVED;
	}
}

/* Insert r into the sorted out[0..*n), merging with a neighbour it touches. */
static int insert(struct handoff_mem *out, uint32_t max, uint32_t *n, struct handoff_mem r)
{
	uint32_t i = 0;
	while (i < *n && out[i].base < r.base)
		i++;
	if (i > 0 && out[i - 1].type == r.type && out[i - 1].base + out[i - 1].len == r.base) {
		out[i - 1].len += r.len;
		if (i < *n && out[i].type == r.type && r.base + r.len == out[i].base) {
			out[i - 1].len += out[i].len;
			for (uint32_t j = i; j + 1 < *n; j++)
				out[j] = out[j + 1];
			(*n)--;
		}
		return 0;
	}
	if (i < *n && out[i].type == r.type && r.base + r.len == out[i].base) {
		out[i].base = r.base;
		out[i].len += r.len;
		return 0;
	}
	if (*n == max)
		return -1;
	for (uint32_t j = *n; j > i; j--)
		out[j] = out[j - 1];
	out[i] = r;
	(*n)++;
	return 0;
}

uint32_t efimap_convert(struct handoff_mem *out, uint32_t max, uint32_t *n,
			const void *map, uint64_t size, uint64_t desc_size)
{
	uint32_t dropped = 0;
	*n = 0;
	if (desc_size < 32)
		return 0;
	for (uint64_t off = 0; off + desc_size <= size; off += desc_size) {
		const uint8_t *d = (const uint8_t *)map + off;
		uint64_t base = le_read(d + 8, 8), pages = le_read(d + 24, 8);
		if (!pages || pages > (~0ull - base) >> 12)
			continue;       /* empty, or wraps: not a real range */
		struct handoff_mem r = { base, pages << 12, efimap_type((uint32_t)le_read(d, 4)), 0 };
		if (insert(out, max, n, r))
			dropped++;
	}
	return dropped;
}
