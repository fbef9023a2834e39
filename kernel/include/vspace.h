/* A task's address space: page objects mapped at user addresses. */
#pragma once
#include <stdint.h>

struct task;
struct page;

#define USER_TOP 0x0000800000000000ull
/* Mappings end one page below USER_TOP: a `syscall` in the last bytes of
 * the lower half would return to the non-canonical USER_TOP, and sysret or
 * iretq to a non-canonical address faults in ring 0 on Intel CPUs. */
#define USER_MAP_TOP (USER_TOP - 0x1000ull)

/* Map all frames of p at va (page aligned). Returns an E_* code. */
int vspace_map(struct task *t, struct page *p, uint64_t va, unsigned rights);
/* Undo a mapping of p made at va (only p's own cap can take it away). */
int vspace_unmap(struct task *t, struct page *p, uint64_t va);
/* Map npages of device memory from pa at va with PTE bits flags (PTE_W and
 * cache bits; always user, no-exec, PTE_DEV). Returns an E_* code. */
int vspace_map_device(struct task *t, uint64_t va, uint64_t pa, uint64_t npages, uint64_t flags);
/* Undo a device mapping made at va that lies inside [first, last]. */
int vspace_unmap_device(struct task *t, uint64_t va, uint64_t first, uint64_t last);
/* Drop every mapping and the page tables. */
void vspace_destroy(struct task *t);

/* Copy to/from user memory of t, checking each page is mapped for users
 * (and writable when writing). 0 on success, -1 on a bad address. */
int user_read(struct task *t, void *dst, uint64_t uva, uint64_t n);
int user_write(struct task *t, uint64_t uva, const void *src, uint64_t n);
