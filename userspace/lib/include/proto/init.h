/*
 * The init protocol: what programs ask of init (sbin/init) through their
 * PROG_INIT endpoint. Replies carry the status in the label (0 or E_* /
 * INIT_E*).
 *
 *   INIT_SPAWN     MR0 = args len | cwd len << 32, args from MR1:
 *                  NUL-separated words, the first a path in the file
 *                  system, then (if cwd len > 0) the working directory,
 *                  an absolute path (prog_info->cwd; "/" if none), its
 *                  bytes right after the args' len bytes (no NUL needed);
 *                  up to three caps: the new program's stdin, stdout and
 *                  stderr in that order (fewer: the rest stay empty; see
 *                  tern/program.h). init keeps a copy of each and sends
 *                  it STREAM_CLOSE (without waiting) when the program ends. -> MR0 = program id
 *                  (E_BAD_ARG if the message is shorter than the args or
 *                  the cwd is not absolute, or with more than three caps;
 *                  E_NO_RIGHTS for a program from the fs that asks for
 *                  more than it may have; E_DEAD / E_WOULD_BLOCK when the
 *                  fs provider has ended / is busy)
 *   INIT_WAIT      MR0 = id; answered when it ends -> MR0 = exit status
 *                  (INIT_STATUS_FAULT | vector if it faulted)
 *   INIT_WATCH     MR0 = id, one note cap: init signals the note (with
 *                  its badge) when the program ends, at once if it has
 *                  already; then INIT_WAIT answers without waiting. Who may
 *                  watch whom: as INIT_WAIT. A new watch of the same program
 *                  by the same asker replaces the old one; a watch ends
 *                  with its asker. E_BAD_ARG without exactly one note cap that
 *                  may be signalled; E_BUSY when 8 askers watch it. Caps
 *                  sent with any other request are deleted. (The shell waits
 *                  on one note for its jobs and for ^C: proto/stream.h.)
 *   INIT_KILL      MR0 = id: one's own children, or any with [init] control
 *                  (else E_NO_RIGHTS); its status is then 137
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
	INIT_WATCH,
};

enum init_error {
	INIT_ENOENT = 200,      /* no such program file */
	INIT_ENOEXEC,           /* not a valid program or manifest */
	INIT_ESRCH,             /* no such program id */
	INIT_ENOMEM,
};

enum init_state { INIT_RUNNING = 1, INIT_EXITED, INIT_FAULTED, INIT_RESTARTING, INIT_FAILED };

#define INIT_STATUS_FAULT 0x10000
/* The exit status of a shell whose terminal failed under it (a read
 * error, not the end of input: its driver died). getty -p powers off
 * only when the shell ended otherwise. */
#define INIT_STATUS_TERMINAL_LOST 255

/* Client stubs (lib/initc.c). */
long init_spawn(uint64_t ep, const char *const *argv, int argc);
/* With a working directory (0: none) and standard streams: io[i] is a slot
 * of ours (0 ends the list: io = {a, b, 0} sends two); io may be 0. */
long init_spawn_io(uint64_t ep, const char *const *argv, int argc, const char *cwd, const uint64_t io[3]);
/* note: a slot of ours holding a note cap, badged as we want it signalled. */
long init_watch(uint64_t ep, uint64_t id, uint64_t note);
long init_wait(uint64_t ep, uint64_t id, uint64_t *status);
long init_kill(uint64_t ep, uint64_t id);
/* The id of the running program called name (0 if none), from INIT_PS. */
long init_find(uint64_t ep, const char *name);

/* What INIT_PS says about one program (lib/initinfo.c). */
struct init_ps_entry {
	uint64_t id, state, restarts, task;
	char name[33];
};
/* The index-th program: 0, or -E_BAD_ARG past the last. */
long init_ps(uint64_t ep, uint64_t index, struct init_ps_entry *e);
long init_mem(uint64_t ep, uint64_t *free_bytes, uint64_t *total_bytes, uint64_t *tasks);
/* Up to max bytes of program id's manifest from offset off: the count
 * (0 at its end) or -error. */
long init_manifest(uint64_t ep, uint64_t id, uint64_t off, char *buf, size_t max);
/* INIT_POWEROFF or INIT_REBOOT: returns only when init refused. */
long init_power(uint64_t ep, int method);
/* The text for an error from init (INIT_E* or the kernel's E_*). */
const char *init_strerror(long err);
