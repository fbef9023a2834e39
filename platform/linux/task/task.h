/* What tern-task's files share (main.c is the process; san.c its part in
 * the sanitized programs, hosted/san.h). */
#pragma once
#include <stdint.h>
#include "linux.h"

/* 1 if [va, end) meets the ASan shadow a program asked for. */
int san_overlaps(uint64_t va, uint64_t end);
/* A sanitizer host call answered into m->rax: 1, else 0. */
int san_hostcall(struct k_mcontext *m);
