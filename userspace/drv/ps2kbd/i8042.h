/*
 * The PC's keyboard controller (Intel 8042 and its successors in every
 * chipset): data port 0x60, status/command port 0x64. Only the first
 * (keyboard) port is used; the controller translates the keyboard's
 * scancode set 2 into set 1, which scancode.c reads.
 */
#pragma once
#include <stdbool.h>
#include <stdint.h>

/* Set the controller and the keyboard up; false (with a message printed) if there is none. */
bool i8042_init(void);
/* The next byte from the keyboard, if one is waiting. */
bool i8042_read(uint8_t *byte);
