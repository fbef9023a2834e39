/*
 * The kernel log ring: every byte the kernel console prints (kprintf, the
 * debug-write capability, output held before console_setup) is also kept
 * here, the newest KLOG_SIZE bytes of it, so /bin/dmesg can show the boot
 * log long after it scrolled off the serial line or the screen.
 *
 * The ring is page-aligned memory of the kernel image, handed to the root
 * task as a page object over those frames with READ only (a mint cannot
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

static struct klog_ring ring __attribute__((aligned(PAGE_SIZE)));
static struct note *wake;       /* MACHINE_KLOG_NOTE's, one reference held */
static uint64_t wake_badge;
static uint64_t wake_told;      /* total when last signalled */

static void klog_setup(void)
{
	if (!ring.magic) {              /* in .bss: set up on first use */
		ring.size = KLOG_SIZE;
		ring.magic = KLOG_MAGIC;
	}
}

void klog_putc(char c)
{
	klog_setup();
	uint64_t t = ring.total;
	ring.data[t % KLOG_SIZE] = (uint8_t)c;
	/* The byte before the count: a reader that sees the count sees it. */
	__atomic_store_n(&ring.total, t + 1, __ATOMIC_RELEASE);
}

struct page *klog_page(void)
{
	return page_wrap(virt_to_phys(&ring), KLOG_PAGES);
}

void klog_consoles(unsigned on)
{
	klog_setup();
	ring.flags = (ring.flags & KLOG_SCREEN_LENT) | (on & (KLOG_ON_COM1 | KLOG_ON_COM2 | KLOG_ON_SCREEN));
}

void klog_screen_lent(void)
{
	klog_setup();
	if (ring.flags & KLOG_SCREEN_LENT)
		return;                 /* the first lending is where the kernel stopped */
	ring.screen_from = ring.total;
	__atomic_store_n(&ring.flags, ring.flags | KLOG_SCREEN_LENT, __ATOMIC_RELEASE);
}

void klog_set_note(struct note *n, uint64_t badge)
{
	if (wake)
		kobj_put(&wake->hdr);
	wake = n;
	wake_badge = badge ? badge : 1;
	wake_told = ring.total;         /* a new reader reads the header itself */
}

/* Is a task waiting for this note now (in WAIT on it, or in RECV with it bound)? */
static int reader_waiting(const struct note *n)
{
	const struct task *b = n->bound;
	return n->waiter || (b && b->state == TASK_BLOCKED && b->block == BLOCK_RECV);
}

void klog_tick(uint64_t ticks)
{
	if (!wake || ticks % KLOG_WAKE_TICKS || ring.total == wake_told)
		return;
	wake_told = ring.total;
	if (reader_waiting(wake))
		ring.woken = wake_told;     /* it reads up to here, at least */
	note_signal(wake, wake_badge);
}
