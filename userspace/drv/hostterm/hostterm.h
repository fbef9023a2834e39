/* What drv/hostterm's uart.c adds to pcserial's uart.h for main.c. */
#pragma once
#include <stdbool.h>

/* Send what uart_putc collected. */
void hostterm_flush(void);
/* Standard input has ended (a pipe or file drained, the pty closed): no
 * byte will come again, and the terminal is not armed again. */
extern bool hostterm_eof;
