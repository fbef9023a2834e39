/*
 * The system call fuzzer's root side: fuzz.c runs the test, fuzz_seat.c
 * starts and ends the fuzz tasks ("seats", kchild's ROLE_SYSFUZZ).
 */
#pragma once
#include "ktest.h"

/* A fuzz task and what the root holds for it (slots of our cspace, 0 = none). */
struct seat {
	uint64_t task;          /* its task cap */
	uint64_t mem;           /* its memory quota, split from ours for this generation */
	uint64_t fault;         /* our fault endpoint minted with badge FUZZ_BADGE + seat */
	uint64_t gen;           /* generation: how many times this seat was started */
	uint64_t seen;          /* its call count at the last look */
	uint64_t faults;        /* its fault count at the last look */
	unsigned idle;          /* looks in a row without progress */
};

#define MAX_ORPHANS 24

/* Everything the seats share, and the run's parameters. */
struct fuzz {
	uint64_t seed, rng;
	uint64_t ep, ep_badged, note, note_badged, page;
	struct seat seat[KF_SEATS];
	uint64_t respawns;
	/* Seats we let go of without killing them: only the caps the fuzz
	 * tasks hold keep them alive, so their last reference goes away
	 * wherever the fuzzers drop it (in IPC, by their own hand...). We
	 * keep their quotas, to revoke at the end. */
	uint64_t orphan_fault;          /* our fault endpoint, badge FUZZ_ORPHAN */
	uint64_t orphan_mem[MAX_ORPHANS];
	unsigned norphans;
};

#define FUZZ_BADGE 0x100
#define FUZZ_ORPHAN 0x200
#define FUZZ_PRIO 50

/* Root slots for the fuzzer, recycled (the run may outlast the test's
 * own slot supply, which is freed only at its end). 0 when none is left. */
uint64_t fuzz_slot(void);
void fuzz_slot_free(uint64_t s);
void fuzz_slots_init(void);
/* Start seat i (generation seat->gen) and hand it its caps; its peers
 * get a cap to it. 0 or an error already recorded with kfail. */
int fuzz_seat_start(struct fuzz *z, unsigned i);
/* Kill seat i, revoke its quota and let go of its caps. */
void fuzz_seat_end(struct fuzz *z, unsigned i);
/* Let go of seat i without killing it (see struct fuzz). */
void fuzz_seat_orphan(struct fuzz *z, unsigned i);
/* Revoke and let go of the quotas of the orphans. */
void fuzz_orphans_end(struct fuzz *z);
