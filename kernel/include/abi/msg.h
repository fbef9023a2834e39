/* Message layout for IPC: the info word and the per-task IPC buffer. */
#pragma once
#include <stdint.h>

#define MSG_REGS        4       /* MR0..MR3 travel in CPU registers */
#define MSG_MAX         64      /* message registers in all */
#define MSG_MAX_CAPS    4

/* info word: label (what the message means), length in MRs, caps sent. */
#define MSG_INFO(label, len, ncaps) \
	((uint64_t)(uint32_t)(label) | ((uint64_t)(len) << 32) | ((uint64_t)(ncaps) << 40))
#define MSG_LABEL(info)  ((uint32_t)(info))
#define MSG_LEN(info)    ((unsigned)(((info) >> 32) & 0x7F))
#define MSG_NCAPS(info)  ((unsigned)(((info) >> 40) & 0x7))
/* Set on a receive that was woken by the task's bound note, not a message. */
#define MSG_FROM_NOTE    (1ull << 48)

/* Labels the kernel itself sends. */
#define MSG_LABEL_FAULT  0xFFFFFF00u

/*
 * The IPC buffer: one page the task registers (TASK_SET_IPCBUF). mr[i] for
 * i >= MSG_REGS carries the rest of a long message; caps[] names the slots
 * to send; recv_slots[] says where received caps may land (0 = refuse).
 */
struct tern_ipcbuf {
	uint64_t mr[MSG_MAX];
	uint64_t caps[MSG_MAX_CAPS];
	uint64_t recv_slots[MSG_MAX_CAPS];
	uint64_t recv_count;    /* caps actually received by the last receive */
};

/*
 * Fault message: a task that faults is stopped and the kernel sends this to
 * its fault endpoint (badge = that cap's badge), as if the task had called.
 * Replying to it resumes the task at the same RIP (after the handler fixed
 * the cause); not replying leaves it stopped.
 */
enum tern_fault_kind {
	FAULT_CPU,              /* MR0 = vector, MR1 = error code, MR2 = CR2, MR3 = RIP */
	FAULT_IOPORT,           /* an in/out outside the task's ioport caps; MR2 = port */
	FAULT_EXIT,             /* not a fault: the task called SYS_EXIT; MR0 = status */
};
#define FAULT_MR_VECTOR 0
#define FAULT_MR_ERROR  1
#define FAULT_MR_ADDR   2
#define FAULT_MR_RIP    3
#define FAULT_MR_KIND   4
#define FAULT_LEN       5
