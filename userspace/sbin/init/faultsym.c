/*
 * Naming the function a program faulted in, for init's fault line
 * (requests.c). The test initramfs keeps each program's .symtab (strip
 * --strip-debug); the user one has none, and the line shows the address
 * alone. Pure and bounded: the ELF is a program file, as hostile as any,
 * so every table and name is checked against the file (elf_find_section
 * checks the sections), and ci/unit/test_faultsym.c feeds it broken ones.
 *
 * The function: the STT_FUNC symbol (defined, in a section) with the
 * highest value <= addr that holds addr, a symbol of size 0 (assembly
 * without .size) counting as holding everything up to the next one.
 */
#include "faultsym.h"
#include "elf64.h"

#define SYM_SIZE 24             /* Elf64_Sym */
#define STT_FUNC 2
#define SHN_UNDEF 0
#define OFF_HEX_MAX 16

static uint64_t rd(const uint8_t *p, int n)
{
	uint64_t v = 0;
	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* Appends s (at most n bytes, stopping at a NUL) to out at *o, cut to cap. */
static void put(char *out, size_t cap, size_t *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i] && *o + 1 < cap; i++)
		out[(*o)++] = s[i];
	out[*o] = 0;
}

int faultsym_name(const uint8_t *elf, size_t len, uint64_t addr, char *out, size_t cap)
{
	if (!cap)
		return 0;
	out[0] = 0;
	struct elf_image img;
	const void *symv, *strv;
	size_t symsz, strsz;
	if (elf_check(&img, elf, len) || elf_find_section(&img, ".symtab", &symv, &symsz) ||
	    elf_find_section(&img, ".strtab", &strv, &strsz))
		return 0;
	const uint8_t *sym = symv;
	const char *str = strv;
	const uint8_t *best = 0;
	uint64_t best_value = 0;
	for (size_t i = 0; i + SYM_SIZE <= symsz; i += SYM_SIZE) {
		const uint8_t *s = sym + i;
		uint64_t value = rd(s + 8, 8), size = rd(s + 16, 8);
		if ((s[4] & 0xf) != STT_FUNC || rd(s + 6, 2) == SHN_UNDEF || value > addr)
			continue;
		if (size && addr - value >= size)
			continue;
		if (!best || value > best_value || (value == best_value && size)) {
			best = s;
			best_value = value;
		}
	}
	if (!best)
		return 0;
	uint64_t name = rd(best, 4);
	if (name >= strsz)
		return 0;
	size_t o = 0;
	put(out, cap, &o, str + name, strsz - name);
	if (!o)
		return 0;
	char hex[3 + OFF_HEX_MAX + 1] = "+0x", *h = hex + 3;
	uint64_t off = addr - best_value;
	int digits = 1;
	for (uint64_t v = off; v >= 16; v >>= 4)
		digits++;
	for (int d = digits - 1; d >= 0; d--)
		*h++ = "0123456789abcdef"[(off >> (4 * d)) & 15];
	put(out, cap, &o, hex, (size_t)(h - hex));
	return 1;
}
