/* The kernel ELF check (kelf.h). Fields are read byte by byte: no alignment needed. */
#include <handoff.h>
#include <kelf.h>
#include <le_read.h>

enum {
	EH_TYPE = 16, EH_MACHINE = 18, EH_PHOFF = 32, EH_PHENTSIZE = 54, EH_PHNUM = 56,
	EH_SIZE = 64, PH_TYPE = 0, PH_FLAGS = 4, PH_OFFSET = 8, PH_PADDR = 24,
	PH_FILESZ = 32, PH_MEMSZ = 40, PH_SIZE = 56, PT_LOAD = 1, PF_X = 1,
	HEADER_SEARCH = 8192,
};
#define FOUR_GIB 0x100000000ull

static int inside(uint64_t off, uint64_t size, size_t len)
{
	return off <= len && size <= len - off;
}

static int add_segment(struct kelf *k, const uint8_t *ph, size_t len)
{
	struct kelf_segment s = {
		.paddr = le_read(ph + PH_PADDR, 8), .memsz = le_read(ph + PH_MEMSZ, 8),
		.offset = le_read(ph + PH_OFFSET, 8), .filesz = le_read(ph + PH_FILESZ, 8),
		.flags = (uint32_t)le_read(ph + PH_FLAGS, 4),
	};
	if (!s.memsz)
		return 0;
	if (!inside(s.offset, s.filesz, len))
		return KELF_ESEGMENT;
	if (s.filesz > s.memsz)
		return KELF_ESIZE;
	if (s.paddr >= FOUR_GIB || s.memsz > FOUR_GIB - s.paddr)
		return KELF_EADDR;
	for (int i = 0; i < k->nseg; i++)
		if (s.paddr < k->seg[i].paddr + k->seg[i].memsz && k->seg[i].paddr < s.paddr + s.memsz)
			return KELF_EOVERLAP;
	if (k->nseg == KELF_SEGMENTS_MAX)
		return KELF_EMANY;
	k->seg[k->nseg++] = s;
	if (k->nseg == 1 || s.paddr < k->lo)
		k->lo = s.paddr;
	if (s.paddr + s.memsz > k->hi)
		k->hi = s.paddr + s.memsz;
	return 0;
}

/* The hand-off header: 8-byte aligned in memory, in the lowest segment's first 8 KiB. */
static int find_header(struct kelf *k, const uint8_t *b)
{
	const struct kelf_segment *low = &k->seg[0];
	for (int i = 1; i < k->nseg; i++)
		if (k->seg[i].paddr < low->paddr)
			low = &k->seg[i];
	uint64_t n = low->filesz < HEADER_SEARCH ? low->filesz : HEADER_SEARCH;
	for (uint64_t o = (8 - (low->paddr & 7)) & 7; o + 24 <= n; o += 8) {
		const uint8_t *h = b + low->offset + o;
		if (le_read(h, 8) != HANDOFF_HEADER_MAGIC)
			continue;
		if (le_read(h + 8, 4) != HANDOFF_VERSION)
			return KELF_EVERSION;
		k->entry64 = le_read(h + 16, 8);
		for (int i = 0; i < k->nseg; i++) {
			const struct kelf_segment *s = &k->seg[i];
			if ((s->flags & PF_X) && k->entry64 >= s->paddr &&
			    k->entry64 - s->paddr < s->filesz)
				return 0;
		}
		return KELF_EENTRY;
	}
	return KELF_ENOHEADER;
}

int kelf_check(struct kelf *k, const void *buf, size_t len)
{
	const uint8_t *b = buf;
	*k = (struct kelf){ 0 };
	if (len < EH_SIZE)
		return KELF_ESHORT;
	if (b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F')
		return KELF_EMAGIC;
	if (b[4] != 2 || b[5] != 1 || b[6] != 1)
		return KELF_ECLASS;
	if (le_read(b + EH_MACHINE, 2) != 62)
		return KELF_EMACHINE;
	if (le_read(b + EH_TYPE, 2) != 2)
		return KELF_ETYPE;
	uint64_t phoff = le_read(b + EH_PHOFF, 8), phnum = le_read(b + EH_PHNUM, 2);
	if (le_read(b + EH_PHENTSIZE, 2) != PH_SIZE || !phnum || !inside(phoff, phnum * PH_SIZE, len))
		return KELF_EPHDR;
	for (uint64_t i = 0; i < phnum; i++) {
		const uint8_t *ph = b + phoff + i * PH_SIZE;
		int r;
		if (le_read(ph + PH_TYPE, 4) == PT_LOAD && (r = add_segment(k, ph, len)))
			return r;
	}
	if (!k->nseg)
		return KELF_ENOLOAD;
	return find_header(k, b);
}

const char *kelf_strerror(int err)
{
	switch (err) {
	case KELF_ESHORT: return "too short to be an ELF file (truncated?)";
	case KELF_EMAGIC: return "not an ELF file";
	case KELF_ECLASS: return "not a 64-bit little-endian ELF file";
	case KELF_EMACHINE: return "not built for x86_64";
	case KELF_ETYPE: return "not an executable ELF file";
	case KELF_EPHDR: return "bad program header table (truncated?)";
	case KELF_ESEGMENT: return "a segment lies outside the file (truncated?)";
	case KELF_ESIZE: return "a segment has more file bytes than memory bytes";
	case KELF_EADDR: return "a segment is not below 4 GiB";
	case KELF_EOVERLAP: return "two segments overlap";
	case KELF_ENOLOAD: return "nothing to load";
	case KELF_EMANY: return "too many segments";
	case KELF_ENOHEADER: return "no tern UEFI entry (hand-off header); is it a tern kernel?";
	case KELF_EVERSION: return "hand-off header of another version (loader and kernel differ)";
	case KELF_EENTRY: return "the 64-bit entry is not in an executable segment";
	default: return "unknown error";
	}
}
