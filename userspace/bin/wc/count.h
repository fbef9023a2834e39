/* wc's counting, pure (ci/unit/test_wc.c): lines are '\n' bytes, words
 * maximal runs of non-blank bytes, bytes are bytes. Input may come in any
 * pieces; a word split between two pieces counts once. */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct wc_count {
	uint64_t lines, words, bytes;
	int in_word;            /* the last byte seen was part of a word */
};

void wc_feed(struct wc_count *c, const void *buf, size_t n);
