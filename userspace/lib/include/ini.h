/*
 * INI parser for capability manifests. Pure code over a caller's buffer:
 * no allocation, no libc, every length bounded, so it can read untrusted
 * manifests (and is fuzzed: ci/fuzz/fuzz_ini.c).
 *
 * The syntax, as parsed (lexical level only; what sections and keys mean
 * is up to the loader that reads the manifest):
 *
 *   text      lines separated by LF; a CR before the LF is dropped. The last
 *             line needs no LF. NUL bytes and control characters other than
 *             TAB are errors. A line is at most INI_LINE_MAX bytes.
 *   blank     lines of only spaces and TABs are ignored.
 *   comment   a line whose first non-blank character is '#' or ';'. There
 *             are no comments at the end of a line: `desc=a;b` has the value
 *             "a;b".
 *   section   `[name]`, blanks allowed around the name and after the ']'.
 *             The name is 1..INI_NAME_MAX printable characters, no blanks,
 *             none of "[]=". Every key belongs to the last section opened;
 *             a key before the first section is an error.
 *   key       `key = value`: the key is everything before the first '=',
 *             the value everything after it, both with blanks trimmed. The
 *             key is 1..INI_NAME_MAX printable characters without blanks,
 *             '[' or ']' (so `0:endpoint` is one key). The value is
 *             0..INI_VALUE_MAX bytes and may be empty (`0:endpoint =`).
 *   repeats   the parser reports keys and sections in order and does not
 *             reject duplicates; the caller decides.
 *
 * Value helpers for the manifest's value syntax:
 *
 *   list      `k=v, k=v, ...` (ini_kv_next): items separated by ',', blanks
 *             around items, keys and values trimmed; a key is 1.. printable
 *             characters without blanks; the value may be empty; an empty
 *             value list has no items, but an empty item (",,") is an error.
 *   numbers   ini_parse_hex: hex digits, optional 0x/0X prefix (ports:
 *             `min=3F8`). ini_parse_num: decimal, or hex with 0x/0X. Both
 *             take exactly the given bytes: no sign, no blanks, no empty
 *             string, no trailing junk, nothing above UINT64_MAX.
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INI_LINE_MAX 512
#define INI_NAME_MAX 63         /* section and key names */
#define INI_VALUE_MAX 255

/* What ini_parse hands to the handler; strings are NUL-terminated copies. */
struct ini_item {
	const char *section;
	const char *key;
	const char *value;
	size_t value_len;
	unsigned line;          /* 1-based */
};

/*
 * Return 0 to go on; nonzero aborts the parse, and ini_parse returns that
 * value. The handler may set *reason to say why (it must outlive the call).
 */
typedef int (*ini_handler)(void *ctx, const struct ini_item *item, const char **reason);

struct ini_error {
	unsigned line;          /* 0 when there was no error */
	const char *reason;     /* static string, or the handler's */
};

#define INI_ESYNTAX (-1)

/*
 * Parse len bytes of text, calling fn for every key in order. Returns 0,
 * INI_ESYNTAX with *err filled in, or the handler's nonzero value (with
 * err->line set and err->reason the handler's reason or a default).
 * err may be NULL.
 */
int ini_parse(const char *text, size_t len, ini_handler fn, void *ctx, struct ini_error *err);

/* One `k=v` item of a value list; the strings point into the list. */
struct ini_kv {
	const char *key;
	size_t key_len;
	const char *val;
	size_t val_len;
};

struct ini_kv_iter {
	const char *p, *end;
	const char *error;      /* set when ini_kv_next returned -1 */
	bool want_item;         /* just passed a ',' */
};

void ini_kv_init(struct ini_kv_iter *it, const char *list, size_t len);
/* 1: *kv filled in; 0: end of list; -1: syntax error (it->error says why). */
int ini_kv_next(struct ini_kv_iter *it, struct ini_kv *kv);
/* Does the item's key equal the NUL-terminated name? */
bool ini_kv_is(const struct ini_kv *kv, const char *name);

/* 0 and *out set, or -1 (empty, bad digit, overflow). */
int ini_parse_hex(const char *s, size_t len, uint64_t *out);
int ini_parse_num(const char *s, size_t len, uint64_t *out);
