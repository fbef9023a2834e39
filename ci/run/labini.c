/*
 * The lab description parser (format in labini.h, docs/lab.md). One pass,
 * line by line; each line is checked whole before it is split. Values are
 * copied into fixed buffers and anything longer is an error, never cut: a
 * cut command would power something else. The checks that need the whole
 * file (a machine without a console, no tftp_root) run at the end.
 */
#include "labini.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	LAB_K_MAC = 1, LAB_K_ON = 2, LAB_K_OFF = 4, LAB_K_CONSOLE = 8,
	LAB_K_PORT = 16, LAB_K_BOOT = 32, LAB_K_SCALE = 64,
};

static int fail(char *err, size_t errlen, unsigned line, const char *fmt, ...)
{
	va_list ap;
	int n = line ? snprintf(err, errlen, "%u: ", line) : 0;
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < errlen)
		vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static void trim(const char **b, const char **e)
{
	while (*b < *e && is_blank(**b))
		(*b)++;
	while (*e > *b && is_blank((*e)[-1]))
		(*e)--;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int lab_parse_mac(const char *s, uint8_t mac[6])
{
	if (strlen(s) != 17)
		return -1;
	char sep = s[2];
	if (sep != ':' && sep != '-')
		return -1;
	for (int i = 0; i < 6; i++) {
		int hi = hexval(s[i * 3]), lo = hexval(s[i * 3 + 1]);
		if (hi < 0 || lo < 0 || (i < 5 && s[i * 3 + 2] != sep))
			return -1;
		mac[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

/* 1..max, decimal only. */
static int parse_uint(const char *s, unsigned max, unsigned *out)
{
	unsigned long v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > max)
			return -1;
	}
	if (!v)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/* Machine names become file names (build/lab/NAME.log): keep them plain. */
static int good_name(const char *b, const char *e)
{
	if (b == e || e - b > LAB_NAME_MAX || *b == '.' || *b == '-')
		return 0;
	for (const char *p = b; p < e; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '_' || *p == '.'))
			return 0;
	return 1;
}

const struct lab_machine *lab_find(const struct lab *lab, const char *name)
{
	for (int i = 0; i < lab->n; i++)
		if (!strcmp(lab->m[i].name, name))
			return &lab->m[i];
	return 0;
}

enum section { SEC_NONE, SEC_LAB, SEC_MACHINE };

static int section_line(struct lab *lab, enum section *sec, unsigned line, const char *b, const char *e,
			int *seen_lab, char *err, size_t errlen)
{
	/* b..e is the text between '[' and ']'. */
	trim(&b, &e);
	if (e - b == 3 && !memcmp(b, "lab", 3)) {
		if (*seen_lab)
			return fail(err, errlen, line, "a second [lab] section");
		*seen_lab = 1;
		*sec = SEC_LAB;
		return 0;
	}
	if (e - b > 8 && !memcmp(b, "machine", 7) && is_blank(b[7])) {
		const char *n = b + 8;
		while (n < e && is_blank(*n))
			n++;
		if (!good_name(n, e))
			return fail(err, errlen, line,
				    "bad machine name \"%.*s\" (1..%d of A-Z a-z 0-9 . _ -, not starting with . or -)",
				    (int)(e - n), n, LAB_NAME_MAX);
		if (lab->n == LAB_MACHINES_MAX)
			return fail(err, errlen, line, "more than %d machines", LAB_MACHINES_MAX);
		for (int i = 0; i < lab->n; i++)
			if (strlen(lab->m[i].name) == (size_t)(e - n) && !memcmp(lab->m[i].name, n, (size_t)(e - n)))
				return fail(err, errlen, line, "machine %s again (first at line %u)", lab->m[i].name,
					    lab->m[i].line);
		struct lab_machine *m = &lab->m[lab->n++];
		memset(m, 0, sizeof(*m));
		memcpy(m->name, n, (size_t)(e - n));
		m->line = line;
		m->boot_timeout = LAB_BOOT_TIMEOUT_DEFAULT;
		*sec = SEC_MACHINE;
		return 0;
	}
	return fail(err, errlen, line, "unknown section [%.*s] (want [lab] or [machine NAME])", (int)(e - b), b);
}

static int set_once(unsigned *seen, unsigned bit, unsigned line, const char *key, char *err, size_t errlen)
{
	if (*seen & bit)
		return fail(err, errlen, line, "%s given twice", key);
	*seen |= bit;
	return 0;
}

static int machine_key(struct lab_machine *m, unsigned line, const char *key, const char *val, char *err,
		       size_t errlen)
{
	static const struct { const char *key; unsigned bit; size_t off; } cmds[] = {
		{ "power_on", LAB_K_ON, offsetof(struct lab_machine, power_on) },
		{ "power_off", LAB_K_OFF, offsetof(struct lab_machine, power_off) },
		{ "console", LAB_K_CONSOLE, offsetof(struct lab_machine, console) },
	};
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (strcmp(key, cmds[i].key))
			continue;
		if (set_once(&m->seen, cmds[i].bit, line, key, err, errlen))
			return -1;
		if (!*val)
			return fail(err, errlen, line, "%s is empty (a command that tern runs with sh -c)", key);
		strcpy((char *)m + cmds[i].off, val);
		return 0;
	}
	if (!strcmp(key, "mac")) {
		if (set_once(&m->seen, LAB_K_MAC, line, key, err, errlen))
			return -1;
		if (lab_parse_mac(val, m->mac))
			return fail(err, errlen, line, "bad MAC address \"%s\" (want six hex pairs: 52:54:00:12:34:01)",
				    val);
		return 0;
	}
	if (!strcmp(key, "console_port")) {
		if (set_once(&m->seen, LAB_K_PORT, line, key, err, errlen))
			return -1;
		if (strcmp(val, "com1") && strcmp(val, "com2"))
			return fail(err, errlen, line, "console_port must be com1 or com2, not \"%s\"", val);
		m->com2 = !strcmp(val, "com2");
		return 0;
	}
	if (!strcmp(key, "boot_timeout")) {
		if (set_once(&m->seen, LAB_K_BOOT, line, key, err, errlen))
			return -1;
		if (parse_uint(val, LAB_BOOT_TIMEOUT_MAX, &m->boot_timeout))
			return fail(err, errlen, line, "boot_timeout must be 1..%d seconds, not \"%s\"",
				    LAB_BOOT_TIMEOUT_MAX, val);
		return 0;
	}
	if (!strcmp(key, "timeout_scale")) {
		if (set_once(&m->seen, LAB_K_SCALE, line, key, err, errlen))
			return -1;
		if (parse_uint(val, LAB_SCALE_MAX, &m->timeout_scale))
			return fail(err, errlen, line, "timeout_scale must be 1..%d, not \"%s\"", LAB_SCALE_MAX, val);
		return 0;
	}
	return fail(err, errlen, line,
		    "unknown key \"%s\" in [machine %s] (mac, power_on, power_off, console, console_port, "
		    "boot_timeout, timeout_scale)", key, m->name);
}

static int lab_key(struct lab *lab, unsigned *seen, unsigned line, const char *key, const char *val, char *err,
		   size_t errlen)
{
	if (!strcmp(key, "tftp_root")) {
		if (set_once(seen, 1, line, key, err, errlen))
			return -1;
		if (*val != '/')
			return fail(err, errlen, line, "tftp_root must be an absolute path, not \"%s\"", val);
		strcpy(lab->tftp_root, val);
		return 0;
	}
	if (!strcmp(key, "timeout_scale")) {
		if (set_once(seen, 2, line, key, err, errlen))
			return -1;
		if (parse_uint(val, LAB_SCALE_MAX, &lab->timeout_scale))
			return fail(err, errlen, line, "timeout_scale must be 1..%d, not \"%s\"", LAB_SCALE_MAX, val);
		return 0;
	}
	return fail(err, errlen, line, "unknown key \"%s\" in [lab] (tftp_root, timeout_scale)", key);
}

int lab_parse(const char *text, size_t len, struct lab *lab, char *err, size_t errlen)
{
	memset(lab, 0, sizeof(*lab));
	lab->timeout_scale = 1;
	enum section sec = SEC_NONE;
	int seen_lab = 0;
	unsigned lab_seen = 0, line = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *b = p, *e = nl ? nl : end;
		p = nl ? nl + 1 : end;
		line++;
		if (e > b && e[-1] == '\r')
			e--;
		if (e - b > LAB_LINE_MAX)
			return fail(err, errlen, line, "line longer than %d bytes", LAB_LINE_MAX);
		for (const char *c = b; c < e; c++)
			if ((unsigned char)*c < 0x20 && *c != '\t')
				return fail(err, errlen, line, "control character 0x%02x", (unsigned char)*c);
		trim(&b, &e);
		if (b == e || *b == '#' || *b == ';')
			continue;
		if (*b == '[') {
			if (e[-1] != ']')
				return fail(err, errlen, line, "section line without ']'");
			if (section_line(lab, &sec, line, b + 1, e - 1, &seen_lab, err, errlen))
				return -1;
			continue;
		}
		const char *eq = memchr(b, '=', (size_t)(e - b));
		if (!eq)
			return fail(err, errlen, line, "not a key = value line, section or comment");
		const char *kb = b, *ke = eq, *vb = eq + 1, *ve = e;
		trim(&kb, &ke);
		/* A '#' after a blank starts a comment, as in the sh that runs the commands. */
		for (const char *c = vb; c < ve; c++)
			if (*c == '#' && c > vb && is_blank(c[-1])) {
				ve = c;
				break;
			}
		trim(&vb, &ve);
		char key[32], val[LAB_VALUE_MAX + 1];
		if (kb == ke || ke - kb >= (long)sizeof(key))
			return fail(err, errlen, line, "bad key \"%.*s\"", (int)(ke - kb), kb);
		if (ve - vb > LAB_VALUE_MAX)
			return fail(err, errlen, line, "value longer than %d bytes", LAB_VALUE_MAX);
		memcpy(key, kb, (size_t)(ke - kb));
		key[ke - kb] = '\0';
		memcpy(val, vb, (size_t)(ve - vb));
		val[ve - vb] = '\0';
		int r;
		if (sec == SEC_LAB)
			r = lab_key(lab, &lab_seen, line, key, val, err, errlen);
		else if (sec == SEC_MACHINE)
			r = machine_key(&lab->m[lab->n - 1], line, key, val, err, errlen);
		else
			r = fail(err, errlen, line, "key \"%s\" before any section", key);
		if (r)
			return r;
	}
	if (!(lab_seen & 1))
		return fail(err, errlen, 0, "no tftp_root in a [lab] section");
	if (!lab->n)
		return fail(err, errlen, 0, "no [machine NAME] section");
	static const struct { unsigned bit; const char *key; } need[] = {
		{ LAB_K_MAC, "mac" }, { LAB_K_ON, "power_on" }, { LAB_K_OFF, "power_off" },
		{ LAB_K_CONSOLE, "console" },
	};
	for (int i = 0; i < lab->n; i++) {
		struct lab_machine *m = &lab->m[i];
		for (size_t k = 0; k < sizeof(need) / sizeof(need[0]); k++)
			if (!(m->seen & need[k].bit))
				return fail(err, errlen, m->line, "machine %s has no %s", m->name, need[k].key);
		if (!(m->seen & LAB_K_SCALE))
			m->timeout_scale = lab->timeout_scale;
		for (int j = 0; j < i; j++)
			if (!memcmp(lab->m[j].mac, m->mac, 6))
				return fail(err, errlen, m->line, "machine %s has the MAC of machine %s", m->name,
					    lab->m[j].name);
	}
	return 0;
}
