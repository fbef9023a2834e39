/*
 * The host terminal on PLATFORM=linux (docs/hosted.md): tern-linux's own
 * standard input and output, offered as a device the way a PC offers a
 * UART, with tern's existing authority:
 *
 * - device memory: one page at HOSTTERM_PA, which is not RAM, so only the
 *   root (MACHINE_MMIO) or whoever it hands an mmio cap to can map it.
 *   Mapping it (MMIO_MAP) is what gives a task the terminal; unmapping it,
 *   or the task's death, takes it away. The page itself holds nothing.
 * - an interrupt line, HOSTTERM_IRQ: "standard input has something (or
 *   has ended)", masked when delivered until IRQ_ACK, like any line.
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

#define HOSTTERM_PA     0x100000000000ull       /* 16 TiB: never RAM here */
#define HOSTTERM_IRQ    5       /* no PC driver of tern's uses it (pcserial has 3 and 4) */

#define HOSTCALL_WRITE  0x7E01
#define HOSTCALL_READ   0x7E02
#define HOSTCALL_RAW    0x7E03
#define HOSTCALL_EOF    (~0ull)
