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
	if (used == sizeof(buf))
		console_flush();
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
