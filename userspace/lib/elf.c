/*
 * ELF64 reader (rules in elf64.h). Every offset and size from the file is
 * checked with range_ok() before use, written so that it cannot overflow:
 * the file is untrusted and the loader maps what we approve.
 */
#include "elf64.h"
#include "le_read.h"

enum {
	EH_TYPE = 16, EH_MACHINE = 18, EH_VERSION = 20, EH_ENTRY = 24, EH_PHOFF = 32,
	EH_SHOFF = 40, EH_EHSIZE = 52, EH_PHENTSIZE = 54, EH_PHNUM = 56,
	EH_SHENTSIZE = 58, EH_SHNUM = 60, EH_SHSTRNDX = 62, EH_SIZE = 64,
	PH_TYPE = 0, PH_FLAGS = 4, PH_OFFSET = 8, PH_VADDR = 16, PH_FILESZ = 32,
	PH_MEMSZ = 40, PH_ALIGN = 48, PH_SIZE = 56,
	SH_NAME = 0, SH_TYPE = 4, SH_OFFSET = 24, SH_SIZE = 32, SH_ENTSIZE = 64,
	PT_LOAD = 1, PT_INTERP = 3, SHT_NOBITS = 8, EM_X86_64 = 62,
	ET_EXEC = 2, ET_DYN = 3,
};

/* Is [off, off + size) inside a buffer of len bytes? */
static bool range_ok(uint64_t off, uint64_t size, size_t len)
{
	return off <= len && size <= len - off;
}

static void read_load(const uint8_t *ph, struct elf_segment *s)
{
	s->flags = (uint32_t)le_read(ph + PH_FLAGS, 4);
	s->offset = le_read(ph + PH_OFFSET, 8);
	s->vaddr = le_read(ph + PH_VADDR, 8);
	s->filesz = le_read(ph + PH_FILESZ, 8);
	s->memsz = le_read(ph + PH_MEMSZ, 8);
	s->align = le_read(ph + PH_ALIGN, 8);
}

static int check_load(const struct elf_segment *s, size_t len)
{
	if (!range_ok(s->offset, s->filesz, len))
		return ELF_ESEGMENT;
	if (s->filesz > s->memsz)
		return ELF_ESIZE;
	if (s->vaddr >= ELF_USER_TOP || s->memsz > ELF_USER_TOP - s->vaddr)
		return ELF_EADDR;
	if (s->align > 1 && ((s->align & (s->align - 1)) ||
			     (s->vaddr - s->offset) & (s->align - 1)))
		return ELF_EALIGN;
	return 0;
}

