/*
 * The host terminal's input, as the kernel watches it for the terminal's
 * holder (hosted/hostterm.h): standard input is polled, with the timer
 * and the signals, wherever the kernel waits (user.c), but only while a
 * note is bound (MACHINE_HOSTIN_NOTE, init gives it to drv/hostterm as
 * `note = hostin`) and the holder has armed the terminal's page. When
 * input comes (or ends), the note is signalled and the arming used up.
 *
 * This replaces an interrupt line (the host terminal had line 5, masked
 * when delivered until IRQ_ACK): PLATFORM=linux has no interrupts, and a
 * note bound by the root is the same authority the kernel log's reader
 * gets (MACHINE_KLOG_NOTE). The arming word is the mask turned round: it
 * is in memory the holder maps, so re-arming costs no system call.
 */
#include <console.h>
#include <hosted/hosted.h>
#include <hosted/hostterm.h>
#include <arch/layout.h>
#include <object/kobj.h>
#include <object/note.h>

static struct note_ref wake;

static struct hostterm_page *page(void)
{
	return phys_to_virt(HOSTED_TERM_PAGE_PA);
}

int console_input_note(struct note *n, uint64_t badge)
{
	note_ref_set(&wake, n, badge);
	return 0;
}

int hostin_watched(void)
{
	return wake.note && __atomic_load_n(&page()->armed, __ATOMIC_ACQUIRE) != 0;
}

void hostin_ready(void)
{
	if (!hostin_watched())
		return;
	__atomic_store_n(&page()->armed, 0, __ATOMIC_RELEASE);
	note_signal(wake.note, wake.badge);
}
