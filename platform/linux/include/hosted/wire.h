/*
 * The wire between tern-linux (the hosted kernel) and tern-task (the
 * process each tern task runs in): one SOCK_SEQPACKET socket per task,
 * always at fd WIRE_FD_SOCK in the task process, and the "physical
 * memory" file at WIRE_FD_MEM, which both sides map.
 *
 * Uniprocessor rule: at any time at most one task process runs (the
 * kernel's current task); every other one waits in a read of its socket.
 * The kernel "returns to user" by sending WIRE_RUN with the task's whole
 * register frame, preceded by WIRE_MAP packets with the page table
 * changes made since the last WIRE_RUN; the task "enters the kernel" by
 * sending one struct wire_up and waiting again.
 *
 * Both sides check every length and field: the kernel treats a task
 * process as hostile (a malformed packet is a fault of that task), and
 * tern-task trusts only its kernel.
 */
#pragma once
#include <stdint.h>

#define WIRE_FD_SOCK 3
#define WIRE_FD_MEM  4

/* Task to kernel. */
enum wire_up_kind {
	WIRE_SYSCALL = 1,       /* a `syscall` instruction (trapped by seccomp) */
	WIRE_FAULT = 2,         /* a CPU exception: vector, error, addr as on the PC */
	WIRE_PREEMPT = 3,       /* the kernel's timer asked it to stop (SIGUSR1) */
};

/* Kernel to task. */
enum wire_down_kind {
	WIRE_MAP = 1,           /* apply ops[0..nops) and wait for more */
	WIRE_RUN = 2,           /* apply ops, load regs and run */
};

/* The user registers, in the order of struct trap_frame's general
 * registers, then rip, rsp and rflags. */
struct wire_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t rip, rsp, rflags;
};

struct wire_up {
	uint32_t kind;
	uint32_t pad;
	struct wire_regs regs;
	uint64_t vector, error, addr;   /* WIRE_FAULT */
};

/* Map npages of the memory file from offset pa at va with prot (WIRE_R,
 * WIRE_W, WIRE_X), or unmap them (prot 0). */
#define WIRE_R 1u
#define WIRE_W 2u
#define WIRE_X 4u
/* Not a mapping: the task now holds (or no longer holds) the host
 * terminal (hosted/hostterm.h); va and pa are not used. */
#define WIRE_TERM_ON  0x100u
#define WIRE_TERM_OFF 0x200u
struct wire_op {
	uint64_t va, pa, npages, prot;
};

/* Before the first instruction, wait until a debugger is attached. */
#define WIRE_WAIT_GDB 1u

#define WIRE_MAX_OPS 256
struct wire_down {
	uint32_t kind;
	uint32_t nops;
	struct wire_regs regs;          /* WIRE_RUN */
	char name[16];                  /* WIRE_RUN: the task's name, for ps and gdb on the host */
	uint64_t flags;                 /* WIRE_RUN: WIRE_WAIT_GDB */
	struct wire_op ops[WIRE_MAX_OPS];
};
#define WIRE_DOWN_SIZE(n) (__builtin_offsetof(struct wire_down, ops) + (n) * sizeof(struct wire_op))

/* Where tern-task itself lives (its linker script): tern programs must not
 * map over it. Far from every address tern's ABI uses (programs at 4 MiB,
 * heaps from 256 MiB, stacks just below 128 TiB). */
#define WIRE_STUB_BASE 0x7e0000000000ull
#define WIRE_STUB_END  0x7e0001000000ull
