/*
 * Input for a terminal: what a keyboard driver (drv/ps2kbd) sends to the
 * terminal it types into (drv/vgacon's "screen_input" endpoint). The
 * terminal hands the bytes to its readers as if they had arrived on a
 * serial line. Only the driver whose manifest names that endpoint holds
 * it, so nobody else can type into someone's terminal.
 *
 *   INPUT_PUSH  MR0 = n (1..INPUT_CHUNK), bytes from MR1.
 *               Reply label 0: all taken; E_BUSY: the terminal's input
 *               buffer was full and the bytes were dropped (a person
 *               typing faster than anyone reads; the keyboard goes on).
 */
#pragma once
#include <tern/msgbuf.h>

enum input_method {
	INPUT_PUSH = 1,
};

#define INPUT_CHUNK 64
