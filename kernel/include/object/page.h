/* A page object: frames that can be mapped into address spaces. */
#pragma once
#include <object/kobj.h>

#define PAGE_MAX_FRAMES 240

struct page {
	struct kobj hdr;
	uint32_t nframes;
	uint32_t maps;          /* live mappings (each holds a reference) */
	uint8_t borrowed;       /* frames not ours to free (e.g. the initramfs) */
	uint64_t base;          /* borrowed: physically contiguous from here */
	uint64_t frames[];      /* otherwise: each frame's physical address */
};

static inline uint64_t page_frame(const struct page *p, uint32_t i)
{
	return p->borrowed ? p->base + (uint64_t)i * 4096 : p->frames[i];
}

struct page *page_create(uint32_t nframes);
/* Wrap existing contiguous physical memory (not freed when the object dies). */
struct page *page_wrap(uint64_t pa, uint32_t nframes);
void page_destroy(struct page *p);
