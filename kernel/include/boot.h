/* Late boot: kernel self-tests asked for on the command line, then userspace. */
#pragma once
#include <multiboot.h>

extern struct boot_info boot_info;

/* Runs "ktest=NAME" from the command line (deliberate faults for tests). */
void boot_selftest(const char *cmdline);
/* ktest=heap: allocates and frees, then says "ktest heap: ok" if every
 * frame came back, else "LEAK" (kernel/boot/selftest_heap.c). */
void selftest_heap(void);
/* ktest=late-panic: the timer tick at which the kernel panics (0: never),
 * to see a panic while userspace runs (the screen taken back from a
 * framebuffer terminal: uefi-panic-screen.run). */
extern uint64_t ktest_panic_tick;
/* Starts the root task from the initramfs; does not return. */
__attribute__((noreturn)) void boot_start(const struct boot_info *bi);
