/* A page object: frames that can be mapped into address spaces. */
#pragma once
#include <object/kobj.h>

#define PAGE_MAX_FRAMES 240

struct page {
	struct kobj hdr;
	uint32_t nframes;
	uint32_t maps;          /* live mappings (each holds a reference) */
	uint8_t borrowed;       /* frames not ours to free (e.g. the initramfs) */
	uint64_t frames[];      /* physical addresses */
};

struct page *page_create(uint32_t nframes);
/* Wrap existing physical memory (not freed when the object dies). */
struct page *page_wrap(uint64_t pa, uint32_t nframes);
void page_destroy(struct page *p);
