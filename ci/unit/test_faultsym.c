/* userspace/sbin/init/faultsym.c: a fault address named from a real ELF's
 * symbol table (made here with as and ld at fixed addresses), nothing from
 * the same file stripped, and no crash on truncated or bit-flipped files. */
#include "unit.h"
#include "faultsym.h"
#include <stdlib.h>
#include <string.h>

/* f1 [0x401000, +16), f2 [0x401010, +8), 8 bytes of nothing, f3 at
 * 0x401020 without a size (as assembly often is), a data object after. */
#define PROG \
	"printf '%s\\n' '.text' '.globl _start' '.type f1,@function' '_start:' 'f1: .fill 16,1,0x90' '.size f1,16' " \
	"'.type f2,@function' 'f2: .fill 8,1,0x90' '.size f2,8' '.fill 8,1,0xcc' " \
	"'.type f3,@function' 'f3: .fill 32,1,0x90' '.data' '.type obj,@object' 'obj: .quad 1' '.size obj,8' >a.s && " \
	"as -o a.o a.s && ld -static -Ttext=0x401000 -o x.tar a.o"

static uint8_t *prog(const char *extra, size_t *len)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "%s%s", PROG, extra);
	return unit_tar_from_shell(cmd, len);
}

TEST(faultsym_names_functions)
{
	size_t len = 0;
	uint8_t *elf = prog("", &len);
	char out[64];
	CHECK(elf);
	CHECK(faultsym_name(elf, len, 0x401003, out, sizeof(out)));
	CHECK_STR(out, "f1+0x3");
	CHECK(faultsym_name(elf, len, 0x401010, out, sizeof(out)));
	CHECK_STR(out, "f2+0x0");
	CHECK(faultsym_name(elf, len, 0x401017, out, sizeof(out)));
	CHECK_STR(out, "f2+0x7");
	/* Past f2's end, before f3: in no function. */
	CHECK(!faultsym_name(elf, len, 0x401018, out, sizeof(out)));
	CHECK_STR(out, "");
	CHECK(faultsym_name(elf, len, 0x40103a, out, sizeof(out)));
	CHECK_STR(out, "f3+0x1a");
	CHECK(!faultsym_name(elf, len, 0x400fff, out, sizeof(out)));
	free(elf);
}

TEST(faultsym_cut_to_fit)
{
	size_t len = 0;
	uint8_t *elf = prog("", &len);
	char out[6];
	CHECK(elf);
	CHECK(faultsym_name(elf, len, 0x401003, out, sizeof(out)));
	CHECK_STR(out, "f1+0x");
	CHECK(!faultsym_name(elf, len, 0x401003, out, 0));
	free(elf);
}

TEST(faultsym_stripped_has_none)
{
	size_t len = 0;
	uint8_t *elf = prog(" && strip x.tar", &len);
	char out[64];
	CHECK(elf);
	CHECK(!faultsym_name(elf, len, 0x401003, out, sizeof(out)));
	CHECK_STR(out, "");
	free(elf);
}

TEST(faultsym_hostile_files)
{
	size_t len = 0;
	uint8_t *elf = prog("", &len);
	char out[64];
	CHECK(elf);
	for (size_t cut = 0; cut < len; cut += 7) {
		uint8_t *t = malloc(cut ? cut : 1);
		memcpy(t, elf, cut);
		faultsym_name(t, cut, 0x401003, out, sizeof(out));
		CHECK(strlen(out) < sizeof(out));
		free(t);
	}
	for (size_t i = 0; i < len; i++) {
		uint8_t *t = malloc(len);
		memcpy(t, elf, len);
		t[i] ^= 0xA5;
		faultsym_name(t, len, 0x401003, out, sizeof(out));
		CHECK(strlen(out) < sizeof(out));
		free(t);
	}
	free(elf);
}
