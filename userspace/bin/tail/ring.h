/*
 * tail's memory of the last lines, pure (ci/unit/test_tail.c): bytes go
 * into a ring of cap bytes that keeps at most `want` lines, the oldest
 * line dropped as a newer one completes. A last line without '\n' counts
 * as a line once the input ends (tr_finish). If the lines wanted do not
 * fit in cap bytes, the oldest are dropped anyway (and a single line
 * longer than cap keeps only its last cap bytes): tail's output is then
 * the last cap bytes' worth of whole lines.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct tail_ring {
	char *buf;
	size_t cap;
	size_t head, len;       /* the oldest byte is buf[head]; len bytes kept */
	uint64_t lines;         /* '\n' bytes among them */
	uint64_t want;
};

void tr_init(struct tail_ring *r, char *buf, size_t cap, uint64_t want);
void tr_feed(struct tail_ring *r, const void *data, size_t n);
/* The input has ended: count an unterminated last line. */
void tr_finish(struct tail_ring *r);
/* The kept bytes, oldest first, as two pieces (the second may be empty). */
void tr_pieces(const struct tail_ring *r, const char **a, size_t *an, const char **b, size_t *bn);
