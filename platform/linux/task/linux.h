/* The few Linux system calls and structures tern-task uses, without libc
 * (x86_64 numbers and layouts; <asm/unistd_64.h>, <asm/sigcontext.h>). */
#pragma once
#include <stdint.h>

#define NR_read 0
#define NR_write 1
#define NR_mmap 9
#define NR_mprotect 10
#define NR_munmap 11
#define NR_open 2
#define NR_close 3
#define NR_nanosleep 35
#define NR_poll 7
#define NR_ioctl 16
#define NR_rt_sigaction 13
#define NR_rt_sigprocmask 14
#define NR_sigaltstack 131
#define NR_prctl 157
#define NR_getppid 110
#define NR_futex 202
#define NR_exit_group 231
#define NR_seccomp 317

static inline long sys6(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}
#define sys3(n, a, b, c) sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_SHARED 1
#define MAP_PRIVATE 2
#define MAP_FIXED 0x10

#define FUTEX_WAIT 0    /* shared (not _PRIVATE): the kernel is another process */
#define FUTEX_WAKE 1

#define SIGILL 4
#define SIGTRAP 5
#define SIGBUS 7
#define SIGFPE 8
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGSYS 31
#define SIGKILL 9
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTORER 0x04000000

struct k_sigaction {
	void (*handler)(int, void *, void *);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

struct k_stack {
	void *sp;
	int flags;
	uint64_t size;
};

/* struct sigcontext, x86_64 */
struct k_mcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate;
	uint64_t reserved[8];
};

struct k_ucontext {
	uint64_t flags;
	void *link;
	struct k_stack stack;
	struct k_mcontext mc;
	uint64_t sigmask;
};

struct k_siginfo {
	int signo, errno_, code, pad;
	uint64_t addr;                  /* si_addr (SIGSEGV...), si_call_addr (SIGSYS) */
};

struct sock_filter {
	uint16_t code;
	uint8_t jt, jf;
	uint32_t k;
};
struct sock_fprog {
	uint16_t len;
	struct sock_filter *filter;
};

struct k_pollfd {
	int fd;
	short events, revents;
};

/* The kernel's struct termios (TCGETS/TCSETS). */
struct k_termios {
	uint32_t iflag, oflag, cflag, lflag;
	uint8_t line;
	uint8_t cc[19];
};
