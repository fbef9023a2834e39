/* The IPC fastpath (kernel/fastpath.c): call and reply_recv between two
 * tasks that meet exactly as the general path would have them meet, and a
 * note signal that wakes a waiter which then runs at once. */
#pragma once
#include <arch/trap.h>
#include <stdint.h>

extern int fastpath_on;                         /* fastpath=off clears it */
extern uint64_t fastpath_calls, fastpath_replies;       /* MACHINE_INFO r4, r5 */
extern uint64_t fastpath_signals;                       /* MACHINE_INFO (a2 = 1) r0: the ones
							 * that switched directly */

/* For SYS_CALL and SYS_REPLY_RECV (fastpath) and SYS_SIGNAL
 * (fastpath_signal) only: 1 if it did the whole system call (and, if it
 * switched, we have run again since), 0 if the general path must. Two
 * entries, so that the signal's test costs a call or reply nothing. */
int fastpath(struct trap_frame *f);
int fastpath_signal(struct trap_frame *f);
