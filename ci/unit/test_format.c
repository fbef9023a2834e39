/* Unit tests for kernel/lib/format.c against the host's snprintf. */
#include "unit.h"
#include <format.h>
#include <stdint.h>
#include <string.h>

#define SAME(...) \
	do { \
		char a[128], b[128]; \
		int na = fmt_snprintf(a, sizeof(a), __VA_ARGS__); \
		int nb = snprintf(b, sizeof(b), __VA_ARGS__); \
		CHECK_STR(a, b); \
		CHECK_EQ(na, nb); \
	} while (0)

TEST(format_integers)
{
	SAME("%d %i %u", -42, 7, 3000000000u);
	SAME("%ld %lu", -9000000000l, 18000000000000000000ul);
	SAME("%x %X %lx %o", 0xbeef, 0xBEEF, 0xffffffff80100000ul, 8);
	SAME("%d", -2147483647 - 1);
	SAME("%ld", (long)INT64_MIN);
	SAME("%lld %llu %llx", -9000000000ll, 18000000000000000000ull, 0xffffffff80100000ull);
	SAME("%zu %zx", (size_t)4000000000u * 4, (size_t)0xdeadbeef);
}

TEST(format_width_and_flags)
{
	SAME("[%5d] [%-5d] [%05d] [%016lx]", 42, 42, -42, 0x1234ul);
	SAME("[%.3d] [%8.3d]", 5, -5);
	SAME("[%10s] [%-10s] [%.2s]", "abc", "abc", "abcdef");
	SAME("[%c%c] [%3c] 100%%", 'o', 'k', 'x');
	SAME("[%*d] [%-*d]", 6, 1, 6, 1);
}

TEST(format_pointer_and_null_string)
{
	char a[64];
	fmt_snprintf(a, sizeof(a), "%p", (void *)0x1000);
	CHECK_STR(a, "0x1000");
	const char *volatile null = 0;
	fmt_snprintf(a, sizeof(a), "%s", null);
	CHECK_STR(a, "(null)");
}

TEST(format_truncates_and_counts)
{
	char a[8];
	int n = fmt_snprintf(a, sizeof(a), "%s", "0123456789");
	CHECK_EQ(n, 10);
	CHECK_STR(a, "0123456");
	n = fmt_snprintf(a, 0, "abc");
	CHECK_EQ(n, 3);
}
