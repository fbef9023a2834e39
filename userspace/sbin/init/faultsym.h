/* The function a fault address is in, from a program's symbol table. */
#pragma once
#include <stddef.h>
#include <stdint.h>

/* Writes "name+0xoff" (cut to fit, always NUL-terminated) to out[0..cap)
 * and returns 1 if the ELF elf[0..len) has a symbol table with a function
 * that holds addr; returns 0 otherwise (stripped, no such function, or
 * a malformed file), out then "". */
int faultsym_name(const uint8_t *elf, size_t len, uint64_t addr, char *out, size_t cap);
