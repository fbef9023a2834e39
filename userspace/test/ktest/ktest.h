/*
 * The in-guest kernel test suite (a root task, like sel4test). Each test is
 * a function registered with KTEST() in a linker section; the runner
 * (main.c) runs each one on its own, prints PASS or FAIL with the reason,
 * cleans up every slot the test used, checks no memory quota leaked, and
 * ends with "N passed, N failed".
 */
#pragma once
#include "../kchild/roles.h"
#include <stdio.h>
#include <string.h>
#include <tern/sys.h>

struct ktest {
	const char *name;
	int (*fn)(void);
};

#define KTEST(name) \
	static int name(void); \
	__attribute__((used, section("tern_tests"), aligned(8))) \
	static const struct ktest ktest_##name = { #name, name }; \
	static int name(void)

/* Record why the test failed; returns 1 so tests can `return kfail(...)`. */
int kfail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define KCHECK(cond) \
	do { \
		if (!(cond)) \
			return kfail("%s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

#define KCHECK_EQ(a, b) \
	do { \
		uint64_t a_ = (uint64_t)(a), b_ = (uint64_t)(b); \
		if (a_ != b_) \
			return kfail("%s:%d: %s == %s (0x%lx != 0x%lx)", __FILE__, __LINE__, #a, #b, a_, b_); \
	} while (0)

/* The kernel command line (words such as fuzz_n= for the tests). */
extern const char *ktest_cmdline;
/* platform.c: why test cannot run on platform (platform= on the command
 * line, "pc" when absent), or 0 if it can. */
const char *ktest_platform_skip(const char *platform, const char *test);

/* A fresh slot of the root's cspace, released after the test. */
uint64_t slot(void);
/* A new object of type in a fresh slot (0 on failure, with a kfail reason). */
uint64_t make(unsigned type, uint64_t arg);

/* The page shared with every child (mapped at KC_SHARED_VA in both), zeroed per test. */
extern volatile uint64_t *const shared;

/* A running kchild. */
struct child {
	uint64_t task;          /* slot of its task cap */
};

/* Load kchild with role and arg at priority prio; caps are copied in with
 * child_give() before child_start(). Its faults go to fault_ep (badge 1). */
int child_spawn(struct child *c, uint64_t role, uint64_t arg, unsigned prio);
/* The same, with the task made from memory cap mem (its loaded pages still
 * come from the root's quota). */
int child_spawn_in(struct child *c, uint64_t mem, uint64_t role, uint64_t arg, unsigned prio);
int child_give(struct child *c, uint64_t src, uint64_t dst_slot, unsigned rights);
int child_start(struct child *c);
/* Task state from TASK_INFO. */
uint64_t child_state(struct child *c);

/* Root slots of the endpoint that receives children's faults and of the shared page. */
extern uint64_t fault_ep, shared_page;
void ktest_track_child(uint64_t task_slot);
/* bench.c: run the benchmarks instead of the tests. */
void ktest_bench(void);
/* The kernel's free frames and live tasks (MACHINE_INFO), and the bytes a
 * memory cap's quota has in use (MEM_INFO). */
uint64_t free_frames(void);
uint64_t live_tasks(void);
uint64_t quota_used_of(uint64_t mem);
/* A CALLER kchild (calls ep with mr0 = arg, puts the answer in shared[2],
 * signals note if given), not started yet. */
int child_caller(struct child *c, uint64_t arg, unsigned prio, uint64_t ep, uint64_t note);
/* A kchild that writes through a null pointer, its faults going to the
 * endpoint ep through fep (a fresh slot, minted with badge 7); started,
 * and given the time to fault. */
int faulted_child(struct child *f, uint64_t ep, uint64_t fep);
/* Wait (bounded by timeout_ms) for a fault message; 0 if one came. */
int wait_fault(struct tern_msg *m, unsigned timeout_ms);
/* Wait for a note with a deadline; returns the bits or 0 on timeout. */
uint64_t wait_note(uint64_t note, unsigned timeout_ms);
