/* COM2's forwarder tasks (see fwd.c). */
#pragma once
#include <stdint.h>

#define FWD_TASKS 2

/* Start FWD_TASKS tasks that take calls from in_ep and pass each on to
 * out_ep through a copy badged with badge, answering with its answer.
 * 0, or an E_* code. */
int fwd_start(uint64_t in_ep, uint64_t out_ep, uint64_t badge);
