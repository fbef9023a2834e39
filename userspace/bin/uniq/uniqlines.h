/*
 * uniq's counting (uniqlines.c), pure and unit-tested
 * (ci/unit/test_uniq.c): adjacent equal lines form a group; each group is
 * handed on once, with its size, if the flags want it (UNIQ_REPEATED: only
 * groups of two or more, as -d; UNIQ_SINGLE: only groups of one, as -u).
 * Lines are compared without their '\n'; a line longer than UNIQ_LINE_MAX
 * is compared by its first UNIQ_LINE_MAX bytes.
 */
#pragma once
#include <stddef.h>

#define UNIQ_LINE_MAX 16384
#define UNIQ_REPEATED 1
#define UNIQ_SINGLE   2

typedef void (*uniq_emit_fn)(void *ctx, const char *line, size_t len, unsigned long count);

struct uniq {
	int flags;
	unsigned long count;            /* lines in the current group (0: none yet) */
	size_t len;
	char prev[UNIQ_LINE_MAX];       /* the group's line */
	uniq_emit_fn emit;
	void *ctx;
};

void uniq_init(struct uniq *u, int flags, uniq_emit_fn emit, void *ctx);
/* The next line (without its '\n'). */
void uniq_line(struct uniq *u, const char *line, size_t len);
/* The input ended: hand on the last group. */
void uniq_end(struct uniq *u);
