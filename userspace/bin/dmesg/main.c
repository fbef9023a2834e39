/*
 * dmesg: print the kernel log, the part of it the kernel's ring still
 * holds (kernel/klog.c), oldest first. When the ring has wrapped, the
 * oldest line is cut, so it starts at the next whole line.
 *
 * The ring is manifest slot 0 (`0:page = klog`): a read-only page cap,
 * mapped here read-only; klogread.c copies it out, allowing for the
 * kernel writing meanwhile. Output goes to stdout.
 */
#include "klogread.h"
#include <stdio.h>
#include <string.h>
#include <tern/program.h>
#include <tern/tool.h>

#define KLOG    PROG_CAP(0)
#define KLOG_VA 0x40000000ull
#define PAGE    4096u

static uint8_t buf[KLOG_SIZE];

int main(int argc, const char **argv)
{
	tool_init(argc, argv);
	if (argc > 1)
		return tool_usage("[-h]: print the kernel log (what the kernel's ring still holds)");
	uint64_t info[6];
	int err = tern_invoke(KLOG, PAGE_INFO, 0, 0, 0, 0, info);
	if (!err)
		err = tern_page_map(KLOG, 0, KLOG_VA, RIGHT_READ);
	if (err)
		return tool_error("no kernel log: %s", tern_strerror(err));
	uint64_t room = info[0] * PAGE - KLOG_HEADER;
	uint64_t first;
	long n = klog_read((const volatile struct klog_ring *)KLOG_VA, room, buf, sizeof(buf), &first);
	tern_page_unmap(KLOG, 0, KLOG_VA);
	if (n < 0)
		return tool_error("the kernel log's header is not a ring's");
	size_t at = klog_line_start(buf, (size_t)n, first);
	if ((size_t)n > at)
		stdout_write(buf + at, (size_t)n - at);
	return 0;
}
