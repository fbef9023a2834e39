/*
 * Tab completion, the pure part (unit-tested: ci/unit/test_complete.c).
 * cpl_find says which word the cursor is at the end of and what kind it
 * is: the first word of a command is completed from the builtins and the
 * programs in /bin (unless it has a '/': then it is a path, like every
 * later word and every word after < or >). A path word is split at its
 * last '/': the directory part (read by the caller with FS_READDIR) and
 * the name prefix. The caller feeds every name it knows to cpl_add; the
 * set keeps the matching ones (once each) and their common prefix.
 * One match completes whole, with "/" after a directory and " " after
 * anything else; several complete as far as they agree, and the caller
 * lists them on a second Tab.
 */
#pragma once
#include <stddef.h>

#define CPL_NAME_MAX 63         /* longest name kept (the file system's are shorter) */
#define CPL_LIST_MAX 64         /* names kept for listing; more are counted */

struct cpl_word {
	size_t start;           /* the word is line[start .. cursor) */
	size_t dirlen;          /* its directory part: line[start .. start + dirlen) */
	int command;            /* the first word of a command, without a '/' */
};

void cpl_find(const char *line, size_t cur, struct cpl_word *w);

struct cpl_set {
	char prefix[CPL_NAME_MAX + 1];
	size_t prefixlen;
	int n;                  /* names that match */
	char common[CPL_NAME_MAX + 1];  /* their longest common prefix */
	int dir;                /* n == 1: the match is a directory */
	char names[CPL_LIST_MAX][CPL_NAME_MAX + 2];     /* directories end in '/' */
	int nlisted;
};

/* Start a set for the names beginning with prefix[0 .. len). */
void cpl_set_init(struct cpl_set *s, const char *prefix, size_t len);
void cpl_add(struct cpl_set *s, const char *name, int is_dir);
/* What to insert at the cursor (size bytes at most, with the NUL): the
 * common prefix beyond what was typed, plus "/" or " " for a single
 * match; "" when there is nothing to add. */
void cpl_insertion(const struct cpl_set *s, char *out, size_t size);
/* Sort the listed names, for showing them. */
void cpl_sort(struct cpl_set *s);
