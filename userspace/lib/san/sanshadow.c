/* ASan's shadow rules and the sanitized heap's layout, pure (sanshadow.h). */
#include "sanshadow.h"

static int byte_ok(const uint8_t *sh, uint64_t addr, uint64_t base)
{
	uint8_t s = sh[(addr >> 3) - (base >> 3)];
	return s == 0 || (s < SAN_GRANULE && (addr & 7) < s);
}

uint64_t san_first_bad(const uint8_t *sh, uint64_t addr, uint64_t size)
{
	for (uint64_t a = addr; a - addr < size; a++) {
		/* A whole clean granule at once: the common case. */
		if (!(a & 7) && a - addr + 8 <= size && !sh[(a >> 3) - (addr >> 3)]) {
			a += 7;
			continue;
		}
		if (!byte_ok(sh, a, addr))
			return a;
	}
	return 0;
}

uint8_t san_code_at(const uint8_t *sh, uint64_t addr)
{
	(void)addr;
	uint8_t s = sh[0];
	return s >= 1 && s < SAN_GRANULE ? sh[1] : s;
}

const char *san_kind(uint8_t code)
{
	switch (code) {
	case SAN_HEAP_LEFT:
	case SAN_HEAP_RIGHT: return "heap-buffer-overflow";
	case SAN_HEAP_FREED: return "heap-use-after-free";
	case SAN_STACK_LEFT:
	case SAN_STACK_MID:
	case SAN_STACK_RIGHT: return "stack-buffer-overflow";
	case SAN_STACK_SCOPE: return "stack-use-after-scope";
	case SAN_GLOBAL: return "global-buffer-overflow";
	case SAN_ALLOCA_LEFT:
	case SAN_ALLOCA_RIGHT: return "dynamic-stack-buffer-overflow";
	}
	return "unknown-crash";
}

void san_unpoison(uint8_t *sh, uint64_t n)
{
	uint64_t i = 0;
	for (; i < n / SAN_GRANULE; i++)
		sh[i] = 0;
	if (n % SAN_GRANULE)
		sh[i] = (uint8_t)(n % SAN_GRANULE);
}

void san_poison(uint8_t *sh, uint64_t n, uint8_t code)
{
	for (uint64_t i = 0; i < n / SAN_GRANULE; i++)
		sh[i] = code;
}

size_t san_block_size(size_t n)
{
	if (n > SIZE_MAX / 2)
		return 0;
	return (SAN_LEFT + n + SAN_RIGHT_MIN + 15) & ~(size_t)15;
}

void *san_quarantine_make_room(struct san_quarantine *q, size_t size)
{
	if (!q->count || (q->count < SAN_QUARANTINE_SLOTS && q->bytes + size <= SAN_QUARANTINE_BYTES))
		return 0;
	return san_quarantine_take(q);
}

void san_quarantine_put(struct san_quarantine *q, void *block, size_t size)
{
	unsigned at = (q->head + q->count) % SAN_QUARANTINE_SLOTS;
	q->block[at] = block;
	q->size[at] = size;
	q->count++;
	q->bytes += size;
}

void *san_quarantine_take(struct san_quarantine *q)
{
	if (!q->count)
		return 0;
	void *b = q->block[q->head];
	q->bytes -= q->size[q->head];
	q->head = (q->head + 1) % SAN_QUARANTINE_SLOTS;
	q->count--;
	return b;
}

const char *san_int_text(int is_signed, unsigned width, uint64_t v, char *buf)
{
	if (width < 64 && is_signed && (v >> (width - 1)) & 1)
		v |= ~0ull << width;            /* sign-extend */
	else if (width < 64)
		v &= (1ull << width) - 1;
	int neg = is_signed && (int64_t)v < 0, n = 0;
	uint64_t u = neg ? -v : v;
	char tmp[24];
	do
		tmp[n++] = (char)('0' + u % 10);
	while (u /= 10);
	char *p = buf;
	if (neg)
		*p++ = '-';
	while (n)
		*p++ = tmp[--n];
	*p = 0;
	return buf;
}
