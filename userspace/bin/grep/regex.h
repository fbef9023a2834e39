/*
 * POSIX basic regular expressions for grep (regex.c), pure and unit-tested
 * (ci/unit/test_regex.c).
 *
 * Supported: literal characters, `.`, `*`, `^` (at the start of the
 * pattern or of a group), `$` (at the end of the pattern or of a group),
 * bracket expressions `[...]` `[^...]` with ranges and `[:alpha:]`-style
 * classes, `\(` `\)` groups, intervals `\{n\}` `\{n,\}` `\{n,m\}`, the GNU
 * `\+` and `\?`, and `\c` for a literal c. Back-references are refused.
 *
 * A pattern compiles to a small program for a Thompson NFA, run in lock
 * step over the line (a Pike VM without captures): matching costs at most
 * the program's size for each byte of the line, and uses no recursion, so
 * a hostile pattern (`a*a*a*a*a*b`, `\(a*\)*`) cannot exhaust the stack or
 * take exponential time. Everything lives in struct re: no allocation.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define RE_PROG_MAX  1024       /* instructions (an interval copies its atom) */
#define RE_CLASS_MAX 64         /* bracket expressions */
#define RE_GROUP_MAX 16         /* nested \( \) */
#define RE_DUP_MAX   255        /* the largest interval bound */

#define RE_ICASE 1              /* ignore case (ASCII) */

enum re_error {
	RE_OK,
	RE_EBRACK,              /* [ without ] */
	RE_EPAREN,              /* \( without \) or the reverse */
	RE_EBRACE,              /* a bad interval \{ \} */
	RE_ERANGE,              /* a range whose end is before its start */
	RE_ECTYPE,              /* an unknown [:class:] */
	RE_EESCAPE,             /* a trailing backslash */
	RE_ESUBREG,             /* a back-reference (not supported) */
	RE_ESIZE,               /* the pattern needs more than RE_PROG_MAX */
};

struct re_inst {
	uint8_t op;
	uint8_t arg;            /* the byte (RE_CHAR), the class (RE_CLASS) */
	int16_t x, y;           /* jump targets, relative to this instruction */
};

struct re {
	struct re_inst prog[RE_PROG_MAX];
	int len;
	int flags;
	uint8_t cls[RE_CLASS_MAX][32];  /* 256-bit sets */
	int ncls;
	/* Matching state: two thread lists and a stack for the closure. */
	uint16_t list[2][RE_PROG_MAX];
	uint16_t stack[RE_PROG_MAX];
	uint32_t mark[RE_PROG_MAX];     /* step a pc was last added in */
	uint32_t step;
};

/* Compile pat (NUL-terminated); RE_OK or an enum re_error. */
int re_compile(struct re *re, const char *pat, int flags);
/* Does the pattern match somewhere in s[0..len)? 1 or 0. `^` matches at
 * s, `$` at s + len. */
int re_match(struct re *re, const char *s, size_t len);
const char *re_strerror(int err);
