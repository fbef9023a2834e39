/*
 * Unit tests for userspace/lib/elf.c: real static executables built here
 * with the host gcc (with a .manifest section made both ways the build
 * makes it), the test binary itself, and a hand-built image mutated field
 * by field into every error.
 */
#include "unit.h"
#include "elf64.h"
#include <stdlib.h>
#include <string.h>

static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	uint8_t *buf = malloc(4 << 20);
	*len = fread(buf, 1, 4 << 20, f);
	fclose(f);
	return buf;
}

/* Build a static executable in a temp dir by running script there. */
static uint8_t *build(const char *script, size_t *len)
{
	char dir[] = "/tmp/tern-elf-XXXXXX", sh[4096], path[64];
	if (!mkdtemp(dir))
		return 0;
	snprintf(sh, sizeof(sh), "cd %s && %s", dir, script);
	uint8_t *buf = 0;
	if (system(sh) == 0) {
		snprintf(path, sizeof(path), "%s/a.elf", dir);
		buf = read_file(path, len);
	}
	snprintf(sh, sizeof(sh), "rm -rf %s", dir);
	if (system(sh) != 0)
		printf("note: could not remove %s\n", dir);
	return buf;
}

/* A C file with or without a .manifest section, compiled to a.elf. */
#define CODE_LINES "'static int counter = 1; int bss[1000];' " \
	"'void _start(void) { for (;;) bss[counter++] = 1; }' "
#define CC_STATIC "gcc -static -nostdlib -ffreestanding -fno-pie -no-pie -O1 -Wl,--build-id=none -o a.elf p.c"
#define PROGRAM "printf '%s\\n' " \
	"'__attribute__((section(\".manifest\"), used)) static const char m[] = \"[program]\\nname=t\\n\";' " \
	CODE_LINES "> p.c && " CC_STATIC
#define PLAIN_PROGRAM "printf '%s\\n' " CODE_LINES "> p.c && " CC_STATIC

TEST(elf_accepts_gcc_static_executable)
{
	size_t len;
	uint8_t *buf = build(PROGRAM, &len);
	CHECK(buf);
	struct elf_image img;
	CHECK_EQ(elf_check(&img, buf, len), 0);
	CHECK_EQ(img.type, 2);

	struct elf_segment s;
	unsigned i = 0, loads = 0;
	int entry_seen = 0, writable_bss = 0;
	while (elf_next_load(&img, &i, &s)) {
		loads++;
		CHECK(s.offset + s.filesz <= len && s.filesz <= s.memsz);
		if ((s.flags & ELF_PF_X) && img.entry >= s.vaddr && img.entry < s.vaddr + s.memsz)
			entry_seen = 1;
		if ((s.flags & ELF_PF_W) && s.memsz >= s.filesz + 4000)
			writable_bss = 1;
	}
	CHECK(loads >= 2);
	CHECK(entry_seen);
	CHECK(writable_bss);

	const void *p;
	size_t n;
	CHECK_EQ(elf_find_section(&img, ".manifest", &p, &n), 0);
	CHECK_EQ(n, sizeof("[program]\nname=t\n"));
	CHECK(!memcmp(p, "[program]\nname=t\n", n));
	CHECK_EQ(elf_find_section(&img, ".bss", &p, &n), ELF_ENOBITS);
	CHECK_EQ(elf_find_section(&img, ".nope", &p, &n), ELF_ENOSECTION);
	free(buf);
}

/* userspace.mk adds the manifest file with objcopy; read it back the same way. */
TEST(elf_finds_objcopy_added_manifest)
{
	size_t len;
	uint8_t *buf = build(PLAIN_PROGRAM " && printf '[driver]\\nname=x\\n' > m.ini && "
			     "objcopy --add-section .manifest=m.ini --set-section-flags .manifest=noload,readonly "
			     "a.elf", &len);
	CHECK(buf);
	struct elf_image img;
	const void *p;
	size_t n;
	CHECK_EQ(elf_check(&img, buf, len), 0);
	CHECK_EQ(elf_find_section(&img, ".manifest", &p, &n), 0);
	CHECK_EQ(n, 16);
	CHECK(!memcmp(p, "[driver]\nname=x\n", 16));
	free(buf);
}

TEST(elf_rejects_dynamically_linked_test_binary)
{
	size_t len;
	uint8_t *buf = read_file("/proc/self/exe", &len);
	CHECK(buf);
	struct elf_image img;
	CHECK_EQ(elf_check(&img, buf, len), ELF_EINTERP);
	free(buf);
}

/* ---- a hand-built image ---------------------------------------------- */

