/*
 * What the hosted kernel's glue (platform/linux/kernel/) shares: the
 * memory file, per address space state and the task loop. Nothing in
 * kernel/ includes this; the kernel reaches the glue only through the
 * arch headers (platform/linux/include/arch/).
 */
#pragma once
#include <hosted/wire.h>
#include <stdint.h>

struct task;
struct hspace;

extern uint64_t hosted_phys_size;       /* bytes of "physical" memory */
extern int hosted_mem_fd;               /* the memory file */

/* A new address space's host state (no process yet), or 0. */
struct hspace *hosted_space_new(void);
/* The process ends (if it was started) and the state goes. */
void hosted_space_free(struct hspace *s);
/* Log one page's change for the process: map pa at va with prot, or unmap (prot 0). */
void hosted_space_op(struct hspace *s, uint64_t va, uint64_t pa, unsigned prot);
/* Log every mapping of this address space again (a new process). */
void hosted_replay(uint64_t root);
/* The state of the address space with this root (paging.c). */
struct hspace *hosted_space(uint64_t root);

/* The tick clock (clock.c): start it; ticks due since the last call; the
 * CLOCK_MONOTONIC ns at which the next one is due; now. */
void hosted_clock_start(void);
uint64_t hosted_timer_ticks(void);
uint64_t hosted_next_tick_ns(void);
uint64_t hosted_now_ns(void);
/* The idle loop: wait for ticks and run whoever becomes ready. */
void hosted_idle(void);
/* End every task process (the machine stops). */
void hosted_end_all(void);
/* Start a tern-task process named name, with a channel of its own
 * (mapped here: *chan). 0 or -1 (errno). */
extern const char *hosted_task_path;
int hosted_spawn(const char *name, struct wire_chan **chan, int *pid);
/* Unmap a channel (its process is gone). */
void hosted_chan_free(struct wire_chan *chan);
/* Reap and replace processes of the pool that ended (on SIGCHLD). */
void hosted_spawn_check(void);
/* End the processes started ahead (spawn.c's pool). */
void hosted_spawn_end(void);
/* -g NAME=ELF: stop that task for gdb (user.c), or 0. */
extern const char *hosted_gdb;
/* The kernel stack of a task that died (for valgrind; arch.c). */
void hosted_stack_dead(uint64_t kstack);
/* The host terminal's page (hostterm.h) in the memory file: reserved
 * below the initramfs (main.c), after page 0 and the log ring's pages. */
#define HOSTED_TERM_PAGE_PA 0x5000ull
/* Standard input is to be watched: a note is bound and the page's holder
 * armed it (hostin.c). Then hostin_ready when it has something. */
int hostin_watched(void);
void hostin_ready(void);
/* Put the terminal back as tern-linux found it (main.c). */
void hosted_term_restore(void);
