/*
 * malloc for programs started by init: a first-fit free list over a heap
 * that grows at PROG_HEAP_VA in 64 KiB steps, each step a page object paid
 * from the program's own memory quota (PROG_MEMORY). Blocks carry their
 * size in a header; neighbours in the free list are merged on free.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tern/program.h>
#include <tern/sys.h>

#define STEP_PAGES 16
#define ALIGN 16

struct block {
	size_t size;                    /* bytes after the header */
	struct block *next;             /* free list, address ordered */
};

uint64_t malloc_memory = PROG_MEMORY;
uint64_t malloc_heap_va = PROG_HEAP_VA;
static struct block *free_list;
static uint64_t heap_top;               /* 0 until the first step: then malloc_heap_va */

static int grow(size_t need)
{
	size_t pages = (need + sizeof(struct block) + 4095) / 4096;
	if (pages < STEP_PAGES)
		pages = STEP_PAGES;
	if (!heap_top)
		heap_top = malloc_heap_va;
	uint64_t s = slot_alloc();
	if (!s || pages > 240)
		return -1;
	if (tern_mem_create(malloc_memory, CAP_PAGE, s, pages) ||
	    tern_page_map(s, 0, heap_top, RIGHT_READ | RIGHT_WRITE)) {
		tern_cap_delete(s, 0);
		slot_free(s);
		return -1;
	}
	struct block *b = (struct block *)heap_top;
	b->size = pages * 4096 - sizeof(struct block);
	heap_top += pages * 4096;
	free((char *)b + sizeof(struct block));
	return 0;
}

void *malloc(size_t n)
{
	if (!n || n > (1u << 28))
		return 0;
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	for (int tries = 0; tries < 2; tries++) {
		for (struct block **pp = &free_list; *pp; pp = &(*pp)->next) {
			struct block *b = *pp;
			if (b->size < n)
				continue;
			if (b->size >= n + sizeof(struct block) + ALIGN) {
				struct block *rest = (struct block *)((char *)b + sizeof(struct block) + n);
				rest->size = b->size - n - sizeof(struct block);
				rest->next = b->next;
				b->size = n;
				*pp = rest;
			} else {
				*pp = b->next;
			}
			return (char *)b + sizeof(struct block);
		}
		if (grow(n))
			return 0;
	}
	return 0;
}

void free(void *p)
{
	if (!p)
		return;
	struct block *b = (struct block *)((char *)p - sizeof(struct block));
	struct block **pp = &free_list;
	while (*pp && *pp < b)
		pp = &(*pp)->next;
	b->next = *pp;
	*pp = b;
	/* Merge with the next block, then with the previous one. */
	if (b->next && (char *)b + sizeof(*b) + b->size == (char *)b->next) {
		b->size += sizeof(*b) + b->next->size;
		b->next = b->next->next;
	}
	if (pp != &free_list) {
		struct block *prev = (struct block *)((char *)pp - offsetof(struct block, next));
		if ((char *)prev + sizeof(*prev) + prev->size == (char *)b) {
			prev->size += sizeof(*b) + b->size;
			prev->next = b->next;
		}
	}
}

void *calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return 0;
	void *p = malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *realloc(void *p, size_t n)
{
	if (!p)
		return malloc(n);
	struct block *b = (struct block *)((char *)p - sizeof(struct block));
	if (b->size >= n)
		return p;
	void *q = malloc(n);
	if (q) {
		memcpy(q, p, b->size);
		free(p);
	}
	return q;
}

static int digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	while (*s == ' ' || *s == '\t')
		s++;
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = 10;
	}
	unsigned long v = 0;
	while (digit(*s) < base)
		v = v * (unsigned long)base + (unsigned long)digit(*s++);
	if (end)
		*end = (char *)s;
	return v;
}

long strtol(const char *s, char **end, int base)
{
	while (*s == ' ' || *s == '\t')
		s++;
	int neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	unsigned long v = strtoul(s, end, base);
	return neg ? -(long)v : (long)v;
}

int atoi(const char *s) { return (int)strtol(s, 0, 10); }
