/* Unit tests for boot/uefi/kelf.c: the UEFI loader's check of tern.elf. */
#include "unit.h"
#include <handoff.h>
#include <kelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A minimal kernel: ELF header, two program headers, a hand-off header at 0x100. */
static uint8_t img[0x2000];

static void put(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void phdr(int i, uint32_t type, uint32_t flags, uint64_t off, uint64_t paddr,
		 uint64_t filesz, uint64_t memsz)
{
	uint8_t *ph = img + 64 + i * 56;
	put(ph, type, 4);
	put(ph + 4, flags, 4);
	put(ph + 8, off, 8);
	put(ph + 16, paddr + 0xffffffff80000000ull, 8);
	put(ph + 24, paddr, 8);
	put(ph + 32, filesz, 8);
	put(ph + 40, memsz, 8);
}

static void build(void)
{
	memset(img, 0, sizeof(img));
	memcpy(img, "\x7f" "ELF\x02\x01\x01", 7);
	put(img + 16, 2, 2);            /* ET_EXEC */
	put(img + 18, 62, 2);           /* x86_64 */
	put(img + 32, 64, 8);           /* phoff */
	put(img + 54, 56, 2);
	put(img + 56, 2, 2);
	phdr(0, 1, 5, 0x000, 0x100000, 0x1000, 0x1000);        /* boot: R X */
	phdr(1, 1, 6, 0x1000, 0x101000, 0x800, 0x5000);        /* data + bss */
	put(img + 0x100, HANDOFF_HEADER_MAGIC, 8);
	put(img + 0x108, HANDOFF_VERSION, 4);
	put(img + 0x110, 0x100200, 8);
}

TEST(kelf_accepts_a_kernel_and_finds_the_entry)
{
	struct kelf k;
	build();
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), 0);
	CHECK_EQ(k.nseg, 2);
	CHECK_EQ(k.lo, 0x100000);
	CHECK_EQ(k.hi, 0x106000);
	CHECK_EQ(k.entry64, 0x100200);
}

TEST(kelf_rejects_what_it_must)
{
	struct kelf k;
	build();
	CHECK_EQ(kelf_check(&k, img, 40), KELF_ESHORT);
	CHECK_EQ(kelf_check(&k, img, 0x1400), KELF_ESEGMENT);   /* truncated download */
	img[0] = 'M';
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), KELF_EMAGIC);
	build();
	img[4] = 1;
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), KELF_ECLASS);
	build();
	put(img + 18, 3, 2);
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), KELF_EMACHINE);
	build();
	phdr(1, 1, 6, 0x1000, 0x100800, 0x800, 0x5000);        /* overlaps the first */
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), KELF_EOVERLAP);
	build();
	phdr(1, 1, 6, 0x1000, 0xfffff000, 0x800, 0x5000);      /* crosses 4 GiB */
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), KELF_EADDR);
	build();
	phdr(1, 1, 6, 0x1000, 0x101000, 0x6000, 0x5000);
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), KELF_ESEGMENT);
	build();
	put(img + 0x100, 0, 8);                                 /* not a tern kernel */
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), KELF_ENOHEADER);
	build();
	put(img + 0x108, HANDOFF_VERSION + 1, 4);
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), KELF_EVERSION);
	build();
	put(img + 0x110, 0x101100, 8);                          /* entry in the data segment */
	CHECK_EQ(kelf_check(&k, img, sizeof(img)), KELF_EENTRY);
	CHECK(strstr(kelf_strerror(KELF_ENOHEADER), "tern kernel") != 0);
}

/* The kernel this tree builds passes, with its entry at _start64. */
TEST(kelf_accepts_the_built_kernel)
{
	const char *path = getenv("TERN_KERNEL") ? getenv("TERN_KERNEL") : "build/kernel/tern.elf";
	FILE *f = fopen(path, "rb");
	if (!f) {
		printf("  (no %s: skipped)\n", path);
		return;
	}
	static uint8_t buf[4 << 20];
	size_t n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	struct kelf k;
	CHECK_EQ(kelf_check(&k, buf, n), 0);
	CHECK_EQ(k.lo, 0x100000);
	CHECK(k.entry64 > k.lo && k.entry64 < k.lo + 0x2000);
}
