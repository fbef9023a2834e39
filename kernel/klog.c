/*
 * The kernel log ring: every byte the kernel console prints (kprintf, the
 * debug-write capability, output held before console_setup) is also kept
 * here, the newest KLOG_SIZE bytes of it, so /bin/dmesg can show the boot
 * log long after it scrolled off the serial line or the screen.
 *
 * The ring's memory is the platform's (klog_ring(): on the PC page-aligned
 * memory of the kernel image, kernel/arch/x86_64/klog_ring.c; hosted,
 * frames of the memory file), handed to the root task as a page object
 * over those frames with READ only (a mint cannot
 * add rights, and PAGE_MAP refuses rights the cap lacks), so userspace
 * reads it in place and nobody but the kernel writes it. The header
 * (abi/klog.h) counts the bytes ever written; each byte is stored before
 * the count moves past it, which is what lets a reader detect a wrap or a
 * write that raced its copy.
 *
 * A reader that follows the log (the screen driver that shows it once the
 * kernel stopped drawing there) sleeps on a note the root task binds with
 * MACHINE_KLOG_NOTE. The note is signalled from the timer tick, not from
 * klog_putc: kprintf runs anywhere (in the scheduler, in a panic, inside
 * note code), while the tick is where interrupts are delivered to notes
 * anyway. A check every KLOG_WAKE_TICKS costs nothing when the log is
 * quiet, wakes the reader at most 100 times a second however fast the log
 * grows (a flood is read in batches), and shows a line 10 ms late at
 * most, which nobody reading a screen can tell. One note at a time: a new
 * binding replaces the old one (a restarted driver's).
 */
#include <abi/klog.h>
#include <arch/layout.h>
#include <klog.h>
#include <object/note.h>
#include <object/page.h>
#include <object/task.h>

#define KLOG_WAKE_TICKS 10      /* 10 ms at SCHED_HZ 1000 */

_Static_assert(sizeof(struct klog_ring) == KLOG_PAGES * PAGE_SIZE, "klog ring is whole pages");

static struct note_ref wake;    /* MACHINE_KLOG_NOTE's */
static uint64_t wake_told;      /* total when last signalled */

/* The ring, set up on first use (it starts zeroed); 0 while the platform
 * has none yet. */
static struct klog_ring *klog_setup(void)
{
	struct klog_ring *r = klog_ring();
	if (r && !r->magic) {
		r->size = KLOG_SIZE;
		r->magic = KLOG_MAGIC;
	}
	return r;
}

void klog_putc(char c)
{
	struct klog_ring *r = klog_setup();
	if (!r)
		return;
	uint64_t t = r->total;
	r->data[t % KLOG_SIZE] = (uint8_t)c;
	/* The byte before the count: a reader that sees the count sees it. */
	__atomic_store_n(&r->total, t + 1, __ATOMIC_RELEASE);
}

struct page *klog_page(void)
{
	struct klog_ring *r = klog_setup();
	return r ? page_wrap(virt_to_phys(r), KLOG_PAGES) : 0;
}

void klog_consoles(unsigned on)
{
	struct klog_ring *r = klog_setup();
	if (r)
		r->flags = (r->flags & KLOG_SCREEN_LENT) | (on & (KLOG_ON_COM1 | KLOG_ON_COM2 | KLOG_ON_SCREEN));
}

void klog_screen_lent(void)
{
	struct klog_ring *r = klog_setup();
	if (!r || r->flags & KLOG_SCREEN_LENT)
		return;                 /* the first lending is where the kernel stopped */
	r->screen_from = r->total;
	__atomic_store_n(&r->flags, r->flags | KLOG_SCREEN_LENT, __ATOMIC_RELEASE);
}

void klog_set_note(struct note *n, uint64_t badge)
{
	struct klog_ring *r = klog_setup();
	note_ref_set(&wake, n, badge);
	wake_told = r ? r->total : 0;   /* a new reader reads the header itself */
}

/* Is a task waiting for this note now (in WAIT on it, or in RECV with it bound)? */
static int reader_waiting(const struct note *n)
{
	const struct task *b = n->bound;
	return n->waiter || (b && b->state == TASK_BLOCKED && b->block == BLOCK_RECV);
}

void klog_tick(uint64_t ticks)
{
	struct klog_ring *r = klog_ring();
	if (!wake.note || !r || ticks % KLOG_WAKE_TICKS || r->total == wake_told)
		return;
	wake_told = r->total;
	if (reader_waiting(wake.note))
		r->woken = wake_told;       /* it reads up to here, at least */
	note_signal(wake.note, wake.badge);
}
