/*
 * What pastetest (a paste on the console) and com2test (COM2 looped
 * back) share: reading a stream into a buffer with pauses, and comparing
 * it with the pattern (pattern.h). Both print on their own stdio.
 */
#pragma once
#include "pattern.h"
#include <stddef.h>
#include <stdint.h>

/* The program's name, for its lines ("pastetest", "com2test"). */
extern const char paste_prog[];
/* What came in: room for the paste, and for COM2's bytes and their CRs. */
extern uint8_t paste_buf[PASTE_BYTES];

/* Read exactly want bytes from ep into paste_buf; returns how many came. */
size_t paste_read_all(uint64_t ep, size_t want);
/* Compare paste_buf[0..got) with the pattern's first want bytes; prints
 * the count and hash, then "WHAT ok" or where it differs. 0 if equal. */
int paste_check(const char *what, size_t got, size_t want);
