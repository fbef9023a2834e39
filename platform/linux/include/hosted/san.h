/*
 * The sanitized programs of PLATFORM=linux (SAN=1, docs/hosted.md): what
 * their runtime (userspace/lib/san/) and tern-task agree on.
 *
 * ASan's shadow: one byte for every 8 bytes of the program's half of the
 * address space, [0, 128 TiB), at shadow(a) = (a >> 3) + SAN_SHADOW_OFFSET,
 * so [96 TiB, 112 TiB). No tern address lies there: programs at 4 MiB,
 * PROG_INFO and the IPC buffer below 256 MiB, heaps from 256 MiB, test
 * mappings below 16 GiB, tern-task at 126 TiB (WIRE_STUB_BASE), stacks
 * just below 128 TiB. tern-task maps it (anonymous, MAP_NORESERVE: only
 * the pages written cost memory) when the program asks, before any of
 * its instrumented code runs, and from then on a tern mapping into it is
 * the program's death with a message, never a silent overlap. The
 * compiler is told the same offset (userspace/userspace.mk,
 * -fasan-shadow-offset; the runtime checks that they agree).
 *
 * Host calls, made with `syscall` like hostterm.h's and answered by
 * tern-task itself:
 *   HOSTCALL_SAN_SHADOW: map the shadow; 0, or -1 if it cannot (the range
 *     is in use). The runtime's first act (userspace/lib/san/entry.S).
 *   HOSTCALL_SAN_WRITE (rdi = buffer, rsi = length): a report's text to
 *     tern-linux's standard error, whatever streams the program has (a
 *     server or driver has none). Answered once the shadow is mapped.
 * On the PC, or on a tern-task without them, the kernel answers
 * E_BAD_SYSCALL: a sanitized program runs only hosted.
 */
#pragma once

#define SAN_SHADOW_OFFSET 0x600000000000ull
#define SAN_SHADOW_BASE   SAN_SHADOW_OFFSET
#define SAN_SHADOW_SIZE   (0x800000000000ull >> 3)      /* 16 TiB */

#define HOSTCALL_SAN_SHADOW 0x7E10
#define HOSTCALL_SAN_WRITE  0x7E11