int elf_check(struct elf_image *img, const void *buf, size_t len)
{
	const uint8_t *b = buf;
	if (len < EH_SIZE)
		return ELF_ESHORT;
	if (b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F')
		return ELF_EMAGIC;
	if (b[4] != 2 || b[5] != 1 || b[6] != 1 || le_read(b + EH_VERSION, 4) != 1 ||
	    le_read(b + EH_EHSIZE, 2) != EH_SIZE)
		return ELF_ECLASS;
	if (le_read(b + EH_MACHINE, 2) != EM_X86_64)
		return ELF_EMACHINE;
	img->type = (uint16_t)le_read(b + EH_TYPE, 2);
	if (img->type != ET_EXEC && img->type != ET_DYN)
		return ELF_ETYPE;
	img->buf = b;
	img->len = len;
	img->entry = le_read(b + EH_ENTRY, 8);
	img->phoff = le_read(b + EH_PHOFF, 8);
	img->phnum = (uint16_t)le_read(b + EH_PHNUM, 2);
	if (le_read(b + EH_PHENTSIZE, 2) != PH_SIZE || img->phnum == 0 || img->phnum > ELF_MAX_PHDRS ||
	    !range_ok(img->phoff, (uint64_t)img->phnum * PH_SIZE, len))
		return ELF_EPHDR;

	bool have_load = false, entry_ok = false;
	uint64_t prev_end = 0;
	for (unsigned i = 0; i < img->phnum; i++) {
		const uint8_t *ph = b + img->phoff + (size_t)i * PH_SIZE;
		uint32_t type = (uint32_t)le_read(ph + PH_TYPE, 4);
		struct elf_segment s;
		int r;
		if (type == PT_INTERP)
			return ELF_EINTERP;
		if (type != PT_LOAD)
			continue;
		read_load(ph, &s);
		if (!s.memsz && !s.filesz)
			continue;       /* loads nothing: a linker's empty segment, wherever it says */
		if ((r = check_load(&s, len)))
			return r;
		if (have_load && s.vaddr < prev_end)
			return ELF_EOVERLAP;
		have_load = true;
		prev_end = s.vaddr + s.memsz;
		if ((s.flags & ELF_PF_X) && img->entry >= s.vaddr && img->entry - s.vaddr < s.memsz)
			entry_ok = true;
	}
	if (!have_load)
		return ELF_ENOLOAD;
	if (!entry_ok)
		return ELF_EENTRY;
	return 0;
}

int elf_next_load(const struct elf_image *img, unsigned *index, struct elf_segment *seg)
{
	while (*index < img->phnum) {
		const uint8_t *ph = img->buf + img->phoff + (size_t)(*index)++ * PH_SIZE;
		if (le_read(ph + PH_TYPE, 4) == PT_LOAD) {
			read_load(ph, seg);
			if (seg->memsz || seg->filesz)
				return 1;
		}
	}
	return 0;
}

/* Does the NUL-terminated name at strtab[off] (within size bytes) equal name? */
static bool name_is(const uint8_t *strtab, uint64_t size, uint64_t off, const char *name)
{
	for (uint64_t k = 0; off < size && k < size - off; k++) {
		if (strtab[off + k] != (uint8_t)name[k])
			return false;
		if (!name[k])
			return true;
	}
	return false;                   /* ran off the table unterminated */
}

int elf_find_section(const struct elf_image *img, const char *name, const void **data, size_t *size)
{
	const uint8_t *b = img->buf;
	uint64_t shoff = le_read(b + EH_SHOFF, 8);
	unsigned shnum = (unsigned)le_read(b + EH_SHNUM, 2);
	unsigned shstrndx = (unsigned)le_read(b + EH_SHSTRNDX, 2);
	if (shnum == 0)
		return ELF_ENOSECTION;
	if (le_read(b + EH_SHENTSIZE, 2) != SH_ENTSIZE || !range_ok(shoff, (uint64_t)shnum * SH_ENTSIZE, img->len) ||
	    shstrndx == 0 || shstrndx >= shnum)
		return ELF_ESHDR;
	const uint8_t *sh = b + shoff;
	const uint8_t *str_sh = sh + (size_t)shstrndx * SH_ENTSIZE;
	uint64_t str_off = le_read(str_sh + SH_OFFSET, 8), str_size = le_read(str_sh + SH_SIZE, 8);
	if (le_read(str_sh + SH_TYPE, 4) == SHT_NOBITS || !range_ok(str_off, str_size, img->len))
		return ELF_ESHDR;

	for (unsigned i = 1; i < shnum; i++) {
		const uint8_t *s = sh + (size_t)i * SH_ENTSIZE;
		if (!name_is(b + str_off, str_size, le_read(s + SH_NAME, 4), name))
			continue;
		uint64_t off = le_read(s + SH_OFFSET, 8), sz = le_read(s + SH_SIZE, 8);
		if (le_read(s + SH_TYPE, 4) == SHT_NOBITS)
			return ELF_ENOBITS;
		if (!range_ok(off, sz, img->len))
			return ELF_ESHDR;
		*data = b + off;
		*size = (size_t)sz;
		return 0;
	}
	return ELF_ENOSECTION;
}

const char *elf_strerror(int err)
{
	switch (err) {
	case 0: return "ok";
	case ELF_ESHORT: return "file too short for an ELF header";
	case ELF_EMAGIC: return "not an ELF file";
	case ELF_ECLASS: return "not ELF64 little-endian version 1";
	case ELF_EMACHINE: return "not an x86_64 ELF";
	case ELF_ETYPE: return "not an executable (ET_EXEC or ET_DYN)";
	case ELF_EPHDR: return "bad program header table";
	case ELF_ESEGMENT: return "segment data outside the file";
	case ELF_ESIZE: return "segment file size above memory size";
	case ELF_EADDR: return "segment outside user address space";
	case ELF_EALIGN: return "bad segment alignment";
	case ELF_EOVERLAP: return "segments overlap or are out of order";
	case ELF_ENOLOAD: return "no loadable segment";
	case ELF_EENTRY: return "entry point not in an executable segment";
	case ELF_EINTERP: return "needs a dynamic linker";
	case ELF_ESHDR: return "bad section header table";
	case ELF_ENOSECTION: return "no such section";
	case ELF_ENOBITS: return "section has no data in the file";
	default: return "unknown ELF error";
	}
}
