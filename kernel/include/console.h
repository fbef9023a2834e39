/* The kernel console (COM1). */
#pragma once

void serial_init(void);
void console_putc(char c);
void console_write(const char *s, unsigned long n);
