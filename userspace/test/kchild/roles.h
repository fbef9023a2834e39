/*
 * Contract between the kernel test suite (test/ktest) and its helper
 * program (test/kchild): what each role does, where things are mapped and
 * which slots of the child's cspace hold which caps.
 */
#pragma once

enum kchild_role {
	ROLE_ECHO = 1,          /* serve EP: reply label, mr0 = badge, mr[i] = mr[i] + 1 */
	ROLE_SPIN,              /* count in shared[arg] forever */
	ROLE_FAULT,             /* shared[0] = RIP of the fault, then fault of kind arg */
	ROLE_IOPORT,            /* enable IOPORT, read 0x3FD, then read port arg */
	ROLE_CALLER,            /* call EP with mr0 = arg, shared[2] = answer, signal NOTE */
	ROLE_DEFER,             /* keep the first caller's reply, answer the second first */
	ROLE_CAPRECV,           /* receive a cap in slot RECV, identify, use it, reply */
	ROLE_SIGNAL,            /* signal NOTE arg times, then exit */
	ROLE_EXIT,              /* exit with status arg */
	ROLE_RESUME,            /* write to unmapped address arg; once resumed, shared[3] = 0xBEEF */
	ROLE_BENCH_ECHO,        /* reply_recv loop answering with mr0 + 1 (IPC benchmark) */
	ROLE_NOTE_WAITER,       /* loop: wait NOTE, shared[4] = rdtsc at wake, signal NOTE2 */
	ROLE_FUZZ,              /* arg random non-blocking system calls, then signal NOTE2 */
	ROLE_PEEK,              /* serve EP: answer mr0 = the word at address mr0 (reading it
				 * faults if nothing is mapped there); a send is not answered */

	/* Attacks on the kernel (test/ktest/attack*.c), from 50 up. */
	ROLE_NT_SLEEP = 50,     /* set RFLAGS.NT and AC, sleep, shared[20] = 1, signal NOTE */
	ROLE_HOLD_ECHO,         /* recv on EP, wait NOTE, answer with reply_recv, then hold */
	ROLE_RECV_HOLD,         /* recv on EP forever, never answering */
	ROLE_KILL_SLOT,         /* TASK_KILL on the task cap in slot RECV (maybe itself) */
	ROLE_SLEEPER,           /* sleep 10 s at a time forever; shared[22]++ if a sleep fails */
	ROLE_FPU,               /* arg in xmm0 and mm0, yield, check, 300 times; shared[23] += mismatches, signal NOTE */
	ROLE_RECV_SPIN,         /* recv a call on EP, then shared[24]++ forever without answering */
	ROLE_LOG_LINE,          /* write a line through the debug cap in RECV; shared[27] = result + 1,
				 * signal NOTE */
	ROLE_TAKE_IRQ,          /* IRQCTL_GET line arg with the irq-control cap in RECV into slot
				 * REPLY; shared[26] = result + 1, signal NOTE */
	/* Second review (test/ktest/attack_review.c), from 150 up. */
	ROLE_RV_MAP_SPREAD = 150, /* page from own quota RV_MEM, map it into itself every 2 MiB, arg tries;
	                           * shared[150] = mappings made, shared[151] = last error, signal NOTE */
	ROLE_RV_HELP_SPIN = 151,  /* recv a call on EP, wait NOTE, reply, then shared[152]++ forever */
	/* The syscall fuzzer and the tests of test/ktest/fuzz.c, from 100 up. */
	ROLE_SYSFUZZ = 100,     /* random and mutated system calls forever (kchild/fuzz.c);
				 * arg = seed, its low byte the seat (KF_*) */
	ROLE_LEND_SPIN = 101,   /* answer one call on EP, then count in shared[arg] forever */
	/* Third review (test/ktest/attack_review2.c), from 200 up. */
	ROLE_R2_STALE_PRIO = 200, /* recv a call on EP, wait NOTE, TASK_SET_PRIO(own task cap in RECV, arg),
	                           * then shared[200]++ forever */
	ROLE_R2_FORWARD = 201,    /* recv a call on EP, pass it on with a call to the endpoint in RECV
	                           * (never answered), then hold */
	/* The note signal fastpath (test/ktest/fastpath_signal.c), from 250 up;
	 * shared[SF_*] below. */
	ROLE_SF_WAITER = 250,     /* loop: wait NOTE; count the wake-up, add the bits, note the
	                           * signaller's round it saw and any error */
	ROLE_SF_SIGNALLER = 251,  /* arg & 0xFFFF rounds: set the round, signal slot arg >> 16
	                           * (0: NOTE), then check what happened meanwhile; signal NOTE2 */
	ROLE_SF_WATCHDOG = 252,   /* sleep arg ms, then signal NOTE */
};

