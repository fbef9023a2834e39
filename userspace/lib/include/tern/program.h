/*
 * What a program started by init finds when it starts (the "startup ABI").
 *
 * Cspace slots:
 *   PROG_MEMORY   its memory quota (the manifest's [memory] pages)
 *   PROG_IPCBUF   the page of its IPC buffer
 *   PROG_INIT     an endpoint to init (badged with the program's id) for
 *                 the init protocol (proto/init.h)
 *   PROG_SELF     its own task cap (to bind a note, set its name)
 *   PROG_DEBUG    the kernel console, only if its manifest has `log=`
 *                 (see docs/manifest.md); empty otherwise
 *   PROG_STDIN, PROG_STDOUT, PROG_STDERR
 *                 its standard streams (proto/stream.h: a terminal, an open
 *                 file or a pipe end), chosen by whoever started it: the
 *                 caps sent with INIT_SPAWN (proto/init.h), or, for a
 *                 [program] started from /etc/init.conf, the console (or the
 *                 service its `start stdio=NAME` line names). Drivers
 *                 ([driver]) and servers ([provides]) started from
 *                 init.conf get none. An empty slot
 *                 reads as end of file; printf to an empty stdout (and
 *                 eprintf to an empty stderr) goes to the kernel console if
 *                 PROG_DEBUG holds it, else nowhere. init closes the three
 *                 (STREAM_CLOSE) when the program ends.
 *   PROG_CAP(i)   manifest slot i ("i:type = ..." in [capabilities])
 * A program whose manifest has "N:mmio = framebuffer" finds the boot
 * framebuffer's geometry in prog_info->fb (format MMIO_FB_NONE otherwise);
 * PROG_CAP(N) covers fb.base .. fb.base + fb.size - 1 in whole pages.
 * Registers at entry: RDI = address of the read-only struct prog_info
 * (always PROG_INFO_VA); the IPC buffer is at PROG_IPCBUF_VA. The heap
 * (malloc) grows at PROG_HEAP_VA.
 */
#pragma once
#include <stdint.h>

#define PROG_MEMORY     1
/* The sanitized build (SAN=1, docs/hosted.md) gives every manifest's
 * [memory] pages times this (userspace.mk); code that sizes itself or
 * checks its quota by the manifest multiplies by it too. */
#ifndef USER_MEMORY_SCALE
#define USER_MEMORY_SCALE 1
#endif
#define PROG_IPCBUF     2
#define PROG_INIT       3
#define PROG_SELF       4
#define PROG_DEBUG      5               /* the kernel console, if the manifest asks (log=) */
#define PROG_STDIN      6
#define PROG_STDOUT     7
#define PROG_STDERR     8
#define PROG_CAP_BASE   16
#define PROG_CAP(i)     (PROG_CAP_BASE + (uint64_t)(i))
#define PROG_RADIX      8               /* 256 slots unless [cspace] radix says more */

#define PROG_INFO_VA    0x0FFE0000ull
#define PROG_IPCBUF_VA  0x0FFF0000ull
#define PROG_HEAP_VA    0x10000000ull
#define PROG_STACK_TOP  0x7FFFFFF00000ull
#define PROG_STACK_PAGES 16

#define PROG_INFO_MAGIC 0x7465726E50524F47ull   /* "ternPROG" */
#define PROG_ARGS_MAX   1024
#define PROG_ARGV_MAX   32

struct prog_info {
	uint64_t magic;
	uint64_t id;                    /* init's number for this program */
	uint64_t first_free_slot;       /* slots from here up are the program's to use */
	uint64_t radix;
	char name[32];
	uint64_t argc;
	char args[PROG_ARGS_MAX];       /* argc NUL-terminated strings, argv[0] first */
	char cwd[256];                  /* working directory, absolute ("/" unless the
					 * spawner gave one): relative paths start here */
	struct prog_fb {                /* the boot framebuffer (mmio = framebuffer) */
		uint64_t base, size;    /* physical address of the first pixel (map from it
					 * rounded down to a page); bytes, pitch * height */
		uint32_t width, height; /* pixels */
		uint32_t pitch;         /* bytes per line */
		uint32_t format;        /* MMIO_FB_* (abi/object.h): 32 bits per pixel */
	} fb;
};

/* Set by the C runtime when started by init (0 for the root task). */
extern const struct prog_info *prog_info;
/* argv built from prog_info (argv[argc] = 0). */
int prog_args(const char **argv, int max);
/* A free slot of our cspace (0 when none left), and giving one back. */
uint64_t slot_alloc(void);
void slot_free(uint64_t slot);
/* For tasks not started by init (the root task): where free slots begin. */
void slot_init(uint64_t first, unsigned radix);
/* The memory cap malloc pays with (PROG_MEMORY unless set). */
extern uint64_t malloc_memory;
/* Where the heap starts (PROG_HEAP_VA unless set before the first malloc;
 * the root task's address space has the initramfs there). */
extern uint64_t malloc_heap_va;
