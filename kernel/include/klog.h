/* The kernel log ring (kernel/klog.c; its layout is abi/klog.h). */
#pragma once
#include <stdint.h>
struct page;
struct note;

struct klog_ring;

/* The platform's ring memory (whole pages, zeroed at first), or 0 while
 * there is none yet: the PC's is in the kernel image
 * (kernel/arch/x86_64/klog_ring.c), the hosted kernel's in its memory
 * file (platform/linux/kernel/klog.c). */
struct klog_ring *klog_ring(void);
/* Keep a byte the console printed. */
void klog_putc(char c);
/* A page object over the ring's frames (borrowed: never freed), for the
 * root task's read-only cap; 0 if out of memory. */
struct page *klog_page(void);
/* The consoles the log goes to (KLOG_ON_* bits, as console.c's CONS_* bits). */
void klog_consoles(unsigned on);
/* A task took the screen over: from the log's current end on, the kernel
 * does not draw it there (the first time counts). */
void klog_screen_lent(void);
/* Signal n (with badge, 1 if 0) when the log grows; the caller gave us a
 * reference to it. 0: no note. Replaces (and puts) the previous one. */
void klog_set_note(struct note *n, uint64_t badge);
/* The timer tick: wake the reader if the log grew. */
void klog_tick(uint64_t ticks);
