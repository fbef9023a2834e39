/*
 * System calls for userspace: the raw `syscall` wrapper and one small
 * function per call. Register use is defined in abi/syscall.h.
 */
#pragma once
#include <abi/cap.h>
#include <abi/error.h>
#include <abi/msg.h>
#include <abi/object.h>
#include <abi/syscall.h>
#include <stddef.h>
#include <stdint.h>

#define __TERN_STR2(x) #x
#define __TERN_STR(x) __TERN_STR2(x)

/* How a program enters the kernel: `syscall`; in the VALGRIND=1 build
 * (userspace.mk) a call of tern-task's gate instead, since valgrind would
 * make `syscall` a Linux system call (platform/linux/include/hosted/wire.h,
 * WIRE_GATE_VA). Programs are built with -mno-red-zone, so the call's push
 * below the stack pointer harms nothing. */
#ifdef USER_VG_GATE
#define __TERN_SYSCALL "movabsq $" __TERN_STR(USER_VG_GATE) ", %%rcx\n\tcall *(%%rcx)"
#else
#define __TERN_SYSCALL "syscall"
#endif

struct tern_ret {
	uint64_t err;
	uint64_t r[6];
};

static inline struct tern_ret tern_sys(uint64_t n, uint64_t a0, uint64_t a1, uint64_t a2,
				       uint64_t a3, uint64_t a4, uint64_t a5)
{
	register uint64_t r10 __asm__("r10") = a3;
	register uint64_t r8 __asm__("r8") = a4;
	register uint64_t r9 __asm__("r9") = a5;
	uint64_t rax = n, rdi = a0, rsi = a1, rdx = a2;
	__asm__ volatile(__TERN_SYSCALL
			 : "+a"(rax), "+D"(rdi), "+S"(rsi), "+d"(rdx), "+r"(r10), "+r"(r8), "+r"(r9)
			 :
			 : "rcx", "r11", "memory");
	return (struct tern_ret){ rax, { rdi, rsi, rdx, r10, r8, r9 } };
}

/* A message in registers: info word, MR0..MR3, and (received) the badge. */
struct tern_msg {
	uint64_t info;
	uint64_t mr[MSG_REGS];
	uint64_t badge;
};

/* The IPC buffer of this task (0 if it has none). */
extern struct tern_ipcbuf *tern_ipcbuf;

/* Write to the kernel console through the debug cap in tern_debug_slot
 * (ROOT_DEBUG for the root task, PROG_DEBUG for programs init starts;
 * E_EMPTY_SLOT when the program was given none). */
extern uint64_t tern_debug_slot;
int tern_debug_write(const void *buf, size_t len);
void tern_yield(void);
uint64_t tern_uptime_ns(void);
int tern_sleep_ns(uint64_t ns);
static inline int tern_sleep_ms(uint64_t ms) { return tern_sleep_ns(ms * 1000000ull); }
__attribute__((noreturn)) void tern_exit(uint64_t status);

int tern_send(uint64_t ep, const struct tern_msg *m);
int tern_nbsend(uint64_t ep, const struct tern_msg *m);
int tern_recv(uint64_t ep, struct tern_msg *m);
int tern_nbrecv(uint64_t ep, struct tern_msg *m);
int tern_call(uint64_t ep, struct tern_msg *m);
/* A call only if the server is waiting for one (else E_WOULD_BLOCK): a
 * client that must not block on a busy or hung server uses this. */
int tern_nbcall(uint64_t ep, struct tern_msg *m);
int tern_reply(const struct tern_msg *m);
int tern_reply_recv(uint64_t ep, struct tern_msg *m);

int tern_signal(uint64_t note);
int tern_wait(uint64_t note, uint64_t *bits);
int tern_poll(uint64_t note, uint64_t *bits);

int tern_cap_copy(uint64_t src, uint64_t cspace, uint64_t dst, unsigned rights);
int tern_cap_mint(uint64_t src, uint64_t cspace, uint64_t dst, unsigned rights, uint64_t badge, uint64_t max);
int tern_cap_move(uint64_t src, uint64_t cspace, uint64_t dst);
int tern_cap_delete(uint64_t slot, uint64_t cspace);
struct tern_capinfo {
	uint64_t type, rights, badge, extra;
};
int tern_cap_identify(uint64_t slot, struct tern_capinfo *info);
int tern_save_reply(uint64_t slot);

/* SYS_INVOKE; results (if out) get r0..r5. */
int tern_invoke(uint64_t slot, uint64_t op, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5, uint64_t *out);

/* Object helpers over tern_invoke. */
int tern_mem_create(uint64_t mem, unsigned type, uint64_t dst, uint64_t arg);
int tern_page_map(uint64_t page, uint64_t task, uint64_t va, unsigned rights);
int tern_page_unmap(uint64_t page, uint64_t task, uint64_t va);
/* Device memory: map pages from physical address pa (inside the cap's
 * range) at va; mode = RIGHT_READ [| RIGHT_WRITE] [| MMIO_WC]. */
int tern_mmio_map(uint64_t mmio, uint64_t task, uint64_t va, uint64_t pa, uint64_t pages, unsigned mode);
int tern_mmio_unmap(uint64_t mmio, uint64_t task, uint64_t va);
int tern_task_set_regs(uint64_t task, uint64_t rip, uint64_t rsp, uint64_t rdi, uint64_t rsi);
int tern_task_start(uint64_t task);

const char *tern_strerror(uint64_t err);
