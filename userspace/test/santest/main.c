/*
 * The sanitizers' target (PLATFORM=linux SAN=1, docs/hosted.md): makes
 * one bug on command, so ci/scenarios/hosted/san.run can check that the
 * sanitized build reports it, by kind and place, and that the program
 * dies of it:
 *   santest overflow   writes one byte past a 24-byte malloc block
 *   santest uaf        reads a block after freeing it
 *   santest stack      writes past a local array
 *   santest global     reads past a global array
 *   santest signed     overflows an int (UBSan)
 *   santest misaligned loads an int from an odd address (UBSan)
 *   santest null       loads through a null pointer (UBSan)
 *   santest doublefree frees a block twice
 *   santest mapshadow  maps a page of its own where ASan's shadow is
 *                      (hosted/san.h): tern-task must refuse, loudly
 * Built unsanitized (the PC), it does the same and, where nothing
 * faults, says so and exits 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tern/program.h>
#include <tern/sys.h>

/* Volatile: the compiler must make each access, not prove it wrong. */
static volatile int sink;
static int table[5] = { 1, 2, 3, 4, 5 };
static volatile int table_index = 5;

static void overflow(void)
{
	char *p = malloc(24);
	volatile char *v = p;
	v[24] = 1;
	free(p);
}

static void use_after_free(void)
{
	int *p = malloc(sizeof(int) * 4);
	p[1] = 7;
	free(p);
	sink = ((volatile int *)p)[1];
}

/* Out of line and out of the optimiser's sight: UBSan's object-size
 * check would otherwise see the array and report first. These are
 * ASan's red zones at work. */
__attribute__((noipa)) static void poke(char *p, int i)
{
	p[i] = 1;
}

__attribute__((noipa)) static int peek(const int *p, int i)
{
	return p[i];
}

static void double_free(void)
{
	char *p = malloc(16);
	free(p);
	free(p);       /* unsanitized, the free list now holds p twice: no more malloc */
}

static void stack(void)
{
	char buf[12];
	poke(buf, 12);
	sink = buf[0];
}

static void global(void)
{
	sink = peek(table, table_index);
}

static void signed_overflow(void)
{
	volatile int big = 0x7fffffff;
	sink = big + 1;
}

static void misaligned(void)
{
	static char bytes[16];
	volatile uintptr_t odd = (uintptr_t)bytes + 1;
	sink = *(int *)odd;
}

static void null(void)
{
	volatile uintptr_t zero = 0;
	sink = *(int *)zero;
}

/* 96 TiB: SAN_SHADOW_BASE (platform/linux/include/hosted/san.h). A valid
 * address for a tern mapping, which tern-task must not let overlap the
 * shadow in silence. */
static void map_shadow(void)
{
	uint64_t s = slot_alloc();
	if (!s || tern_mem_create(PROG_MEMORY, CAP_PAGE, s, 1) ||
	    tern_page_map(s, 0, 0x600000000000ull, RIGHT_READ | RIGHT_WRITE)) {
		printf("santest: cannot map a page\n");
		return;
	}
	*(volatile int *)0x600000000000ull = 1;
}

static const struct {
	const char *name;
	void (*fn)(void);
} bugs[] = {
	{ "overflow", overflow }, { "uaf", use_after_free }, { "stack", stack }, { "global", global },
	{ "signed", signed_overflow }, { "misaligned", misaligned }, { "null", null },
	{ "doublefree", double_free }, { "mapshadow", map_shadow },
};

int main(int argc, const char **argv)
{
	for (size_t i = 0; argc == 2 && i < sizeof(bugs) / sizeof(bugs[0]); i++) {
		if (strcmp(argv[1], bugs[i].name))
			continue;
		bugs[i].fn();
		printf("santest: %s: not caught (not a sanitized build?)\n", argv[1]);
		return 1;
	}
	eprintf("usage: santest overflow|uaf|stack|global|signed|misaligned|null|doublefree|mapshadow\n");
	return 2;
}
