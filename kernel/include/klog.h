/* The kernel log ring (kernel/klog.c; its layout is abi/klog.h). */
#pragma once
struct page;

/* Keep a byte the console printed. */
void klog_putc(char c);
/* A page object over the ring's frames (borrowed: never freed), for the
 * root task's read-only cap; 0 if out of memory. */
struct page *klog_page(void);
