/*
 * The byte-stream protocol: one interface for terminals (drv/pcserial,
 * drv/vgacon), open files and pipe ends (srv/ramfs). A program reads its
 * stdin and writes its stdout with the same calls whatever they are
 * (tern/program.h). Labels of requests; replies carry the status in the
 * label (0 = ok, else an E_* or STREAM_E* code).
 *
 *   STREAM_WRITE  MR0 = n (<= STREAM_CHUNK), bytes from MR1.
 *                 Reply MR0 = bytes taken (all of them, possibly after
 *                 waiting for the transmitter or for a pipe's reader).
 *                 STREAM_EPIPE when no reader is left (a pipe whose read
 *                 end is closed); STREAM_EBADF on a closed stream. A file
 *                 stream may also answer the file system's FS_ENOSPC
 *                 (proto/fs.h). A pipe takes a write whole: it waits until
 *                 there is room for all n bytes (n <= STREAM_CHUNK <
 *                 FS_PIPE_BUF), so pipe writes are atomic.
 *                 Terminals turn "\n" into "\r\n" (unless the byte before
 *                 it was '\r'), so programs write plain "\n" everywhere.
 *   STREAM_READ   MR0 = max (<= STREAM_CHUNK). The reply comes once at
 *                 least one byte is there: MR0 = n, bytes from MR1.
 *                 n = 0 means end of stream (a file's end; a pipe with no
 *                 writer left); a terminal never ends, but for the host
 *                 terminal of tern hosted on Linux (drv/hostterm) once
 *                 the host's input has ended and all of it was read. max = 0 is
 *                 answered at once with n = 0. A pipe has one waiting
 *                 read at a time: another read of it meanwhile gets
 *                 E_BUSY (and one waiting write: another gets E_BUSY).
 *                 Terminals: the input goes to one client at a time: while
 *                 another client's read waits, ours waits behind it (it is
 *                 never cancelled by someone else's read). A new read of
 *                 ours replaces our own older one, which is answered E_BUSY.
 *                 (pcserial's rules: drv/pcserial/readers.h.)
 *   STREAM_POLL   Reply MR0 = bytes ready to read now (never waits).
 *   STREAM_CLOSE  This cap's stream is done for its holder: a closed file
 *                 stream or pipe end answers STREAM_EBADF from then on, and
 *                 a pipe whose every write end is closed reads as end of
 *                 stream after its data. Terminals answer 0 and carry on.
 *                 init sends it (without waiting for an answer) for each of
 *                 a program's standard streams when the program ends.
 *   STREAM_DUP    Files and pipe ends only (terminals: E_BAD_SYSCALL; a
 *                 terminal cap is shared by copying it, since a terminal
 *                 keeps nothing per holder). The reply carries a cap for a
 *                 second stream on the same open file or pipe end, as
 *                 dup() makes in Unix: a file's copies share one offset,
 *                 and a pipe end is closed when its last copy is. The copy
 *                 counts against the maker of the original (the server's
 *                 per-client limit: FS_EMFILE) and is closed with it.
 *                 The shell gives programs copies of its own streams.
 *   STREAM_INFO   Reply MR0 = STREAM_KIND_* (what isatty() asks); a
 *                 terminal adds MR1 = its name, up to 8 bytes, NUL-padded:
 *                 the service it is ("serial", "serial1", "screen"), for
 *                 getty's banner.
 *   STREAM_INTR   Terminals only (else E_BAD_SYSCALL). MR0 = 1 with one
 *                 note cap: from now on a ^C (0x03) typed on the terminal
 *                 is not input; the terminal signals that note (with the
 *                 note cap's badge) instead. MR0 = 2 (no cap): ^C is the
 *                 caller's input. MR0 = 0: drops the caller's own
 *                 registration (another client's stays, answered 0 all
 *                 the same). Registrations stack, one per client: the
 *                 latest decides, a client registering again moves to the
 *                 top, and when the top one is dropped or its client
 *                 ends (SERVICE_CLIENT_GONE) the one below decides again
 *                 (none: ^C is input). The shell registers its note while
 *                 a foreground job runs and MR0 = 2 at its prompt, so a
 *                 shell inside a shell edits its line undisturbed and the
 *                 outer one gets ^C back when it ends. Refused: a cap
 *                 that is not a note (E_WRONG_TYPE), a note without the
 *                 signal right (E_NO_RIGHTS), MR0 = 1 without a cap, a cap
 *                 with MR0 = 2, MR0 > 2 (E_BAD_ARG), a new client
 *                 when 8 are registered (E_BUSY). (On pcserial's COM2 all
 *                 clients share one badge, so one registration: any of
 *                 them drops it, and it ends only when dropped.)
 *
 * Caps a server makes itself (file streams, pipe ends) carry a badge with
 * STREAM_BADGE_OWN set, so they never collide with the badges init gives
 * clients (program ids) or its own notices (badge 0).
 */
#pragma once
#include <tern/msgbuf.h>

enum stream_method {
	STREAM_WRITE = 1,
	STREAM_READ,
	STREAM_POLL,
	STREAM_CLOSE,
	STREAM_INFO,
	STREAM_INTR,
	STREAM_DUP,
};

enum stream_error {
	STREAM_EPIPE = 300,     /* no reader left: a broken pipe */
	STREAM_EBADF,           /* the stream was closed */
};

enum stream_kind { STREAM_KIND_TERMINAL = 1, STREAM_KIND_FILE, STREAM_KIND_PIPE };

#define STREAM_CHUNK 256
#define STREAM_BADGE_OWN (1ull << 62)

/* Client stubs (lib/stream.c). Return bytes moved (>= 0), or -E_* /
 * -STREAM_E* on failure. */
long stream_write(uint64_t ep, const void *buf, size_t n);
long stream_read(uint64_t ep, void *buf, size_t max);
long stream_poll(uint64_t ep);
long stream_close(uint64_t ep);
/* A second stream on what ep is (STREAM_DUP), its cap into slot: 0 or
 * -error. */
long stream_dup(uint64_t ep, uint64_t slot);
long stream_info(uint64_t ep);          /* STREAM_KIND_* or -E_* */
/* A terminal's name (STREAM_INFO's MR1) into name[9]: 0, or -error (also
 * for a stream that is not a terminal: -E_BAD_ARG). */
long stream_terminal_name(uint64_t ep, char name[9]);
/* Up to 8 bytes of s as one message word, NUL-padded (servers' side). */
static inline uint64_t stream_name_word(const char *s)
{
	uint64_t w = 0;
	for (unsigned i = 0; i < 8 && s[i]; i++)
		w |= (uint64_t)(uint8_t)s[i] << (8 * i);
	return w;
}
/* Register (note != 0: a slot holding a note cap) or drop (note == 0)
 * the ^C note of a terminal. */
long stream_intr(uint64_t ep, uint64_t note);
/* Register "^C is my input" (STREAM_INTR MR0 = 2). */
long stream_intr_input(uint64_t ep);
/* Kept for old callers: the same as stream_write now that terminals
 * turn "\n" into "\r\n" themselves. */
long stream_write_text(uint64_t ep, const char *s, size_t n);
