/*
 * The shell's word splitter: pure code, unit-tested on the host
 * (ci/unit/test_shparse.c).
 *
 * Words are separated by blanks (space, TAB). Inside a word:
 *   'text'    taken literally, up to the next single quote;
 *   "text"    taken literally except that \" and \\ stand for " and \;
 *   \c        outside quotes, the character c itself (so "\ " joins words);
 *   #         at the start of a word begins a comment to the end of line.
 * Quotes may touch other text ("a"'b'c is one word "abc"), and "" or ''
 * is an empty word. Unterminated quotes and a backslash ending the line
 * are errors rather than guesses.
 */
#pragma once
#include <stddef.h>

enum shp_error {
	SHP_OK,
	SHP_E_SQUOTE,           /* unterminated '...' */
	SHP_E_DQUOTE,           /* unterminated "..." */
	SHP_E_ESCAPE,           /* backslash at the end of the line */
	SHP_E_TOOMANY,          /* more words than argv can hold */
	SHP_E_TOOLONG,          /* the words do not fit in the output buffer */
};

/*
 * Split line into at most max words, stored NUL-terminated in out (size
 * bytes; strlen(line) + 1 always suffices). argv (max + 1 entries) gets
 * pointers into out and a final NULL. Returns the word count, or
 * -SHP_E_* on error.
 */
int shp_split(const char *line, char *out, size_t size, const char **argv, int max);
const char *shp_strerror(int err);
