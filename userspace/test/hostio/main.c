/*
 * hostio: the host terminal of PLATFORM=linux, end to end, as the root
 * task (`tern-linux -c init=/test/hostio`; ci/hosted-term.sh). It takes
 * the terminal the tern way (an mmio cap over HOSTTERM_PA from the machine
 * cap, mapped; a note bound with MACHINE_HOSTIN_NOTE, armed through the
 * terminal's page), puts it in raw mode if it is one, writes a line
 * through it, echoes every byte of standard input back in brackets as it
 * arrives, one wake-up at a time,
 * and powers off at the end of input (or a ^D) with a count. Also checks what must fail: a host call before the
 * mapping is an unknown system call, and after the unmapping again.
 * On the PC this page is nothing; the program is only run hosted.
 */
#include "../../../platform/linux/include/hosted/hostterm.h"
#include <stdio.h>
#include <string.h>
#include <tern/sys.h>

#define TERM_VA 0x50000000ull

static uint64_t hostcall(uint64_t n, uint64_t a0, uint64_t a1)
{
	return tern_sys(n, a0, a1, 0, 0, 0, 0).err;
}

static void say(const char *s) { hostcall(HOSTCALL_WRITE, (uint64_t)s, strlen(s)); }

static int fail(const char *what)
{
	printf("hostio: FAIL %s\n0 passed, 1 failed\n", what);
	tern_invoke(ROOT_MACHINE, MACHINE_POWEROFF, 0, 0, 0, 0, 0);
	return 1;
}

int tern_main(uint64_t initramfs, uint64_t size, uint64_t ipcbuf, uint64_t cmdline)
{
	(void)initramfs, (void)size, (void)cmdline;
	tern_ipcbuf = (struct tern_ipcbuf *)ipcbuf;
	uint64_t mmio = ROOT_FIRST_FREE, note = mmio + 1;
	struct hostterm_page *term = (struct hostterm_page *)TERM_VA;
	if (hostcall(HOSTCALL_WRITE, (uint64_t)"x", 1) != E_BAD_SYSCALL)
		return fail("a host call without the terminal was not refused");
	if (tern_invoke(ROOT_MACHINE, MACHINE_MMIO, HOSTTERM_PA, HOSTTERM_PA + 4095, mmio, 0, 0) ||
	    tern_invoke(mmio, MMIO_MAP, 0, TERM_VA, HOSTTERM_PA | RIGHT_READ | RIGHT_WRITE, 1, 0))
		return fail("cannot map the host terminal");
	if (tern_mem_create(ROOT_MEMORY, CAP_NOTE, note, 0) ||
	    tern_invoke(ROOT_MACHINE, MACHINE_HOSTIN_NOTE, note, 0, 0, 0, 0))
		return fail("cannot bind the host terminal's note");
	term->armed = 1;
	/* On a terminal, raw mode: bytes as typed, ^D (0x04) ends the test. */
	int tty = hostcall(HOSTCALL_RAW, 1, 0) == 0;
	say(tty ? "hostio: hello through the host terminal, raw\r\n" : "hostio: hello through the host terminal\n");
	uint64_t total = 0, wakeups = 0;
	for (;;) {
		uint64_t bits;
		if (tern_wait(note, &bits))
			return fail("wait");
		wakeups++;
		char buf[64];
		uint64_t n;
		while ((n = hostcall(HOSTCALL_READ, (uint64_t)buf, sizeof(buf))) != 0 && n != HOSTCALL_EOF) {
			if (n > sizeof(buf))
				return fail("read more than asked");
			say("[");
			hostcall(HOSTCALL_WRITE, (uint64_t)buf, n);
			say("]");
			total += n;
			if (memchr(buf, 0x04, n))
				n = HOSTCALL_EOF;
			if (n == HOSTCALL_EOF)
				break;
		}
		if (n == HOSTCALL_EOF)
			break;
		if (term->armed)
			return fail("the kernel signalled without clearing the arming word");
		term->armed = 1;
	}
	if (tty && hostcall(HOSTCALL_RAW, 0, 0))
		return fail("cannot put the terminal back");
	if (tern_invoke(mmio, MMIO_UNMAP, 0, TERM_VA, 0, 0, 0))
		return fail("cannot unmap the host terminal");
	if (hostcall(HOSTCALL_WRITE, (uint64_t)"x", 1) != E_BAD_SYSCALL)
		return fail("a host call after the unmapping was not refused");
	printf("\nhostio: %lu bytes in %lu wake-ups\n1 passed, 0 failed\n", (unsigned long)total,
	       (unsigned long)wakeups);
	tern_invoke(ROOT_MACHINE, MACHINE_POWEROFF, 0, 0, 0, 0, 0);
	return 0;
}
