/*
 * System call plumbing shared by the object files: capability lookup with
 * type and rights checks (the common part of every decode), and the
 * per-type invocation entry points behind SYS_INVOKE.
 */
#pragma once
#include <arch/trap.h>
#include <object/cap.h>

/* The cap at slot in current's cspace if it has the type and rights; else 0 and *err set. */
struct cap *cap_lookup(uint64_t slot, int type, unsigned rights, uint64_t *err);
/* An empty slot of current's cspace, or 0 and *err set. */
struct cap *cap_lookup_empty(uint64_t slot, uint64_t *err);

/* The task a map/unmap names: slot 0 = current, else a TASK cap with WRITE
 * (E_DEAD if it died); 0 and *err set on failure. */
struct task *target_task(uint64_t slot, uint64_t *err);

/* Invocations: a = frame (a2..a5 in rdx, r10, r8, r9); each sets rax and results. */
void memory_invoke(struct cap *c, uint64_t op, struct trap_frame *f);
void task_invoke(struct cap *c, uint64_t op, struct trap_frame *f);
void page_invoke(struct cap *c, uint64_t op, struct trap_frame *f);
void irq_control_invoke(struct cap *c, uint64_t op, struct trap_frame *f);
void irq_invoke(struct cap *c, uint64_t op, struct trap_frame *f);
void ioport_invoke(struct cap *c, uint64_t op, struct trap_frame *f);
void machine_invoke(struct cap *c, uint64_t op, struct trap_frame *f);
void mmio_invoke(struct cap *c, uint64_t op, struct trap_frame *f);
