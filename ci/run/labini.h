/*
 * The lab description (docs/lab.md): which machines a lab has and the
 * commands that power them and reach their consoles. Pure: it parses a
 * caller's text into fixed tables and says what is wrong with file:line
 * precision; nothing here runs a command or touches a file.
 *
 *   [lab]
 *   tftp_root = /srv/tftp/tern
 *   [machine node1]
 *   mac = 52:54:00:12:34:01
 *   power_on = ...          power_off = ...          console = ...
 *   console_port = com1|com2                         (default com1)
 *   boot_timeout = SECONDS  power-on to the kernel's first line (default 120)
 *   timeout_scale = N       the scenario's own timeouts times N (default 1)
 *
 * Lines: `key = value`, `[section]`, blank, or comments starting with '#'
 * or ';'. A '#' after a blank ends a value (as in sh, which runs the
 * commands). Everything is checked: unknown sections and keys, repeated
 * keys and machines, bad MACs and numbers, missing commands.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define LAB_MACHINES_MAX 32
#define LAB_NAME_MAX 31
#define LAB_VALUE_MAX 511
#define LAB_LINE_MAX 1024
#define LAB_BOOT_TIMEOUT_DEFAULT 120
#define LAB_BOOT_TIMEOUT_MAX 3600
#define LAB_SCALE_MAX 100

struct lab_machine {
	char name[LAB_NAME_MAX + 1];
	unsigned line;                  /* of its [machine NAME] */
	uint8_t mac[6];
	char power_on[LAB_VALUE_MAX + 1];
	char power_off[LAB_VALUE_MAX + 1];
	char console[LAB_VALUE_MAX + 1];
	int com2;                       /* console_port = com2 */
	unsigned boot_timeout;          /* seconds */
	unsigned timeout_scale;
	unsigned seen;                  /* LAB_K_* bits of the keys given */
};

struct lab {
	char tftp_root[LAB_VALUE_MAX + 1];
	unsigned timeout_scale;         /* [lab] default for the machines */
	struct lab_machine m[LAB_MACHINES_MAX];
	int n;
};

/*
 * Parse len bytes. 0 on success; -1 with err ("LINE: reason", or
 * "reason" for what is missing at the end) filled in.
 */
int lab_parse(const char *text, size_t len, struct lab *lab, char *err, size_t errlen);

/* "52:54:00:12:34:01" (or with '-') to 6 bytes: 0, or -1. */
int lab_parse_mac(const char *s, uint8_t mac[6]);

/* The machine called name, or 0. */
const struct lab_machine *lab_find(const struct lab *lab, const char *name);
