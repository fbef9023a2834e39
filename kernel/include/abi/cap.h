/* Capability types and rights, as userspace sees them. */
#pragma once

enum tern_cap_type {
	CAP_NULL,
	CAP_MEMORY,             /* allocation authority: a quota of bytes to make objects from */
	CAP_TASK,               /* thread + address space + cspace */
	CAP_CSPACE,             /* a task's capability space, to place caps in it */
	CAP_ENDPOINT,           /* synchronous IPC */
	CAP_NOTE,               /* notification: a word of bits, signal/wait */
	CAP_IRQ,                /* one interrupt line, delivered to a note */
	CAP_IRQ_CONTROL,        /* authority to take IRQ lines */
	CAP_IOPORT,             /* a range of I/O ports */
	CAP_PAGE,               /* one or more frames of memory, mappable */
	CAP_REPLY,              /* one-shot right to answer a call */
	CAP_MACHINE,            /* power off, reboot, kernel info */
	CAP_DEBUG,              /* write to the kernel console (SYS_DEBUG_WRITE); badge 0 =
				 * as is, else each line is tagged with the writing task */
	CAP_MMIO,               /* device memory: a physical range that is not RAM (MMIO,
				 * framebuffer), mappable uncached or write-combining */
	CAP_TYPE_COUNT
};

/* Rights. Endpoints: READ = receive, WRITE = send, GRANT = pass caps.
 * Notes: READ = wait/poll, WRITE = signal. Pages: READ/WRITE/EXEC map
 * permissions; mmio: READ/WRITE map permissions (never EXEC). Other objects need READ|WRITE to be invoked. */
#define RIGHT_READ   0x1
#define RIGHT_WRITE  0x2
#define RIGHT_GRANT  0x4
#define RIGHT_EXEC   0x8
#define RIGHTS_ALL   0xF

#define TERN_CAP_TYPE_NAMES { \
	"null", "memory", "task", "cspace", "endpoint", "note", "irq", \
	"irq-control", "ioport", "page", "reply", "machine", "debug", "mmio" }