enum { PH = 64, CODE = 0x200, DATA = 0x300, STRTAB = 0x400, MANIFEST = 0x500, SH = 0x600, LEN = SH + 5 * 64 };
static const char strtab[] = "\0.text\0.manifest\0.shstrtab\0.bss";  /* 1, 7, 17, 27 */
static const char manifest[] = "[program]\nname=t\n";
static uint8_t img_buf[LEN];

static void wr(uint8_t *p, unsigned n, uint64_t v)
{
	for (unsigned i = 0; i < n; i++, v >>= 8)
		p[i] = (uint8_t)v;
}

static void phdr(int i, uint32_t type, uint32_t flags, uint64_t off, uint64_t vaddr, uint64_t filesz,
		 uint64_t memsz, uint64_t align)
{
	uint8_t *p = img_buf + PH + i * 56;
	wr(p, 4, type), wr(p + 4, 4, flags), wr(p + 8, 8, off), wr(p + 16, 8, vaddr);
	wr(p + 24, 8, vaddr), wr(p + 32, 8, filesz), wr(p + 40, 8, memsz), wr(p + 48, 8, align);
}

static void shdr(int i, uint32_t name, uint32_t type, uint64_t off, uint64_t size)
{
	uint8_t *p = img_buf + SH + i * 64;
	wr(p, 4, name), wr(p + 4, 4, type), wr(p + 24, 8, off), wr(p + 32, 8, size);
}

static void make_image(void)
{
	uint8_t *b = img_buf;
	memset(b, 0, LEN);
	memcpy(b, "\x7f" "ELF\x02\x01\x01", 7);
	wr(b + 16, 2, 2), wr(b + 18, 2, 62), wr(b + 20, 4, 1), wr(b + 24, 8, 0x400200);
	wr(b + 32, 8, PH), wr(b + 40, 8, SH), wr(b + 52, 2, 64), wr(b + 54, 2, 56), wr(b + 56, 2, 2);
	wr(b + 58, 2, 64), wr(b + 60, 2, 5), wr(b + 62, 2, 3);
	phdr(0, 1, ELF_PF_R | ELF_PF_X, CODE, 0x400200, 0x10, 0x10, 0x1000);
	phdr(1, 1, ELF_PF_R | ELF_PF_W, DATA, 0x401300, 0x20, 0x1000, 0x1000);
	memcpy(b + CODE, "\xeb\xfe", 2);
	memcpy(b + STRTAB, strtab, sizeof(strtab));
	memcpy(b + MANIFEST, manifest, sizeof(manifest) - 1);
	shdr(1, 1, 1, CODE, 0x10);
	shdr(2, 7, 1, MANIFEST, sizeof(manifest) - 1);
	shdr(3, 17, 3, STRTAB, sizeof(strtab));
	shdr(4, 27, 8, DATA + 0x20, 0x1000);
}

static int check(void)
{
	struct elf_image img;
	return elf_check(&img, img_buf, LEN);
}

/* Change n bytes at off, expect err, restore the good image. */
#define MUTATE(off, n, v, err) \
	do { \
		make_image(); \
		wr(img_buf + (off), n, v); \
		CHECK_EQ(check(), err); \
	} while (0)
#define PHDR(i, err, ...) \
	do { \
		make_image(); \
		phdr(i, __VA_ARGS__); \
		CHECK_EQ(check(), err); \
	} while (0)

TEST(elf_hand_built_image_is_good)
{
	struct elf_image img;
	struct elf_segment s;
	unsigned i = 0;
	make_image();
	CHECK_EQ(elf_check(&img, img_buf, LEN), 0);
	CHECK_EQ(img.entry, 0x400200);
	CHECK_EQ(elf_next_load(&img, &i, &s), 1);
	CHECK_EQ(s.vaddr, 0x400200);
	CHECK_EQ(s.flags, ELF_PF_R | ELF_PF_X);
	CHECK_EQ(elf_next_load(&img, &i, &s), 1);
	CHECK_EQ(s.offset, DATA);
	CHECK_EQ(s.filesz, 0x20);
	CHECK_EQ(s.memsz, 0x1000);
	CHECK_EQ(elf_next_load(&img, &i, &s), 0);
	CHECK_EQ(elf_next_load(&img, &i, &s), 0);
	MUTATE(16, 2, 3, 0);                            /* ET_DYN is fine */
	PHDR(1, 0, 4, 0, 0, 0, 0, 0, 0);                /* one PT_LOAD + a PT_NOTE */
	PHDR(1, 0, 1, ELF_PF_R, DATA, 0x401300, 0, 0, 0); /* align 0, empty segment */
}

/* ld (PHDRS in userspace/lib/user.ld) gives a program without .rodata an
 * empty PT_LOAD at address 0 between its others: it loads nothing and is
 * neither an overlap nor a segment to map (it was, and init refused every
 * such program as "not a valid program"). */