/* Where the note fastpath roles keep their counts (shared[]). */
enum {
	SF_WAKES = 250,         /* waiter: wake-ups */
	SF_BITS,                /* waiter: sum of the bits it got */
	SF_WAIT_ERR,            /* waiter: the last error its wait returned */
	SF_SEEN,                /* waiter: the signaller's round when it woke */
	SF_ROUND,               /* signaller: its current round, 1 up */
	SF_SIGNAL_ERR,          /* signaller: the last error its signal returned */
	SF_LATE,                /* signaller: rounds whose signal returned before the waiter ran */
	SF_PASSED,              /* signaller: rounds in which SF_SPIN moved */
	SF_SPIN,                /* a ROLE_SPIN task counts here */
	SF_DONE,                /* signaller: rounds done */
};

enum kchild_fault {
	KFAULT_NULL_WRITE,
	KFAULT_UD,
	KFAULT_DIVIDE,
	KFAULT_PRIVILEGED,      /* hlt in user mode: #GP */
	KFAULT_KERNEL_READ,     /* read a kernel address: #PF */
	/* Where tern-task keeps its channel with the kernel on PLATFORM=linux
	 * (KC_CHAN_VA; nothing is mapped there on the PC): */
	KFAULT_CHAN_DOWN_WRITE, /* write to the kernel's half: #PF */
	KFAULT_CHAN_FORGE,      /* write a bogus entry into the task's half and spin */
};
/* platform/linux/include/hosted/wire.h's WIRE_CHAN_VA; tern programs do
 * not see that header: the tests name the address they attack. */
#define KC_CHAN_VA 0x7e0000800000ull

/* Child cspace slots. */
#define KC_RADIX   6
#define KC_EP      1
#define KC_NOTE    2
#define KC_IOPORT  3
#define KC_RECV    4
#define KC_REPLY   5
#define KC_NOTE2   6

/*
 * Fuzz task cspace slots (ROLE_SYSFUZZ): what the root gives each of the
 * KF_SEATS fuzz tasks. Slots KF_FREE and up start empty; the fuzzer makes
 * objects and receives caps there.
 */
#define KF_SEATS   4
#define KF_MEM     8    /* its own memory quota, split from the root's */
#define KF_EP      9    /* two endpoints shared by all seats; KF_EP + 1 is badged, no READ */
#define KF_NOTE    11   /* two notes shared by all seats; KF_NOTE + 1 is badged */
#define KF_PAGE    13   /* a page shared by all seats, to map into each other */
#define KF_PEER    16   /* KF_PEER + seat: task cap of every seat, itself included */
#define KF_FREE    24
#define KF_COUNT   64   /* shared[KF_COUNT + seat]: system calls that seat made */
#define KF_STATS   80   /* shared[KF_STATS + 4 * seat + KS_*]: what its calls did */
enum { KS_BLOCKED_OK, KS_CAPS_IN, KS_CREATED, KS_NO_MEMORY };
#define KF_MAP_VA  0x40000000ull        /* where the fuzzers map pages into each other */

/* Child addresses. */
#define KC_IPCBUF_VA  0x0FFF0000ull
#define KC_SHARED_VA  0x20000000ull
#define KC_STACK_TOP  0x7FFFFFF00000ull
#define KC_STACK_PAGES 4
/* Slots of the second review's roles. */
#define KC_RV_MEM  7
#define KC_RV_PAGE 8
