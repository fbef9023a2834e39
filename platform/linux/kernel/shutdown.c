/* The machine's end on the host: every task process ends with it (they
 * also have PR_SET_PDEATHSIG, for the case we die without this), and the
 * memory file goes with its last user. Power off is status 0, a failure
 * exit (MACHINE_FAIL, used by tests) its code, a panic 70. */
#include <hosted/hosted.h>
#include <kprintf.h>
#include <panic.h>
#include <stdarg.h>
#include <stdlib.h>
#include <console.h>


__attribute__((noreturn)) static void stop(int status)
{
	console_flush();
	hosted_end_all();
	hosted_term_restore();
	exit(status);
}

void machine_poweroff(void) { stop(0); }
void machine_reboot(void)
{
	kprintf("tern: reboot is power off on PLATFORM=linux\n");
	stop(0);
}
void machine_fail(int code) { stop(code ? code : 1); }
void machine_halt(void) { stop(70); }

void panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kprintf("\nPANIC: ");
	kvprintf(fmt, ap);
	kprintf("\n");
	va_end(ap);
	stop(70);
}
