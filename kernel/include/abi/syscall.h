/*
 * tern system calls. The single source of truth for numbers and register
 * use; kernel/syscall.c's table and userspace's stubs both follow it.
 *
 * Entry: `syscall` with RAX = number, arguments in RDI, RSI, RDX, R10, R8,
 * R9 (a0..a5). Exit: RAX = error (TERN_OK or an E_* code, see error.h),
 * results in RDI, RSI, RDX, R10, R8, R9 (r0..r5). RCX and R11 are
 * clobbered by the instruction itself.
 *
 * Capabilities are named by slot index in the caller's cspace; slot 0 is
 * always empty, so 0 can mean "none".
 *
 * IPC calls (SEND .. REPLY_RECV): a0 = cap slot, a1 = message info (see
 * msg.h), a2..a5 = message registers MR0..MR3. More registers and cap
 * transfer go through the task's IPC buffer. On return r0 = badge of the
 * sender (or note bits), r1 = message info, r2..r5 = MR0..MR3.
 * An answer (REPLY, or SEND on a saved reply cap) that reaches no one,
 * because the caller died, was stopped or gave up, returns E_DEAD: what it
 * carried was not consumed (a terminal keeps the bytes it would have
 * given). The right is used up either way.
 */
#pragma once

enum tern_syscall {
	SYS_DEBUG_WRITE,        /* a0 = debug cap, a1 = buffer, a2 = length: write to the
				 * kernel console (E_BUSY: over the rate for tagged caps) */
	SYS_YIELD,
	SYS_UPTIME,             /* r0 = nanoseconds since boot, r1 = timer ticks */
	SYS_SEND,
	SYS_NBSEND,             /* never blocks: E_WOULD_BLOCK if no receiver waits */
	SYS_RECV,               /* on an endpoint (and the task's bound note) */
	SYS_NBRECV,
	SYS_CALL,               /* send, then wait for the reply */
	SYS_REPLY,              /* answer the last call received (a0 unused) */
	SYS_REPLY_RECV,         /* reply, then receive on a0 */
	SYS_SIGNAL,             /* a0 = note: OR in the cap's badge, never blocks */
	SYS_WAIT,               /* a0 = note: block until bits are set; r0 = bits (cleared) */
	SYS_POLL,               /* a0 = note: r0 = bits (cleared), 0 if none */
	SYS_CAP_COPY,           /* a0 = src, a1 = dst cspace (0 = own), a2 = dst index, a3 = rights mask */
	SYS_CAP_MINT,           /* as COPY, a4 = badge (or port min), a5 = port max */
	SYS_CAP_MOVE,           /* a0 = src, a1 = dst cspace (0 = own), a2 = dst index */
	SYS_CAP_DELETE,         /* a0 = slot, a1 = cspace (0 = own) */
	SYS_CAP_IDENTIFY,       /* a0 = slot: r0 = type, r1 = rights, r2 = badge, r3 = extra */
	SYS_CAP_SAVE_REPLY,     /* a0 = empty slot: keep the pending reply right there */
	SYS_INVOKE,             /* a0 = slot, a1 = operation (see object.h), a2..a5 = arguments */
	SYS_EXIT,               /* a0 = status: stop; the fault endpoint hears FAULT_EXIT */
	SYS_SLEEP,              /* a0 = nanoseconds (rounded up to timer ticks) */
	SYS_NBCALL,             /* as CALL, but E_WOULD_BLOCK unless a receiver is waiting
				 * (then it waits for the reply as CALL does) */
	SYS_COUNT
};
