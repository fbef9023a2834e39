/*
 * ELF64 reader for the loader: validates an x86_64 executable in memory
 * and walks its loadable segments and sections. Pure code, no libc, no
 * allocation; fields are read byte by byte (little-endian), so the image
 * needs no alignment. Fuzzed: ci/fuzz/fuzz_elf.c.
 *
 * elf_check accepts ELFCLASS64, little-endian, EM_X86_64, ET_EXEC or ET_DYN
 * (the latter loaded as is: no interpreter, no relocation by us), with:
 * - header and program header table inside the file, standard entry sizes,
 *   1..ELF_MAX_PHDRS program headers, at least one PT_LOAD, no PT_INTERP;
 * - every PT_LOAD: file range inside the file, filesz <= memsz, vaddr +
 *   memsz without overflow and at most ELF_USER_TOP (the lower half),
 *   p_align 0 or a power of two with vaddr = offset modulo it, segments in
 *   ascending vaddr order without overlap;
 * - the entry point inside an executable PT_LOAD.
 * Sections are optional; elf_find_section checks the section header table
 * and the name string table when it is asked.
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ELF_USER_TOP 0x0000800000000000ull
#define ELF_MAX_PHDRS 64

#define ELF_PF_X 1u
#define ELF_PF_W 2u
#define ELF_PF_R 4u

struct elf_image {
	const uint8_t *buf;
	size_t len;
	uint16_t type;          /* 2 ET_EXEC, 3 ET_DYN */
	uint64_t entry;
	uint64_t phoff;
	uint16_t phnum;
};

struct elf_segment {            /* one PT_LOAD */
	uint64_t vaddr, memsz;
	uint64_t offset, filesz;
	uint64_t align;
	uint32_t flags;         /* ELF_PF_* */
};

enum {
	ELF_ESHORT = -1,        /* smaller than an ELF header */
	ELF_EMAGIC = -2,
	ELF_ECLASS = -3,        /* not ELF64 little-endian version 1 */
	ELF_EMACHINE = -4,      /* not x86_64 */
	ELF_ETYPE = -5,         /* not ET_EXEC or ET_DYN */
	ELF_EPHDR = -6,         /* program header table bad or outside the file */
	ELF_ESEGMENT = -7,      /* a PT_LOAD's file range is outside the file */
	ELF_ESIZE = -8,         /* filesz > memsz */
	ELF_EADDR = -9,         /* segment outside the lower half or wraps */
	ELF_EALIGN = -10,
	ELF_EOVERLAP = -11,     /* PT_LOADs out of order or overlapping */
	ELF_ENOLOAD = -12,
	ELF_EENTRY = -13,       /* entry not in an executable segment */
	ELF_EINTERP = -14,      /* wants a dynamic linker */
	ELF_ESHDR = -15,        /* section header table or names bad */
	ELF_ENOSECTION = -16,
	ELF_ENOBITS = -17,      /* the section has no bytes in the file */
};

/* Validate buf; on success fill *img and return 0, else ELF_E*. */
int elf_check(struct elf_image *img, const void *buf, size_t len);
/*
 * Iterate the PT_LOAD segments of a checked image: start with *index = 0;
 * returns 1 with *seg filled in, 0 when there are no more.
 */
int elf_next_load(const struct elf_image *img, unsigned *index, struct elf_segment *seg);
/* Find a section by name: 0 with *data, *size pointing into the image, or ELF_E*. */
int elf_find_section(const struct elf_image *img, const char *name, const void **data, size_t *size);
const char *elf_strerror(int err);
