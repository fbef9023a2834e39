/* Per-task I/O permission bitmaps, loaded into the TSS on task switch. */
#pragma once
#include <stdint.h>

struct task;

/* Allow (or deny again) direct in/out on ports first..last. 0 or E_NO_MEMORY. */
int ioport_allow(struct task *t, uint16_t first, uint16_t last, int allow);
void ioport_switch(struct task *next);
void ioport_release(struct task *t);
/* If the instruction at the user RIP is an in/out, the port it used; else -1. */
int ioport_decode_fault(struct task *t, uint64_t rip, uint64_t rdx);
