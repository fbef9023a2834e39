/*
 * SYS_DEBUG_WRITE: the kernel console as a capability. The root task's
 * cap (badge 0) writes as is; init hands programs minted copies (badge
 * nonzero), whose every line starts with "[ID NAME] ", the kernel's id and
 * name of the writing task, so no program can pass its lines off as the
 * kernel's or init's. Tagged writes also share a rate limit: the console
 * is written with interrupts off (115200 baud is ~11 KiB/s), so an
 * unlimited writer could stall the machine. Every byte printed counts,
 * tags included; past the limit the call fails with E_BUSY and writes
 * nothing. The budget is shared by all tagged writers: one of them can
 * crowd out the others' diagnostics, but never the kernel's or init's
 * (untagged) lines, and never stall the machine.
 */
#include <abi/error.h>
#include <console.h>
#include <kprintf.h>
#include <object/task.h>
#include <sched.h>
#include <string.h>
#include <syscall.h>
#include <vspace.h>

#define DEBUG_WRITE_MAX   65536
#define TAGGED_RATE       4096          /* bytes per second for all tagged writers */
#define TAGGED_BURST      4096

static uint64_t tagged_budget = TAGGED_BURST, budget_tick;
static int at_line_start = 1;           /* of the console, for tagging */

static void refill(void)
{
	uint64_t add = (sched_ticks - budget_tick) * TAGGED_RATE / SCHED_HZ;
	if (!add)
		return;
	budget_tick = sched_ticks;
	tagged_budget = tagged_budget + add > TAGGED_BURST ? TAGGED_BURST : tagged_budget + add;
}

/* The tag the kernel prints before each of current's lines. */
static uint64_t tag_len(void)
{
	uint64_t digits = 1;
	for (uint32_t id = current->id; id >= 10; id /= 10)
		digits++;
	return digits + strlen(current->name) + 3;     /* "[", " ", "] " */
}

static void write_tagged(const char *buf, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		if (at_line_start)
			kprintf("[%u %s] ", current->id, current->name);
		console_write(&buf[i], 1);
		at_line_start = buf[i] == '\n';
	}
}

/*
 * A tagged write goes out whole or not at all, and costs every byte it
 * prints, tags included (a line of one newline prints a whole tag). It is
 * copied in first, so its cost is known before anything is printed.
 */
static uint64_t tagged_write(uint64_t uva, uint64_t n)
{
	static char buf[TAGGED_BURST];
	if (n > sizeof(buf))
		return E_BUSY;          /* more than the budget can ever hold */
	if (user_read(current, buf, uva, n))
		return E_BAD_ADDRESS;
	uint64_t lines = at_line_start && n, tag = tag_len();
	for (uint64_t i = 0; i + 1 < n; i++)
		lines += buf[i] == '\n';
	uint64_t cost = n + lines * tag;
	refill();
	if (cost > tagged_budget)
		return E_BUSY;
	tagged_budget -= cost;
	write_tagged(buf, n);
	return TERN_OK;
}

void sys_debug_write(struct trap_frame *f)
{
	uint64_t err = 0, p = f->rsi, n = f->rdx;
	struct cap *c = cap_lookup(f->rdi, CAP_DEBUG, RIGHT_WRITE, &err);
	if (!c) {
		f->rax = err;
		return;
	}
	if (n > DEBUG_WRITE_MAX) {
		f->rax = E_BAD_ARG;
		return;
	}
	if (c->badge) {
		f->rax = tagged_write(p, n);
		return;
	}
	char buf[256];
	for (uint64_t done = 0; done < n; ) {
		uint64_t k = n - done < sizeof(buf) ? n - done : sizeof(buf);
		if (user_read(current, buf, p + done, k)) {
			f->rax = E_BAD_ADDRESS;
			return;
		}
		console_write(buf, k);
		at_line_start = buf[k - 1] == '\n';
		done += k;
	}
	f->rax = TERN_OK;
}
