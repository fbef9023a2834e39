/* Reports of the sanitized programs (san.h): formatted here, written by
 * tern-task to tern-linux's standard error. */
#include <format.h>
#include <stdarg.h>
#include <tern/sys.h>
#include "san.h"

int san_reporting;

void san_say(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int n = fmt_vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((unsigned)n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	if (tern_sys(HOSTCALL_SAN_WRITE, (uint64_t)line, (uint64_t)n, 0, 0, 0, 0).err != (uint64_t)n)
		tern_debug_write(line, (size_t)n);
}

void san_die(void)
{
	for (;;)
		__asm__ volatile("ud2");
}
