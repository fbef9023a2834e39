/*
 * Reading little-endian fields byte by byte, from untrusted bytes at any
 * alignment (ELF headers, firmware tables). Pure; shared by the ELF reader,
 * the UEFI loader and the kernel.
 */
#pragma once
#include <stdint.h>

/* The n-byte (n <= 8) little-endian number at p. */
static inline uint64_t le_read(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;
	while (n--)
		v = v << 8 | p[n];
	return v;
}
