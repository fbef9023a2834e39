/*
 * The host terminal on PLATFORM=linux (docs/hosted.md): tern-linux's own
 * standard input and output, offered as a device the way a PC offers a
 * UART, with tern's existing authority:
 *
 * - device memory: one page at HOSTTERM_PA, which is not RAM, so only the
 *   root (MACHINE_MMIO) or whoever it hands an mmio cap to can map it.
 *   Mapping it (MMIO_MAP) is what gives a task the terminal; unmapping it,
 *   or the task's death, takes it away. The page is a page of the memory
 *   file the kernel keeps for this (HOSTED_TERM_PAGE_PA, hosted.h), laid
 *   out as struct hostterm_page: the holder writes it, the kernel reads it.
 * - a note, not an interrupt line (PLATFORM=linux has none): the root
 *   binds it with MACHINE_HOSTIN_NOTE, and the kernel signals it when
 *   standard input has something (or has ended) while the page's `armed`
 *   word is set, clearing the word as it does (hostin.c). The holder sets
 *   the word again when it can take more bytes; until then the bytes wait
 *   in the host's input, as they waited behind the masked line before.
 * - host calls, made with the `syscall` instruction like a system call
 *   but answered by the task's own process (tern-task) when it holds the
 *   terminal (any other task gets E_BAD_SYSCALL from the kernel):
 *     HOSTCALL_WRITE (rdi = buffer, rsi = length): bytes written;
 *     HOSTCALL_READ (rdi = buffer, rsi = length): bytes read, 0 if none
 *       now, HOSTCALL_EOF once input has ended; never blocks;
 *     HOSTCALL_RAW (rdi = 1 raw mode, 0 as it was): 0, or -1 if standard
 *       input is not a terminal.
 *   tern-linux puts the terminal back as it was whenever the task that
 *   holds it ends, however it ends, and when tern-linux itself ends.
 */
#pragma once
#include <stdint.h>

#define HOSTTERM_PA     0x100000000000ull       /* 16 TiB: never RAM here */

/*
 * The terminal's page. `armed` is the flow control the masked interrupt
 * line gave: 1 = "wake me when there is input", written by the holder
 * just before it waits for the note (it is read each time the kernel
 * waits, and the holder's wait is such a time, so none is missed; input
 * is a level, not an edge, so bytes that came before the write still
 * wake it). The kernel sets it to 0 when it signals: one wake-up per
 * arming, so a holder whose ring is full simply does not arm, and the
 * bytes stay in the host's input until it does. Any other value is
 * taken as 1; the rest of the page is unused.
 */
struct hostterm_page {
	volatile uint32_t armed;
};

#define HOSTCALL_WRITE  0x7E01
#define HOSTCALL_READ   0x7E02
#define HOSTCALL_RAW    0x7E03
#define HOSTCALL_EOF    (~0ull)
