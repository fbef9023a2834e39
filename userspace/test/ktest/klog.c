/* The kernel log ring (ROOT_KLOG, abi/klog.h): what the console printed,
 * readable by whoever holds the cap, writable by nobody but the kernel. */
#include "ktest.h"
#include <abi/klog.h>

#define VA 0x40000000ull

KTEST(klog_holds_what_the_console_prints)
{
	uint64_t out[6];
	KCHECK_EQ(tern_invoke(ROOT_KLOG, PAGE_INFO, 0, 0, 0, 0, out), TERN_OK);
	KCHECK_EQ(out[0], KLOG_PAGES);
	KCHECK_EQ(tern_page_map(ROOT_KLOG, 0, VA, RIGHT_READ), TERN_OK);
	const volatile struct klog_ring *r = (const volatile struct klog_ring *)VA;
	KCHECK_EQ(r->magic, KLOG_MAGIC);
	KCHECK_EQ(r->size, KLOG_SIZE);
	KCHECK(r->total > 0);
	static const char line[] = "ktest: klog marker 7e1f\n";
	uint64_t before = r->total;
	KCHECK_EQ(tern_debug_write(line, sizeof(line) - 1), TERN_OK);
	KCHECK_EQ(r->total, before + sizeof(line) - 1);
	for (uint64_t i = 0; i < sizeof(line) - 1; i++)
		KCHECK_EQ(r->data[(before + i) % KLOG_SIZE], (uint8_t)line[i]);
	KCHECK_EQ(tern_page_unmap(ROOT_KLOG, 0, VA), TERN_OK);
	return 0;
}

KTEST(klog_is_read_only)
{
	uint64_t w = slot();
	KCHECK_EQ(tern_page_map(ROOT_KLOG, 0, VA, RIGHT_READ | RIGHT_WRITE), E_NO_RIGHTS);
	KCHECK_EQ(tern_page_map(ROOT_KLOG, 0, VA, RIGHT_READ | RIGHT_EXEC), E_NO_RIGHTS);
	/* A mint or copy asking for more rights gets no more. */
	KCHECK_EQ(tern_cap_copy(ROOT_KLOG, 0, w, RIGHTS_ALL), TERN_OK);
	KCHECK_EQ(tern_page_map(w, 0, VA, RIGHT_READ | RIGHT_WRITE), E_NO_RIGHTS);
	struct tern_capinfo ci;
	KCHECK_EQ(tern_cap_identify(w, &ci), TERN_OK);
	KCHECK_EQ(ci.rights, RIGHT_READ);
	/* A task with it mapped read-only faults when it writes, and the
	 * ring is unchanged. */
	struct child c;
	KCHECK_EQ(child_spawn(&c, ROLE_RESUME, VA + 64, 50), 0);
	KCHECK_EQ(tern_page_map(w, c.task, VA, RIGHT_READ), TERN_OK);
	KCHECK_EQ(tern_page_map(w, 0, VA, RIGHT_READ), TERN_OK);
	uint64_t before = *(const volatile uint64_t *)(VA + 64);
	KCHECK_EQ(child_start(&c), TERN_OK);
	struct tern_msg m;
	KCHECK_EQ(wait_fault(&m, 1000), 0);
	KCHECK_EQ(m.mr[FAULT_MR_VECTOR], 14);
	KCHECK_EQ(m.mr[FAULT_MR_ADDR], VA + 64);
	KCHECK_EQ(*(const volatile uint64_t *)(VA + 64), before);
	KCHECK_EQ(tern_page_unmap(w, 0, VA), TERN_OK);
	return 0;
}

/* MACHINE_KLOG_NOTE: the note is signalled (from the timer tick) when the
 * log grows, not while it is quiet; the header's woken says how far a
 * reader that waited was woken for; no note, no signal. */
KTEST(klog_note_wakes_its_reader_when_the_log_grows)
{
	uint64_t n = make(CAP_NOTE, 0), a = slot(), bits = 99;
	KCHECK(n);
	KCHECK_EQ(tern_cap_mint(n, 0, a, RIGHT_WRITE, 0x10, 0), TERN_OK);
	KCHECK(tern_invoke(ROOT_MACHINE, MACHINE_KLOG_NOTE, ROOT_KLOG, 0, 0, 0, 0) != TERN_OK);   /* not a note */
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_KLOG_NOTE, a, 0, 0, 0, 0), TERN_OK);
	tern_sleep_ms(30);
	KCHECK_EQ(tern_poll(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 0);                             /* a quiet log wakes nobody */
	KCHECK_EQ(tern_page_map(ROOT_KLOG, 0, VA, RIGHT_READ), TERN_OK);
	const volatile struct klog_ring *r = (const volatile struct klog_ring *)VA;
	static const char line[] = "ktest: klog note\n";
	/* A tick may come between the write and the wait: the note is
	 * signalled all the same, but woken only moves for a reader that
	 * waits. So a few rounds, until one finds us waiting. */
	uint64_t end = 0;
	for (int round = 0; round < 5 && (!end || r->woken < end); round++) {
		KCHECK_EQ(tern_debug_write(line, sizeof(line) - 1), TERN_OK);
		end = r->total;
		KCHECK_EQ(tern_wait(n, &bits), TERN_OK);       /* within 10 ms */
		KCHECK_EQ(bits, 0x10);
	}
	KCHECK(r->woken >= end);                        /* we were waiting: woken for it */
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_KLOG_NOTE, 0, 0, 0, 0, 0), TERN_OK);
	KCHECK_EQ(tern_debug_write(line, sizeof(line) - 1), TERN_OK);
	tern_sleep_ms(30);
	KCHECK_EQ(tern_poll(n, &bits), TERN_OK);
	KCHECK_EQ(bits, 0);                             /* unbound: no signal */
	KCHECK_EQ(tern_page_unmap(ROOT_KLOG, 0, VA), TERN_OK);
	return 0;
}

/* MACHINE_HOSTIN_NOTE: decoded as MACHINE_KLOG_NOTE is (a note cap with
 * WRITE, or 0), then only PLATFORM=linux, which watches the host
 * terminal's input for its driver, takes it; the PC refuses E_BAD_ARG
 * (its drivers take their own interrupt lines). That it wakes the
 * terminal's holder is hosted/term's and hosted/end's. */
KTEST(hostin_note_only_where_the_kernel_watches_input)
{
	uint64_t n = make(CAP_NOTE, 0), ro = slot();
	KCHECK(n);
	KCHECK_EQ(tern_cap_mint(n, 0, ro, RIGHT_READ, 0, 0), TERN_OK);
	KCHECK(tern_invoke(ROOT_MACHINE, MACHINE_HOSTIN_NOTE, ROOT_KLOG, 0, 0, 0, 0) != TERN_OK);  /* not a note */
	KCHECK(tern_invoke(ROOT_MACHINE, MACHINE_HOSTIN_NOTE, ro, 0, 0, 0, 0) != TERN_OK);        /* no WRITE */
	int hosted = strstr(ktest_cmdline, "platform=linux") != 0;
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_HOSTIN_NOTE, n, 0, 0, 0, 0), hosted ? TERN_OK : E_BAD_ARG);
	KCHECK_EQ(tern_invoke(ROOT_MACHINE, MACHINE_HOSTIN_NOTE, 0, 0, 0, 0, 0), hosted ? TERN_OK : E_BAD_ARG);
	return 0;
}
