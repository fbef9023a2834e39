/*
 * ASan's runtime for the sanitized programs (-fsanitize=kernel-address,
 * hosted/san.h): the access check behind entry.S's __asan_* entry points,
 * the globals' red zones, alloca's. The heap's are heap.c's. Shadow rules
 * in sanshadow.c.
 */
#include <format.h>
#include <stddef.h>
#include "san.h"

/* 1 if the access is bad, reported (entry.S then traps at pc). Addresses
 * outside the program's half have no shadow: the access itself faults
 * there, as it would unsanitized. */
int san_access(uint64_t addr, uint64_t size, uint64_t write, uint64_t pc)
{
	if (!size || addr >= SAN_USER_END || size > SAN_USER_END - addr)
		return 0;
	const uint8_t *sh = san_shadow(addr);
	if ((addr & 7) + size <= 8) {
		uint8_t s = *sh;
		if (!s || (s < SAN_GRANULE && (addr & 7) + size <= s))
			return 0;
	}
	uint64_t bad = san_first_bad(sh, addr, size);
	if (!bad || san_reporting)
		return 0;
	san_reporting = 1;
	uint8_t code = san_code_at(san_shadow(bad), bad);
	char where[96] = "";
	uint64_t user, n;
	int freed;
	if ((code == SAN_HEAP_LEFT || code == SAN_HEAP_RIGHT || code == SAN_HEAP_FREED) &&
	    san_heap_block(bad, &user, &n, &freed)) {
		if (bad < user)
			fmt_snprintf(where, sizeof(where), ", %lu bytes before a %lu-byte block at 0x%lx",
				     user - bad, n, user);
		else if (bad >= user + n)
			fmt_snprintf(where, sizeof(where), ", %lu bytes after a %lu-byte block at 0x%lx",
				     bad - user - n, n, user);
		else
			fmt_snprintf(where, sizeof(where), ", %lu bytes inside a %s%lu-byte block at 0x%lx",
				     bad - user, freed ? "freed " : "", n, user);
	}
	san_say("asan: %s: %s of %lu byte%s at 0x%lx%s%s, pc 0x%lx", san_kind(code), write ? "write" : "read",
		size, size == 1 ? "" : "s", addr, bad == addr ? "" : " (partly)", where, pc);
	return 1;
}

/* The compiler's description of a global (GCC's struct since GCC 7). */
struct asan_global {
	uint64_t beg, size, size_with_redzone;
	const char *name, *module_name;
	uint64_t has_dynamic_init;
	void *location;
	uint64_t odr_indicator;
};

void __asan_register_globals(struct asan_global *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t end = (g[i].beg + g[i].size + 7) & ~7ull;
		san_unpoison(san_shadow(g[i].beg), g[i].size);
		if (g[i].beg + g[i].size_with_redzone > end)
			san_poison(san_shadow(end), g[i].beg + g[i].size_with_redzone - end, SAN_GLOBAL);
	}
}

void __asan_unregister_globals(struct asan_global *g, size_t n)
{
	(void)g, (void)n;
}

/* Before a noreturn call: nothing to do, the program never unwinds past
 * frames of its own (no longjmp in tern). */
void __asan_handle_no_return(void)
{
}

/* alloca and VLAs: [addr, addr + size) with 32-byte red zones each side
 * (addr is 32-aligned), and their frames' region made clean again. */
void __asan_alloca_poison(uint64_t addr, uint64_t size)
{
	uint64_t end = (addr + size + 31) & ~31ull;
	san_poison(san_shadow(addr - 32), 32, SAN_ALLOCA_LEFT);
	san_unpoison(san_shadow(addr), size);
	uint64_t clean = (addr + size + 7) & ~7ull;
	san_poison(san_shadow(clean), end + 32 - clean, SAN_ALLOCA_RIGHT);
}

void __asan_allocas_unpoison(uint64_t top, uint64_t bottom)
{
	if (top && bottom > top)
		san_unpoison(san_shadow(top & ~7ull), bottom - (top & ~7ull));
}
