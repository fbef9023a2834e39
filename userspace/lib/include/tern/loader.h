/*
 * Loading programs into new tasks, from userspace. The caller owns the
 * authority: a memory cap to pay for pages, a task cap for the target, and
 * a way to get free slots. Pages are filled through a scratch mapping in
 * the caller's own address space, then mapped into the target with the
 * segment's exact permissions; the page caps are dropped afterwards, so
 * the target's mappings are the only thing keeping them alive.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct loader {
	uint64_t mem;                   /* memory cap paying for everything */
	uint64_t scratch_va;            /* free range in our own address space (>= 1 MiB) */
	uint64_t (*slot_alloc)(void *arg);
	void (*slot_free)(void *arg, uint64_t slot);
	void *arg;
};

/* Errors: > 0 are tern E_* codes, < 0 are ELF_E* codes (elf64.h). */
int loader_load_elf(struct loader *l, uint64_t task, const void *elf, size_t len, uint64_t *entry);
/* New zeroed pages mapped into task at va. If keep is not 0, the page cap
 * stays in a slot written to *keep; otherwise it is dropped. */
int loader_map_new(struct loader *l, uint64_t task, uint64_t va, unsigned npages, unsigned rights,
		   uint64_t *keep);
const char *loader_strerror(int err);
