/* IPC operations of the current task (system call level, see endpoint.c). */
#pragma once
#include <object/cap.h>
#include <stdint.h>

struct task;

/* Each sets current's results in its frame, or blocks it. */
void ipc_send(struct cap *c, int block, int call);
void ipc_recv(struct cap *c, int block);
void ipc_reply(void);
int ipc_save_reply(struct cap *dst);
/* Copy the outgoing message (info, MRs, caps) from current's registers and IPC buffer. */
int ipc_stage(struct task *t, uint64_t info, int may_grant);
