/*
 * Checking tern.elf before the loader copies it to physical memory: ELF64,
 * x86_64, ET_EXEC; each PT_LOAD inside the file, filesz <= memsz, loaded at
 * p_paddr below 4 GiB without overlap; and the hand-off header
 * (handoff.h) in the first 8 KiB of the lowest segment, with its 64-bit
 * entry inside an executable segment. The file is not trusted: a truncated
 * download or the wrong file must give a message, not a wild copy.
 * Pure code, unit-tested on the host (ci/unit/test_uefi_kelf.c).
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define KELF_SEGMENTS_MAX 8

struct kelf_segment {
	uint64_t paddr, memsz, offset, filesz;
	uint32_t flags;
};

struct kelf {
	int nseg;
	struct kelf_segment seg[KELF_SEGMENTS_MAX];
	uint64_t lo, hi;                /* physical extent: [lo, hi) */
	uint64_t entry64;
};

enum {
	KELF_ESHORT = -1, KELF_EMAGIC = -2, KELF_ECLASS = -3, KELF_EMACHINE = -4,
	KELF_ETYPE = -5, KELF_EPHDR = -6, KELF_ESEGMENT = -7, KELF_ESIZE = -8,
	KELF_EADDR = -9, KELF_EOVERLAP = -10, KELF_ENOLOAD = -11, KELF_EMANY = -12,
	KELF_ENOHEADER = -13, KELF_EVERSION = -14, KELF_EENTRY = -15,
};

int kelf_check(struct kelf *k, const void *buf, size_t len);
const char *kelf_strerror(int err);
