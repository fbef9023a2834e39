/*
 * The kernel console on the host: what kprintf and the debug cap print
 * goes to the kernel process's standard output (the terminal, or the test
 * tool's pipe) and into the kernel log ring (klog.c).
 */
#include <console.h>
#include <klog.h>
#include <unistd.h>

static char buf[4096];
static unsigned used;
static int at_line_start = 1;
static int crlf = -1;           /* standard output is a terminal: "\n" goes out as "\r\n" */

void console_flush(void)
{
	unsigned off = 0;
	while (off < used) {
		ssize_t n = write(1, buf + off, used - off);
		if (n <= 0)
			break;          /* nobody reads: the log ring still has it */
		off += (unsigned)n;
	}
	used = 0;
}

void console_putc(char c)
{
	klog_putc(c);
	/* A terminal may be raw (drv/hostterm holds it so): without the
	 * host's "\n" to "\r\n" the log would run down in a staircase. A
	 * cooked one shows "\r\r\n" the same. Pipes and files get "\n". */
	if (crlf < 0)
		crlf = isatty(1);
	if (used + 2 > sizeof(buf))
		console_flush();
	if (c == '\n' && crlf)
		buf[used++] = '\r';
	buf[used++] = c;
	at_line_start = c == '\n';
}

void console_write(const char *s, unsigned long n)
{
	while (n--)
		console_putc(*s++);
	console_flush();
}

int console_at_line_start(void) { return at_line_start; }
const char *console_primary(void) { return "com1"; }
void console_device_mapped(uint64_t first, uint64_t last, const char *who) { (void)first, (void)last, (void)who; }
void console_panic(void) { console_flush(); }
