/* A token bucket: bytes (or events) that may go out now, refilled over time. */
#pragma once
#include <stdint.h>

struct bucket {
	uint64_t left;          /* what may go out now */
	uint64_t tick;          /* when it was last refilled (scheduler ticks) */
};
