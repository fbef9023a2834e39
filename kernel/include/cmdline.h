/* Kernel command line lookup (pure; unit-tested on the host). */
#pragma once

/* Find "key" or "key=value" in cmd; copy value (or "") into val. 1 if found. */
int cmdline_get(const char *cmd, const char *key, char *val, unsigned long size);