TEST(elf_empty_segment_at_zero_is_skipped)
{
	struct elf_image img;
	struct elf_segment s;
	unsigned i = 0;
	make_image();
	wr(img_buf + 56, 2, 3);
	phdr(2, 1, ELF_PF_R | ELF_PF_W, DATA, 0x401300, 0x20, 0x1000, 0x1000);
	phdr(1, 1, ELF_PF_R, 0x210, 0, 0, 0, 0x1000);
	CHECK_EQ(elf_check(&img, img_buf, LEN), 0);
	CHECK_EQ(elf_next_load(&img, &i, &s), 1);
	CHECK_EQ(s.vaddr, 0x400200);
	CHECK_EQ(elf_next_load(&img, &i, &s), 1);
	CHECK_EQ(s.vaddr, 0x401300);
	CHECK_EQ(elf_next_load(&img, &i, &s), 0);
}

TEST(elf_header_errors)
{
	struct elf_image img;
	make_image();
	CHECK_EQ(elf_check(&img, img_buf, 63), ELF_ESHORT);
	CHECK_EQ(elf_check(&img, img_buf, 0), ELF_ESHORT);
	MUTATE(1, 1, 'e', ELF_EMAGIC);
	MUTATE(4, 1, 1, ELF_ECLASS);                    /* ELF32 */
	MUTATE(5, 1, 2, ELF_ECLASS);                    /* big-endian */
	MUTATE(20, 4, 2, ELF_ECLASS);
	MUTATE(52, 2, 52, ELF_ECLASS);
	MUTATE(18, 2, 3, ELF_EMACHINE);                 /* i386 */
	MUTATE(16, 2, 1, ELF_ETYPE);                    /* ET_REL */
	MUTATE(16, 2, 4, ELF_ETYPE);                    /* ET_CORE */
}

TEST(elf_program_header_table_errors)
{
	MUTATE(54, 2, 32, ELF_EPHDR);
	MUTATE(56, 2, 0, ELF_EPHDR);
	MUTATE(56, 2, ELF_MAX_PHDRS + 1, ELF_EPHDR);
	MUTATE(56, 2, 0xffff, ELF_EPHDR);
	MUTATE(32, 8, LEN - 100, ELF_EPHDR);
	MUTATE(32, 8, LEN, ELF_EPHDR);
	MUTATE(32, 8, 0xffffffffffffffc0ull, ELF_EPHDR);
	MUTATE(56, 2, 3, 0);                            /* a third, all-zero PT_NULL */
	PHDR(1, ELF_EINTERP, 3, ELF_PF_R, STRTAB, 0, 8, 8, 1);
	make_image();
	phdr(0, 4, 0, 0, 0, 0, 0, 0);
	phdr(1, 6, 0, 0, 0, 0, 0, 0);
	CHECK_EQ(check(), ELF_ENOLOAD);
}

TEST(elf_segment_errors)
{
	uint32_t rw = ELF_PF_R | ELF_PF_W;
	PHDR(1, ELF_ESEGMENT, 1, rw, LEN - 0x10, 0x401000 + ((LEN - 0x10) & 0xfff), 0x20, 0x20, 0x1000);
	PHDR(1, ELF_ESEGMENT, 1, rw, 0xfffffffffffff300ull, 0x401300, 0x1000, 0x1000, 0x1000);
	PHDR(1, ELF_ESIZE, 1, rw, DATA, 0x401300, 0x20, 0x10, 0x1000);
	PHDR(1, ELF_EADDR, 1, rw, DATA, 0x7ffffffff300ull, 0x20, 0x1000, 0x1000);
	PHDR(1, ELF_EADDR, 1, rw, DATA, 0xffffffff80001300ull, 0x20, 0x20, 0x1000);
	PHDR(1, ELF_EADDR, 1, rw, DATA, 0x401300, 0x20, 0xfffffffffffff000ull, 0x1000);
	PHDR(1, 0, 1, rw, DATA, 0x7ffffffff300ull, 0x20, 0xd00, 0x1000); /* ends at the top */
	PHDR(1, ELF_EALIGN, 1, rw, DATA, 0x401300, 0x20, 0x20, 0x1800);
	PHDR(1, ELF_EALIGN, 1, rw, DATA, 0x401310, 0x20, 0x20, 0x1000);
	PHDR(1, 0, 1, rw, DATA, 0x401310, 0x20, 0x20, 0x10);
	PHDR(1, ELF_EOVERLAP, 1, rw, DATA, 0x300300, 0x20, 0x20, 0x100);  /* below the first */
	PHDR(1, ELF_EOVERLAP, 1, rw, 0x208, 0x400208, 0x8, 0x8, 0x8);     /* inside the first */
	PHDR(1, 0, 1, rw, 0x210, 0x400210, 0x8, 0x8, 0x8);                /* just after it */
	PHDR(0, ELF_EENTRY, 1, ELF_PF_R, CODE, 0x400200, 0x10, 0x10, 0x1000);
	MUTATE(24, 8, 0x400210, ELF_EENTRY);            /* one past the end */
	MUTATE(24, 8, 0x401300, ELF_EENTRY);            /* in the data segment */
	MUTATE(24, 8, 0x40020f, 0);
}

