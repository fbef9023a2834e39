/*
 * SYS_DEBUG_WRITE: the kernel console as a capability. The root task's
 * cap (badge 0) writes as is; init hands programs minted copies (badge
 * nonzero), whose every line starts with "[ID NAME] ", the kernel's id and
 * name of the writing task, so no program can pass its lines off as the
 * kernel's or init's. Tagged writes also share a rate limit: the console
 * is written with interrupts off (115200 baud is ~11 KiB/s), so an
 * unlimited writer could stall the machine. Every byte printed counts,
 * tags included; past the limit the call fails with E_BUSY and writes
 * nothing. Each task has its own share (1 KiB/s), so one writer cannot
 * crowd out the others, and all of them together share 4 KiB/s, so many
 * tasks cannot stall the machine either; the kernel's and init's
 * (untagged) lines are never limited.
 */
#include <abi/error.h>
#include <bucket.h>
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
#define TASK_RATE         1024          /* ... and for any one task */
#define TASK_BURST        2048

static struct bucket all_tagged = { TAGGED_BURST, 0 };

/* Refill b at rate per second up to burst; what it holds now. */
static uint64_t refill(struct bucket *b, uint64_t rate, uint64_t burst)
{
	uint64_t add = (sched_ticks - b->tick) * rate / SCHED_HZ;
	if (add) {
		b->tick = sched_ticks;
		b->left = b->left + add > burst ? burst : b->left + add;
	}
	return b->left;
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
	/* A tagged write always starts on a line of its own: whatever the
	 * console printed last (the kernel's lines included), the program's
	 * text never continues someone else's line untagged. */
	if (n && !console_at_line_start())
		console_putc('\n');
	for (uint64_t i = 0; i < n; i++) {
		if (console_at_line_start())
			kprintf("[%u %s] ", current->id, current->name);
		console_putc(buf[i]);
	}
	console_flush();        /* the screen's cursor after the text, not after the last tag */
}

/*
 * A tagged write goes out whole or not at all, and costs every byte it
 * prints, tags included (a line of one newline prints a whole tag). It is
 * copied in first, so its cost is known before anything is printed.
 */
static uint64_t tagged_write(uint64_t uva, uint64_t n)
{
	static char buf[TASK_BURST];
	if (n > sizeof(buf))
		return E_BUSY;          /* more than the budget can ever hold */
	if (user_read(current, buf, uva, n))
		return E_BAD_ADDRESS;
	uint64_t lines = n != 0, tag = tag_len();
	for (uint64_t i = 0; i + 1 < n; i++)
		lines += buf[i] == '\n';
	uint64_t cost = n + lines * tag;
	/* Within the task's own share, so that one writer cannot crowd out
	 * the others, and within the console's share for all of them. */
	struct bucket *mine = &current->log_budget;
	if (!mine->tick && !mine->left)
		*mine = (struct bucket){ TASK_BURST, sched_ticks };    /* a new task */
	if (cost > refill(mine, TASK_RATE, TASK_BURST) || cost > refill(&all_tagged, TAGGED_RATE, TAGGED_BURST))
		return E_BUSY;
	mine->left -= cost;
	all_tagged.left -= cost;
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
		done += k;
	}
	f->rax = TERN_OK;
}
