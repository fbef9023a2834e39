/*
 * Options of the /bin tools, the POSIX getopt way without its globals:
 * "-l", "-lw" (grouped), "-n 5" and "-n5" (an option with an argument),
 * "--" ends the options, "-" alone and the first word not starting with
 * '-' are operands. A '#' in spec also takes "-NUM" (head -5): the option
 * is '#' and arg the digits. Pure code: ci/unit/test_toolopt.c.
 */
#pragma once

struct tool_opt {
	int ind;                /* the next argv index to look at (start: 1) */
	const char *arg;        /* the argument of the option just returned */
	char bad;               /* the option character that was '?' */
	int missing;            /* ... because its argument is missing */
	int pos;                /* inside a group "-abc": the next letter */
};

#define TOOL_OPT_INIT { 1, 0, 0, 0, 0 }

/* The next option letter of spec ("ln:": l, and n with an argument);
 * '?' for a letter not in spec or a missing argument (bad says which);
 * -1 when the options are over (operands start at o->ind). */
int tool_opt_next(struct tool_opt *o, int argc, const char *const *argv, const char *spec);

/* A decimal count, all digits, no sign, no overflow: 0, or -1. */
int tool_opt_count(const char *s, unsigned long *n);