TEST(elf_sections)
{
	struct elf_image img;
	const void *p;
	size_t n;
	make_image();
	CHECK_EQ(elf_check(&img, img_buf, LEN), 0);
	CHECK_EQ(elf_find_section(&img, ".manifest", &p, &n), 0);
	CHECK(p == img_buf + MANIFEST);
	CHECK_EQ(n, sizeof(manifest) - 1);
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), 0);
	CHECK_EQ(n, 0x10);
	CHECK_EQ(elf_find_section(&img, ".bss", &p, &n), ELF_ENOBITS);
	CHECK_EQ(elf_find_section(&img, ".man", &p, &n), ELF_ENOSECTION);
	CHECK_EQ(elf_find_section(&img, ".manifestx", &p, &n), ELF_ENOSECTION);
	CHECK_EQ(elf_find_section(&img, "", &p, &n), ELF_ENOSECTION);  /* section 0 is skipped */

	wr(img_buf + 58, 2, 40);
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), ELF_ESHDR);
	make_image();
	wr(img_buf + 62, 2, 5);
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), ELF_ESHDR);
	make_image();
	wr(img_buf + 62, 2, 0);
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), ELF_ESHDR);
	make_image();
	wr(img_buf + 40, 8, SH + 64);                   /* table runs past the end */
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), ELF_ESHDR);
	make_image();
	wr(img_buf + 40, 8, 0xffffffffffffff00ull);
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), ELF_ESHDR);
	make_image();
	wr(img_buf + 60, 2, 0);
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), ELF_ENOSECTION);
	make_image();
	shdr(3, 17, 3, STRTAB, LEN);                    /* strtab past the end */
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), ELF_ESHDR);
	make_image();
	shdr(3, 17, 8, STRTAB, sizeof(strtab));         /* strtab without bytes */
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), ELF_ESHDR);
	make_image();
	shdr(2, 7, 1, MANIFEST, LEN);                   /* data past the end */
	CHECK_EQ(elf_find_section(&img, ".manifest", &p, &n), ELF_ESHDR);
	make_image();
	shdr(2, 7, 1, 0xfffffffffffffff0ull, 0x20);
	CHECK_EQ(elf_find_section(&img, ".manifest", &p, &n), ELF_ESHDR);
	make_image();
	shdr(2, 0xffffffff, 1, MANIFEST, 4);            /* name offset outside strtab */
	CHECK_EQ(elf_find_section(&img, ".manifest", &p, &n), ELF_ENOSECTION);
	make_image();
	shdr(3, 17, 3, STRTAB, sizeof(strtab) - 1);     /* last name unterminated */
	CHECK_EQ(elf_find_section(&img, ".bss", &p, &n), ELF_ENOSECTION);
	CHECK_EQ(elf_find_section(&img, ".text", &p, &n), 0);
}

TEST(elf_every_truncation_and_byte_flip_is_safe)
{
	struct elf_image img;
	const void *p;
	size_t n;
	make_image();
	for (size_t len = 0; len < LEN; len++) {
		uint8_t *copy = malloc(len ? len : 1);  /* exact size: ASan sees overreads */
		memcpy(copy, img_buf, len);
		if (elf_check(&img, copy, len) == 0)
			elf_find_section(&img, ".manifest", &p, &n);
		free(copy);
	}
	for (size_t off = 0; off < 64 + 2 * 56; off++) {
		for (int bit = 0; bit < 8; bit++) {
			make_image();
			img_buf[off] ^= (uint8_t)(1 << bit);
			if (elf_check(&img, img_buf, LEN) == 0)
				elf_find_section(&img, ".manifest", &p, &n);
		}
	}
}

TEST(elf_error_strings_are_distinct)
{
	for (int a = ELF_ENOBITS; a <= 0; a++) {
		CHECK(strcmp(elf_strerror(a), "unknown ELF error"));
		for (int b = a + 1; b <= 0; b++)
			CHECK(strcmp(elf_strerror(a), elf_strerror(b)));
	}
	CHECK_STR(elf_strerror(-99), "unknown ELF error");
}
