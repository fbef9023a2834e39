/*
 * The loader's messages: every line goes to the firmware console (screen,
 * and on firmware with serial redirection the serial line too) and, when
 * the firmware does not already copy its console to a serial port, to
 * COM1 directly, so that a lab machine's serial log shows a failed boot
 * and never shows a line twice.
 */
#pragma once
#include <efi.h>

void con_init(struct efi_system_table *st);
/* One message; "tern-efi: " is put in front of each line. */
void con_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Wait up to seconds for a key on the firmware console (1 if one came). */
int con_wait_key(unsigned seconds);
