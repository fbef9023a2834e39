/* The IPC fastpath (kernel/fastpath.c): call and reply_recv between two
 * tasks that meet exactly as the general path would have them meet. */
#pragma once
#include <arch/trap.h>
#include <stdint.h>

extern int fastpath_on;                         /* fastpath=off clears it */
extern uint64_t fastpath_calls, fastpath_replies;       /* MACHINE_INFO r4, r5 */

/* For SYS_CALL and SYS_REPLY_RECV only: 1 if it did the whole system
 * call (and we have run again since), 0 if the general path must. */
int fastpath(struct trap_frame *f);
