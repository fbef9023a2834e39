/*
 * The init protocol: what programs ask of init (sbin/init) through their
 * PROG_INIT endpoint. Replies carry the status in the label (0 or E_* /
 * INIT_E*).
 *
 *   INIT_SPAWN     MR0 = args len, args from MR1: NUL-separated words,
 *                  the first a path in the file system -> MR0 = program id
 *                  (E_BAD_ARG if the message is shorter than the args;
 *                  E_NO_RIGHTS for a program from the fs that asks for
 *                  more than it may have; E_DEAD / E_WOULD_BLOCK when the
 *                  fs provider has ended / is busy)
 *   INIT_WAIT      MR0 = id; answered when it ends -> MR0 = exit status
 *                  (INIT_STATUS_FAULT | vector if it faulted)
 *   INIT_KILL      MR0 = id: one's own children, or any with [init] control
 *                  (else E_NO_RIGHTS)
 *   INIT_PS        MR0 = index -> MR0 = id, MR1 = state, MR2 = restarts,
 *                  MR3 = kernel task id, name from MR4 (32 bytes)
 *                  (E_BAD_ARG past the last)
 *   INIT_MANIFEST  MR0 = id, MR1 = offset -> MR0 = n, text from MR1
 *                  (the program's embedded manifest, in pieces)
 *   INIT_MEM       -> MR0 = free bytes, MR1 = total bytes, MR2 = kernel tasks
 *   INIT_POWEROFF, INIT_REBOOT   with [init] power (else E_NO_RIGHTS);
 *                  no reply when it works
 * Who may ask what: docs/manifest.md, "Authority".
 */
#pragma once
#include <tern/msgbuf.h>

enum init_method {
	INIT_SPAWN = 1,
	INIT_WAIT,
	INIT_KILL,
	INIT_PS,
	INIT_MANIFEST,
	INIT_MEM,
	INIT_POWEROFF,
	INIT_REBOOT,
};

enum init_error {
	INIT_ENOENT = 200,      /* no such program file */
	INIT_ENOEXEC,           /* not a valid program or manifest */
	INIT_ESRCH,             /* no such program id */
	INIT_ENOMEM,
};

enum init_state { INIT_RUNNING = 1, INIT_EXITED, INIT_FAULTED, INIT_RESTARTING, INIT_FAILED };

#define INIT_STATUS_FAULT 0x10000

/* Client stubs (lib/initc.c). */
long init_spawn(uint64_t ep, const char *const *argv, int argc);
long init_wait(uint64_t ep, uint64_t id, uint64_t *status);
long init_kill(uint64_t ep, uint64_t id);
/* The id of the running program called name (0 if none), from INIT_PS. */
long init_find(uint64_t ep, const char *name);
