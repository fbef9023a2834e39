/*
 * tern-task's translation of a signal into the PC's exception (vector,
 * error code, address), so a supervisor sees the same fault as on the
 * PC. Pure: unit-tested in ci/unit/test_hosted_fault.c.
 *
 * SIGSEGV is a page fault (vector 14, with Linux's copy of the error code
 * and the address) when Linux says trap 14, else a #GP (13: a privileged
 * instruction, in/out, a non-canonical address); SIGILL is 6, SIGFPE 0,
 * SIGTRAP 3, SIGBUS 13.
 */
#pragma once
#include <stdint.h>

struct fault_report {
	uint64_t vector, error, addr;
};

void fault_from_signal(int sig, uint64_t trapno, uint64_t err, uint64_t si_addr, struct fault_report *r);
