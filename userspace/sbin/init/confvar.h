/*
 * Kernel command line values in the boot configuration: a word of
 * init.conf may hold ${NAME}, which becomes the value of NAME=VALUE on the
 * kernel command line (empty if it is not there), or ${NAME:-DEFAULT},
 * which becomes DEFAULT when it is not there or empty. So
 * `start /drv/ps2kbd ${keymap:-us}` takes the layout from keymap=de.
 * Pure code, unit-tested on the host (ci/unit/test_confvar.c).
 */
#pragma once
#include <stddef.h>

/* Expand in into out (size bytes); 0, or -1 if it did not fit or a ${ is not closed. */
int conf_expand(const char *cmdline, const char *in, char *out, size_t size);
