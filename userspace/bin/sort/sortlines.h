/*
 * sort's ordering (sortlines.c), pure and unit-tested
 * (ci/unit/test_sort.c): whole-line keys, compared as bytes or, with
 * SORT_NUMERIC, as numbers (leading blanks, an optional '-', digits and a
 * fraction; a line without a number counts as 0), equal numbers then in
 * byte order unless SORT_UNIQUE asks for the first of a run of equal keys.
 */
#pragma once
#include <stddef.h>

#define SORT_REVERSE 1
#define SORT_NUMERIC 2
#define SORT_UNIQUE  4

/* <0, 0, >0 as a orders before, with or after b under flags. */
int sort_cmp(const char *a, const char *b, int flags);
/* Sort v[0..n) (stable: a merge sort with tmp[0..n) as scratch). */
void sort_lines(const char **v, const char **tmp, size_t n, int flags);
/* After sort_lines: keep the first line of each run of equal keys;
 * returns how many are left in v. */
size_t sort_unique(const char **v, size_t n, int flags);
