/* The kernel console (COM1). */
#pragma once

void serial_init(void);
void console_putc(char c);
void console_write(const char *s, unsigned long n);
/* Whether the last byte anyone wrote ended a line (tagged writes start
 * each of their lines with a tag: debug_write.c). */
int console_at_line_start(void);
