/*
 * ASan's shadow bytes and the heap's red-zone layout, pure: the rules the
 * sanitized programs' runtime (userspace/lib/san/) applies, unit-tested
 * on the host (ci/unit/test_sanshadow.c) over an ordinary array.
 *
 * One shadow byte describes one granule, 8 bytes aligned: 0 all of it may
 * be touched, 1..7 only that many first bytes, a code from 0x80 up none
 * (the code says why: SAN_* below). Functions take `sh`, the shadow byte
 * of the granule holding their first address.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define SAN_GRANULE 8

/* Why memory may not be touched. The stack and global codes are the
 * compiler's own (it writes them itself in function prologues). */
#define SAN_HEAP_LEFT   0xfa    /* before a malloc block: its header */
#define SAN_HEAP_RIGHT  0xfb    /* after a malloc block's requested size */
#define SAN_HEAP_FREED  0xfd    /* a freed block, in quarantine */
#define SAN_STACK_LEFT  0xf1
#define SAN_STACK_MID   0xf2
#define SAN_STACK_RIGHT 0xf3
#define SAN_STACK_SCOPE 0xf8    /* a local out of its scope */
#define SAN_GLOBAL      0xf9    /* after a global */
#define SAN_ALLOCA_LEFT 0xca
#define SAN_ALLOCA_RIGHT 0xcb

/* The first address of [addr, addr + size) that may not be touched, or 0
 * if every byte may. */
uint64_t san_first_bad(const uint8_t *sh, uint64_t addr, uint64_t size);
/* The code that explains a bad byte at addr: its granule's, or when that
 * granule is only partly addressable (1..7), the next one's. */
uint8_t san_code_at(const uint8_t *sh, uint64_t addr);
/* The report's name for a code ("heap-buffer-overflow", ...). */
const char *san_kind(uint8_t code);

/* addr 8-aligned: its first n bytes addressable (the last granule
 * partly, 1..7). */
void san_unpoison(uint8_t *sh, uint64_t n);
/* addr 8-aligned, n a multiple of 8: all of it code. */
void san_poison(uint8_t *sh, uint64_t n, uint8_t code);

/* A malloc block as the sanitized heap lays it out: a left red zone of
 * SAN_LEFT bytes (it holds the requested size), the n bytes the program
 * asked for, then a right red zone of at least SAN_RIGHT_MIN bytes up to
 * a multiple of 16, so the next block's left zone starts aligned. */
#define SAN_LEFT 32
#define SAN_RIGHT_MIN 16
/* The whole block's size for n bytes, 0 if it would overflow. */
size_t san_block_size(size_t n);

/* The quarantine: freed blocks wait here, poisoned, before malloc may
 * hand their memory out again, so a use after free reads poison, not
 * someone else's block. First in, first out, bounded in blocks and in
 * bytes. */
#define SAN_QUARANTINE_SLOTS 64
#define SAN_QUARANTINE_BYTES (128u * 1024)
struct san_quarantine {
	void *block[SAN_QUARANTINE_SLOTS];
	size_t size[SAN_QUARANTINE_SLOTS];
	unsigned head, count;
	size_t bytes;
};
/* Adding a block of size bytes would pass a bound: the oldest block out
 * (the caller frees it for real; ask again), else 0. */
void *san_quarantine_make_room(struct san_quarantine *q, size_t size);
/* Put a block in, after make_room said 0. */
void san_quarantine_put(struct san_quarantine *q, void *block, size_t size);
/* The oldest block out (for a malloc that found no room), or 0. */
void *san_quarantine_take(struct san_quarantine *q);

/* UBSan's values: v as an integer of that signedness and width (bits,
 * up to 64: the low 64 bits of a wider one) in decimal, into buf (24
 * bytes), which is returned. */
const char *san_int_text(int is_signed, unsigned width, uint64_t v, char *buf);
