/*
 * tern-task's part in the sanitized programs (hosted/san.h): ASan's
 * shadow, mapped when the program asks, kept out of the way of tern's
 * own mappings, and the report writer. Nothing here runs for a program
 * that does not ask: an ordinary build never makes these calls.
 */
#include <hosted/san.h>
#include "linux.h"
#include "task.h"

#define MAP_ANONYMOUS 0x20
#define MAP_NORESERVE 0x4000
#define MAP_FIXED_NOREPLACE 0x100000

static int shadow_on;
static int err_is_tty = -1;

int san_overlaps(uint64_t va, uint64_t end)
{
	return shadow_on && va < SAN_SHADOW_BASE + SAN_SHADOW_SIZE && end > SAN_SHADOW_BASE;
}

/* Standard error as the kernel's console writes its own: "\r\n" on a
 * terminal (raw while drv/hostterm holds it), "\n" elsewhere. */
static void write_err(const char *p, uint64_t n)
{
	if (err_is_tty < 0) {
		struct k_termios t;
		err_is_tty = sys3(NR_ioctl, 2, 0x5401 /* TCGETS */, &t) == 0;
	}
	uint64_t from = 0;
	for (uint64_t i = 0; i <= n; i++) {
		if (i < n && (p[i] != '\n' || !err_is_tty))
			continue;
		if (i > from)
			sys3(NR_write, 2, p + from, i - from);
		if (i < n)
			sys3(NR_write, 2, "\r\n", 2);
		from = i + 1;
	}
}

int san_hostcall(struct k_mcontext *m)
{
	switch (m->rax) {
	case HOSTCALL_SAN_SHADOW: {
		if (shadow_on) {
			m->rax = 0;
			return 1;
		}
		long r = sys6(NR_mmap, (long)SAN_SHADOW_BASE, (long)SAN_SHADOW_SIZE, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
		shadow_on = r == (long)SAN_SHADOW_BASE;
		if (r >= 0 && !shadow_on)      /* a kernel older than NOREPLACE: a hint, not honoured */
			sys3(NR_munmap, r, SAN_SHADOW_SIZE, 0);
		m->rax = shadow_on ? 0 : (uint64_t)-1;
		return 1;
	}
	case HOSTCALL_SAN_WRITE:
		if (!shadow_on)
			return 0;
		/* A bad pointer crashes this process: the program's own death,
		 * as any fault of its own would be. */
		if (m->rsi <= 4096)
			write_err((const char *)m->rdi, m->rsi);
		m->rax = m->rsi;
		return 1;
	}
	return 0;
}
