/*
 * The paste test's input, defined once: byte i of the file ci/paste-gen.c
 * writes (build/ci/paste-64k.txt) and of what pastetest expects. Printable
 * ASCII 0x20..0x7E cycling with period 95, and a newline ending every
 * 64-byte line, so the line period (64) and the character period (95)
 * differ and a lost, doubled or swapped byte changes what follows. There
 * is nothing a terminal or QEMU would act on: no ^C, ^D, XON/XOFF, CR.
 */
#pragma once
#include <stdint.h>

#define PASTE_BYTES 65536
#define PASTE_LINE  64

static inline uint8_t paste_byte(uint32_t i)
{
	return i % PASTE_LINE == PASTE_LINE - 1 ? '\n' : (uint8_t)(0x20 + i % 95);
}
