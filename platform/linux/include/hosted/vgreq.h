/*
 * Valgrind's client requests, our own small spelling (VALGRIND=1,
 * docs/hosted.md). A request is a documented ABI of valgrind's: on
 * x86-64, RAX points at six words (the request's number and five
 * arguments), RDX holds the default answer, and a sequence of rotates of
 * RDI by 3, 13, 61 and 51 bits (a no-op: 128 bits in all) followed by
 * `xchg %rbx, %rbx` is the marker valgrind's translator recognises and
 * replaces with the request; its answer is left in RDX. On a real CPU
 * the sequence does nothing and RDX keeps the default, so code with
 * requests runs unchanged outside valgrind. (Valgrind's own valgrind.h
 * does the same; we spell it here so that nothing needs valgrind's
 * headers to build.)
 *
 * Used by tern-task (is it running under valgrind?) and by the programs'
 * heap in the VALGRIND=1 build (userspace/lib/vg/heap.c).
 */
#pragma once
#include <stdint.h>

static inline uint64_t vg_request(uint64_t dflt, uint64_t req, uint64_t a1, uint64_t a2, uint64_t a3,
				  uint64_t a4, uint64_t a5)
{
	volatile uint64_t args[6] = { req, a1, a2, a3, a4, a5 };
	uint64_t res;
	__asm__ volatile("rolq $3, %%rdi; rolq $13, %%rdi; rolq $61, %%rdi; rolq $51, %%rdi\n\t"
			 "xchgq %%rbx, %%rbx"
			 : "=d"(res)
			 : "a"(&args[0]), "0"(dflt)
			 : "cc", "memory");
	return res;
}

/* Core requests (valgrind.h's numbers). */
#define VG_RUNNING_ON_VALGRIND 0x1001u
#define VG_MALLOCLIKE_BLOCK    0x1301u  /* addr, size, red zone, zeroed */
#define VG_FREELIKE_BLOCK      0x1302u  /* addr, red zone */
#define VG_STACK_REGISTER      0x1501u  /* lowest byte, highest byte */
#define VG_ERR_DISABLEMENT     0x1801u  /* +1 disables reports in this thread, -1 enables */
/* Memcheck's own (memcheck.h): 'M' 'C' << 16, then their index. */
#define VG_MC_MAKE_MEM_NOACCESS 0x4d430000u
#define VG_MC_MAKE_MEM_DEFINED  0x4d430002u

static inline int vg_running(void)
{
	return vg_request(0, VG_RUNNING_ON_VALGRIND, 0, 0, 0, 0, 0) != 0;
}
