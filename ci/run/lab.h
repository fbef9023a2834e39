/*
 * One machine's part of a lab run (lab.c makes it, lab_target.c drives
 * it): what the machine is, where its boot entries went, and what is on,
 * so that lab_stop undoes exactly that.
 */
#pragma once
#include "labini.h"

struct lab_run {
	const struct lab_machine *m;
	const char *tftp_root;
	const char *dir;                /* "" or "tern-lab-PID/": this run's kernel and initramfs */
	int log_fd;                     /* the machine's log (the console's stderr goes there) */
	int lock_fd;                    /* flock on .tern-lab/<mac>.lock, or -1 */
	char pxe_path[4096], ipxe_path[4096];
	size_t boot_from;               /* where the booting attempt's output starts in run.out */
	int entries, powered, console_up, booted, stopped, no_boot;
};
