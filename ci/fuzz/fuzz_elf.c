/*
 * libFuzzer target for userspace/lib/elf.c: validate the input; if it
 * passes, everything the reader then hands out must lie inside it and obey
 * the rules elf_check promised.
 */
#include "elf64.h"
#include <stdint.h>

#define ASSERT(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_image img;
	struct elf_segment s;
	const void *p;
	size_t n;
	unsigned i = 0;
	if (elf_check(&img, data, size))
		return 0;
	while (elf_next_load(&img, &i, &s)) {
		ASSERT(s.offset <= size && s.filesz <= size - s.offset);
		ASSERT(s.filesz <= s.memsz && s.vaddr + s.memsz <= ELF_USER_TOP);
	}
	const char *names[] = { ".manifest", ".text", "", ".shstrtab" };
	for (unsigned k = 0; k < 4; k++) {
		int r = elf_find_section(&img, names[k], &p, &n);
		ASSERT(elf_strerror(r));
		if (r == 0)
			ASSERT((const uint8_t *)p >= data && n <= size &&
			       (const uint8_t *)p + n <= data + size);
	}
	return 0;
}
