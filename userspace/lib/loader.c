/* Program loading into a task (see tern/loader.h). */
#include <elf64.h>
#include <string.h>
#include <tern/loader.h>
#include <tern/sys.h>

#define PAGE 4096ull
#define CHUNK 240               /* frames per page object (PAGE_MAX_FRAMES) */

/* Make npages at va in task; fill from src (n bytes at offset off) via our scratch mapping. */
static int map_chunk(struct loader *l, uint64_t task, uint64_t va, unsigned npages, unsigned rights,
		     const uint8_t *src, uint64_t off, uint64_t n, uint64_t *keep)
{
	uint64_t s = l->slot_alloc(l->arg);
	if (!s)
		return E_NO_MEMORY;
	int err = tern_mem_create(l->mem, CAP_PAGE, s, npages);
	if (!err && n) {
		err = tern_page_map(s, 0, l->scratch_va, RIGHT_READ | RIGHT_WRITE);
		if (!err) {
			memcpy((uint8_t *)l->scratch_va + off, src, n);
			tern_page_unmap(s, 0, l->scratch_va);
		}
	}
	if (!err)
		err = tern_page_map(s, task, va, rights);
	if (!err && keep) {
		*keep = s;
		return 0;
	}
	tern_cap_delete(s, 0);
	l->slot_free(l->arg, s);
	return err;
}

int loader_map_new(struct loader *l, uint64_t task, uint64_t va, unsigned npages, unsigned rights,
		   uint64_t *keep)
{
	if (keep && npages > CHUNK)
		return E_BAD_ARG;
	while (npages) {
		unsigned k = npages < CHUNK ? npages : CHUNK;
		int err = map_chunk(l, task, va, k, rights, 0, 0, 0, keep);
		if (err)
			return err;
		va += k * PAGE;
		npages -= k;
	}
	return 0;
}

static unsigned seg_rights(uint32_t flags)
{
	unsigned r = RIGHT_READ;
	if (flags & ELF_PF_W)
		r |= RIGHT_WRITE;
	if (flags & ELF_PF_X)
		r |= RIGHT_EXEC;
	return r;
}

int loader_load_elf(struct loader *l, uint64_t task, const void *elf, size_t len, uint64_t *entry)
{
	struct elf_image img;
	int err = elf_check(&img, elf, len);
	if (err)
		return err;
	struct elf_segment seg;
	unsigned idx = 0;
	while (elf_next_load(&img, &idx, &seg)) {
		uint64_t start = seg.vaddr & ~(PAGE - 1), end = (seg.vaddr + seg.memsz + PAGE - 1) & ~(PAGE - 1);
		const uint8_t *src = (const uint8_t *)elf + seg.offset;
		uint64_t file_left = seg.filesz, skip = seg.vaddr - start;
		for (uint64_t va = start; va < end;) {
			unsigned k = (end - va) / PAGE < CHUNK ? (unsigned)((end - va) / PAGE) : CHUNK;
			uint64_t room = k * PAGE - skip, n = file_left < room ? file_left : room;
			err = map_chunk(l, task, va, k, seg_rights(seg.flags), src, skip, n, 0);
			if (err)
				return err;
			src += n;
			file_left -= n;
			skip = 0;
			va += k * PAGE;
		}
	}
	*entry = img.entry;
	return 0;
}

const char *loader_strerror(int err)
{
	return err < 0 ? elf_strerror(err) : tern_strerror((uint64_t)err);
}
