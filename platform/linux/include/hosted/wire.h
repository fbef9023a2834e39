/*
 * The wire between tern-linux (the hosted kernel) and tern-task (the
 * process each tern task runs in): a channel of shared memory per task
 * (struct wire_chan, a small memory file of its own, at fd WIRE_FD_CHAN
 * when the process starts) and the "physical memory" file at WIRE_FD_MEM,
 * which both sides map.
 *
 * Uniprocessor rule: at any time at most one task process runs (the
 * kernel's current task); every other one waits on its channel's `down`
 * word (FUTEX_WAIT). The kernel "returns to user" by writing WIRE_RUN with
 * the task's whole register frame into `d`, preceded by WIRE_MAP messages
 * (each acknowledged with WIRE_MAPPED) with the page table changes made
 * since the last WIRE_RUN, bumping `down` and waking it; the task "enters
 * the kernel" by writing one struct wire_up into `u`, bumping `up`, waking
 * the kernel (which waits on the current task's `up`, bounded by the next
 * tick) and waiting again.
 *
 * Both sides check every length and field: the kernel treats a task
 * process as hostile (it copies `u` once, then checks it; a malformed entry
 * is a fault of that task), and tern-task trusts only its kernel. tern-task
 * maps the channel inside its own range (WIRE_CHAN_VA), the kernel's half
 * read-only, and closes the descriptor: a process has only its own channel.
 */
#pragma once
#include <stdint.h>

#define WIRE_FD_CHAN 3
#define WIRE_FD_MEM  4

/* Task to kernel. */
enum wire_up_kind {
	WIRE_SYSCALL = 1,       /* a `syscall` instruction (trapped by seccomp) */
	WIRE_FAULT = 2,         /* a CPU exception: vector, error, addr as on the PC */
	WIRE_PREEMPT = 3,       /* the kernel's timer asked it to stop (SIGUSR1) */
	WIRE_MAPPED = 4,        /* a WIRE_MAP was applied: send the next one */
};

/* Kernel to task. */
enum wire_down_kind {
	WIRE_MAP = 1,           /* apply ops[0..nops), answer WIRE_MAPPED, wait for more */
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

/*
 * The channel. The first page is the task's to write (the kernel only
 * reads it, and copies before it checks); the rest is the kernel's, mapped
 * read-only by tern-task, so a stray store in the task's process cannot
 * forge the kernel's messages. Each side bumps its own word after writing
 * its message (release) and wakes the other (FUTEX_WAKE, a shared futex:
 * two processes); the reader waits while the word still has the value it
 * last saw. Sequence numbers, not flags: neither side ever writes the
 * other's word.
 */
struct wire_chan {
	uint32_t up;                    /* the task's entry count; the kernel waits on it */
	uint32_t pad0;
	struct wire_up u;
	char pad1[4096 - 8 - sizeof(struct wire_up)];
	uint32_t down;                  /* the kernel's message count; the task waits on it */
	uint32_t pad2;
	struct wire_down d;
};
#define WIRE_CHAN_UP_SIZE 4096ull
_Static_assert(__builtin_offsetof(struct wire_chan, down) == WIRE_CHAN_UP_SIZE,
	       "the kernel's half of the channel starts on its own page");
#define WIRE_CHAN_SIZE ((sizeof(struct wire_chan) + 4095) & ~4095ull)
/* Where tern-task maps its channel: in its own range, after its image
 * (task.ld checks that they do not meet). */
#define WIRE_CHAN_VA   (WIRE_STUB_BASE + 0x800000ull)

/* VALGRIND=1 (docs/hosted.md): tern-task runs under valgrind, which makes
 * every Linux system call from its own code, so there is no seccomp
 * filter and no SIGSYS. The programs of that build (userspace.mk,
 * USER_VG=1) call tern-task instead of executing `syscall`: the word at
 * WIRE_GATE_VA (a read-only page tern-task maps only under valgrind)
 * holds the address of its gate, called with the registers of a
 * `syscall` (RCX and R11 clobbered); it returns as the kernel says, with
 * every register the kernel's. userspace.mk passes the same address to
 * the programs; main.c checks that they agree. */
#define WIRE_GATE_VA   (WIRE_STUB_BASE + 0xc00000ull)
